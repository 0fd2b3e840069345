package dev.kmipjca.jca;

import dev.kmipjca.envelope.Envelope;
import dev.kmipjca.envelope.EnvelopeDecryptor;
import dev.kmipjca.envelope.EnvelopeEncryptor;
import dev.kmipjca.envelope.KeyWrapException;
import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.CipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.ShortBufferException;

/**
 * {@code Cipher "KMIP-Envelope"}: envelope encryption (docs/envelope-format.md) under a master key
 * handle ({@link KmipKey}). ENCRYPT_MODE writes a segmented envelope (any size, constant memory, also
 * through {@code CipherOutputStream}); DECRYPT_MODE reads an envelope of either form, finding its master
 * key from the header through the handle's connection (the handle given to {@code init} is used only
 * for that connection). Associated data ({@code updateAAD}) is authenticated, not stored.
 *
 * <p>Each message is one {@link EnvelopeEncryptor} or {@link EnvelopeDecryptor} of the shared
 * {@link Envelope} of the handle's connection and master key ({@link SharedEnvelopes}), so data keys
 * are cached across messages and ciphers; after {@code doFinal} the cipher starts a new message with a
 * new encryptor or decryptor (a fresh nonce and salt every time, so re-initialising is never needed).
 * {@code getIV} and {@code getParameters} return null: everything a reader needs is in the envelope's
 * header, and no parameters are accepted by {@code init}. Unwrap failures are {@code ProviderException}s
 * whose cause is the {@code KeyWrapException}; authentication failures {@code AEADBadTagException}s.
 */
final class EnvelopeCipherSpi extends CipherSpi {
    private int opmode;
    private Envelope envelope;
    private EnvelopeEncryptor encryptor;
    private EnvelopeDecryptor decryptor;
    /** A decryption failure met in {@code update}, thrown by {@code doFinal} (update cannot throw it). */
    private GeneralSecurityException failed;

    @Override
    protected void engineSetMode(String mode) throws NoSuchAlgorithmException {
        throw new NoSuchAlgorithmException("KMIP-Envelope has no modes (it is AES-256-GCM envelope encryption)");
    }

    @Override
    protected void engineSetPadding(String padding) throws NoSuchPaddingException {
        throw new NoSuchPaddingException("KMIP-Envelope has no padding");
    }

    @Override
    protected int engineGetBlockSize() {
        return 0;
    }

    @Override
    protected int engineGetOutputSize(int inputLen) {
        if (current()) {
            return 0; // a failed message releases nothing more; doFinal throws
        }
        return encryptor != null ? encryptor.getOutputSize(inputLen) : decryptor.getOutputSize(inputLen);
    }

    /** Null: the nonces and salt are random per message and stored in the envelope's header. */
    @Override
    protected byte[] engineGetIV() {
        return null;
    }

    /** Null: the envelope's header carries everything decryption needs. */
    @Override
    protected AlgorithmParameters engineGetParameters() {
        return null;
    }

    @Override
    protected int engineGetKeySize(Key key) throws InvalidKeyException {
        return 256;
    }

    @Override
    protected void engineInit(int op, Key key, SecureRandom random) throws InvalidKeyException {
        closeMessage();
        if (op == Cipher.ENCRYPT_MODE) {
            envelope = SharedEnvelopes.forKey(key);
            ((ServerKeyHandle) key).checkEncrypts(); // the master key's State, cached: no round trip in steady state
        } else if (op == Cipher.DECRYPT_MODE) {
            envelope = SharedEnvelopes.decryptingFor(key);
        } else {
            throw new InvalidKeyException("KMIP-Envelope encrypts and decrypts only; it does not wrap keys (mode " + op + ")");
        }
        opmode = op;
    }

    @Override
    protected void engineInit(int op, Key key, AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (params != null) {
            throw new InvalidAlgorithmParameterException("KMIP-Envelope takes no parameters: the envelope's header"
                    + " carries its nonce, salt and key");
        }
        engineInit(op, key, random);
    }

    @Override
    protected void engineInit(int op, Key key, AlgorithmParameters params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        engineInit(op, key, params == null ? null : (AlgorithmParameterSpec) null, random);
        if (params != null) {
            throw new InvalidAlgorithmParameterException("KMIP-Envelope takes no parameters");
        }
    }

    /** Starts the message on first use after init or doFinal; true when it already failed (see {@link #failed}). */
    private boolean current() {
        if (envelope == null) {
            throw new IllegalStateException("the cipher is not initialised");
        }
        if (failed != null) {
            return true;
        }
        if (encryptor != null || decryptor != null) {
            return false;
        }
        if (opmode == Cipher.ENCRYPT_MODE) {
            try {
                encryptor = envelope.newEncryptor(Envelope.Form.SEGMENTED);
            } catch (KeyWrapException e) {
                boolean state = e.kind() == KeyWrapException.Kind.KEY_NOT_USABLE || e.kind() == KeyWrapException.Kind.KEY_NOT_FOUND;
                throw new ProviderException(state ? e.getMessage() : "could not wrap a new data key under master key "
                        + e.masterKeyId() + ": " + e.getMessage(), e);
            }
        } else {
            decryptor = envelope.newDecryptor();
        }
        return false;
    }

    private void throwIfFailed() throws BadPaddingException {
        if (current()) {
            GeneralSecurityException f = failed;
            failed = null;
            closeMessage();
            throw finalFailure(f);
        }
    }

    @Override
    protected void engineUpdateAAD(byte[] src, int offset, int len) {
        current();
        if (encryptor != null) {
            encryptor.updateAAD(src, offset, len);
        } else {
            decryptor.updateAAD(src, offset, len);
        }
    }

    @Override
    protected void engineUpdateAAD(ByteBuffer src) {
        current();
        if (encryptor != null) {
            encryptor.updateAAD(src);
        } else {
            decryptor.updateAAD(src);
        }
    }

    @Override
    protected byte[] engineUpdate(byte[] in, int off, int len) {
        if (current()) {
            return null;
        }
        try {
            byte[] out = encryptor != null ? encryptor.update(in, off, len) : decryptor.update(in, off, len);
            return out.length == 0 ? null : out;
        } catch (GeneralSecurityException | KeyWrapException e) {
            return streamFailure(e, null);
        }
    }

    @Override
    protected int engineUpdate(byte[] in, int off, int len, byte[] out, int outOff) throws ShortBufferException {
        if (current()) {
            return 0;
        }
        try {
            return encryptor != null ? encryptor.update(in, off, len, out, outOff) : decryptor.update(in, off, len, out, outOff);
        } catch (ShortBufferException e) {
            throw e;
        } catch (GeneralSecurityException | KeyWrapException e) {
            return streamFailure(e, 0);
        }
    }

    @Override
    protected int engineUpdate(ByteBuffer in, ByteBuffer out) throws ShortBufferException {
        if (current()) {
            in.position(in.limit());
            return 0;
        }
        try {
            return encryptor != null ? encryptor.update(in, out) : decryptor.update(in, out);
        } catch (ShortBufferException e) {
            throw e;
        } catch (GeneralSecurityException | KeyWrapException e) {
            return streamFailure(e, 0);
        }
    }

    @Override
    protected byte[] engineDoFinal(byte[] in, int off, int len) throws IllegalBlockSizeException, BadPaddingException {
        throwIfFailed();
        try {
            return encryptor != null ? encryptor.doFinal(in == null ? new byte[0] : in, off, len)
                    : decryptor.doFinal(in == null ? new byte[0] : in, off, len);
        } catch (GeneralSecurityException | KeyWrapException e) {
            throw finalFailure(e);
        } finally {
            closeMessage();
        }
    }

    @Override
    protected int engineDoFinal(byte[] in, int off, int len, byte[] out, int outOff)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        throwIfFailed();
        byte[] src = in == null ? new byte[0] : in;
        boolean done = false;
        try {
            int n = encryptor != null ? encryptor.doFinal(src, off, len, out, outOff)
                    : decryptor.doFinal(src, off, len, out, outOff);
            done = true;
            return n;
        } catch (ShortBufferException e) {
            throw e; // the message stays usable: nothing was consumed
        } catch (GeneralSecurityException | KeyWrapException e) {
            done = true;
            throw finalFailure(e);
        } finally {
            if (done) {
                closeMessage();
            }
        }
    }

    @Override
    protected int engineDoFinal(ByteBuffer in, ByteBuffer out)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        throwIfFailed();
        boolean done = false;
        try {
            int n = encryptor != null ? encryptor.doFinal(in, out) : decryptor.doFinal(in, out);
            done = true;
            return n;
        } catch (ShortBufferException e) {
            throw e;
        } catch (GeneralSecurityException | KeyWrapException e) {
            done = true;
            throw finalFailure(e);
        } finally {
            if (done) {
                closeMessage();
            }
        }
    }

    private void closeMessage() {
        failed = null;
        if (encryptor != null) {
            encryptor.close();
            encryptor = null;
        }
        if (decryptor != null) {
            decryptor.close();
            decryptor = null;
        }
    }

    /**
     * A failure inside {@code update}, which cannot throw checked exceptions. An authentication or format
     * failure is kept and thrown by {@code doFinal} (as an AEADBadTagException), the update releasing
     * nothing; a master key that cannot be used is a ProviderException now. The message is abandoned.
     */
    private <T> T streamFailure(Exception e, T nothing) {
        closeMessage();
        if (e instanceof GeneralSecurityException g) {
            failed = g;
            return nothing;
        }
        throw finalKeyFailure((KeyWrapException) e);
    }

    private static ProviderException finalKeyFailure(KeyWrapException k) {
        return new ProviderException("could not unwrap the data key under master key " + k.masterKeyId() + ": "
                + k.getMessage(), k);
    }

    private BadPaddingException finalFailure(Exception e) {
        if (e instanceof AEADBadTagException a) {
            return a;
        }
        if (e instanceof KeyWrapException k) {
            throw finalKeyFailure(k);
        }
        AEADBadTagException bad = new AEADBadTagException("not a valid envelope: " + e.getMessage());
        bad.initCause(e);
        return bad;
    }
}
