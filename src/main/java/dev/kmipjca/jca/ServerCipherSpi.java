package dev.kmipjca.jca;

import dev.kmipjca.envelope.KeyWrapException;
import dev.kmipjca.envelope.WrappedKey;
import java.io.ByteArrayOutputStream;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.InvalidParameterSpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.CipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.SecretKey;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code AES/GCM/NoPadding} and {@code AES/CBC/PKCS5Padding} under a {@link KmipKey}: the data is
 * buffered and sent to the server in one Encrypt or Decrypt at {@code doFinal} (small payloads, at
 * most {@value #MAX_INPUT_BYTES} bytes). GCM uses 12-byte IVs (generated when none is given), AAD from
 * {@code updateAAD}, and appends the tag to the ciphertext as SunJCE does, so SunJCE decrypts the same
 * bytes with the key's bytes. GCM also wraps and unwraps keys ({@link WrappedKeyBlob}).
 */
final class ServerCipherSpi extends CipherSpi {
    /** The largest input of one Encrypt or Decrypt. */
    static final int MAX_INPUT_BYTES = 512 * 1024;

    private final ServerCrypto.Mode mode;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private final ByteArrayOutputStream aad = new ByteArrayOutputStream();
    private int opmode;
    private ServerKeyHandle key;
    private byte[] iv;
    private int tagBytes = 16;
    private boolean mustReinit;
    private String lastUid;
    private byte[] lastIv;

    ServerCipherSpi(ServerCrypto.Mode mode) {
        this.mode = mode;
    }

    private boolean gcm() {
        return mode == ServerCrypto.Mode.GCM;
    }

    @Override
    protected void engineSetMode(String m) throws NoSuchAlgorithmException {
        if (!m.equalsIgnoreCase(mode.name())) {
            throw new NoSuchAlgorithmException("this cipher is " + mode.transformation + ", not mode " + m);
        }
    }

    @Override
    protected void engineSetPadding(String padding) throws NoSuchPaddingException {
        if (!padding.equalsIgnoreCase(gcm() ? "NoPadding" : "PKCS5Padding")) {
            throw new NoSuchPaddingException("this cipher is " + mode.transformation + ", not padding " + padding);
        }
    }

    @Override
    protected int engineGetBlockSize() {
        return 16;
    }

    @Override
    protected int engineGetOutputSize(int inputLen) {
        int total = Math.addExact(data.size(), inputLen);
        boolean enc = opmode == Cipher.ENCRYPT_MODE;
        if (gcm()) {
            return enc ? Math.addExact(total, tagBytes) : Math.max(0, total - tagBytes);
        }
        return enc ? Math.multiplyExact(total / 16 + 1, 16) : total;
    }

    @Override
    protected byte[] engineGetIV() {
        return iv == null ? null : iv.clone();
    }

    @Override
    protected AlgorithmParameters engineGetParameters() {
        if (iv == null) {
            return null;
        }
        try {
            AlgorithmParameters p = AlgorithmParameters.getInstance(gcm() ? "GCM" : "AES");
            p.init(gcm() ? new GCMParameterSpec(tagBytes * 8, iv) : new IvParameterSpec(iv));
            return p;
        } catch (GeneralSecurityException e) {
            throw new ProviderException("cannot encode the cipher's parameters", e);
        }
    }

    @Override
    protected int engineGetKeySize(Key k) throws InvalidKeyException {
        return handle(k).keySizeBits() > 0 ? handle(k).keySizeBits() : 256;
    }

    // ---- init -------------------------------------------------------------------------------------

    @Override
    protected void engineInit(int op, Key k, SecureRandom random) throws InvalidKeyException {
        try {
            init(op, k, null, random);
        } catch (InvalidAlgorithmParameterException e) {
            throw new InvalidKeyException(e.getMessage(), e);
        }
    }

    @Override
    protected void engineInit(int op, Key k, AlgorithmParameters params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        AlgorithmParameterSpec spec = null;
        if (params != null) {
            try {
                spec = gcm() ? params.getParameterSpec(GCMParameterSpec.class) : params.getParameterSpec(IvParameterSpec.class);
            } catch (InvalidParameterSpecException e) {
                throw new InvalidAlgorithmParameterException("parameters of " + mode.transformation + " expected", e);
            }
        }
        init(op, k, spec, random);
    }

    @Override
    protected void engineInit(int op, Key k, AlgorithmParameterSpec spec, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        init(op, k, spec, random);
    }

    private void init(int op, Key k, AlgorithmParameterSpec spec, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        ServerKeyHandle h = handle(k);
        byte[] newIv = null;
        int newTag = 16;
        if (op == Cipher.WRAP_MODE || op == Cipher.UNWRAP_MODE) {
            if (!gcm()) {
                throw new InvalidAlgorithmParameterException("key wrapping is offered by the KMIP provider's"
                        + " AES/GCM/NoPadding only");
            }
            if (spec != null) {
                throw new InvalidAlgorithmParameterException("key wrapping chooses a fresh nonce for every key and"
                        + " takes no parameters");
            }
        } else if (op == Cipher.ENCRYPT_MODE || op == Cipher.DECRYPT_MODE) {
            if (spec == null) {
                if (op == Cipher.DECRYPT_MODE) {
                    throw new InvalidAlgorithmParameterException(mode.transformation + " decryption needs the IV"
                            + (gcm() ? " and tag length (GCMParameterSpec)" : " (IvParameterSpec)"));
                }
                newIv = new byte[gcm() ? 12 : 16];
                (random != null ? random : new SecureRandom()).nextBytes(newIv);
            } else if (gcm() && spec instanceof GCMParameterSpec g) {
                newIv = g.getIV();
                newTag = g.getTLen() / 8;
                if (newIv.length != 12) {
                    throw new InvalidAlgorithmParameterException("the KMIP provider's AES-GCM takes 12-byte IVs, not "
                            + newIv.length + " bytes");
                }
                if (g.getTLen() % 8 != 0 || newTag < 12 || newTag > 16) {
                    throw new InvalidAlgorithmParameterException("GCM tag length must be 96 to 128 bits in steps of 8,"
                            + " not " + g.getTLen());
                }
            } else if (!gcm() && spec instanceof IvParameterSpec p) {
                newIv = p.getIV();
                if (newIv.length != 16) {
                    throw new InvalidAlgorithmParameterException("AES-CBC takes a 16-byte IV, not " + newIv.length);
                }
            } else {
                throw new InvalidAlgorithmParameterException(mode.transformation + " takes a "
                        + (gcm() ? "GCMParameterSpec" : "IvParameterSpec") + ", not a " + spec.getClass().getName());
            }
            if (gcm() && op == Cipher.ENCRYPT_MODE && h.uniqueIdentifier().equals(lastUid) && Arrays.equals(newIv, lastIv)) {
                throw new InvalidAlgorithmParameterException("Cannot reuse iv for GCM encryption");
            }
        } else {
            throw new InvalidAlgorithmParameterException("unknown cipher mode " + op);
        }
        if (op == Cipher.ENCRYPT_MODE || op == Cipher.WRAP_MODE) {
            h.checkEncrypts(); // the key's State, cached; decryption and unwrapping are left to the server
        }
        opmode = op;
        key = h;
        iv = newIv;
        tagBytes = newTag;
        mustReinit = false;
        reset();
    }

    private ServerKeyHandle handle(Key k) throws InvalidKeyException {
        if (k instanceof ServerKeyHandle h) {
            return h;
        }
        throw new InvalidKeyException("the KMIP provider's ciphers take key handles (dev.kmipjca.jca.KmipKey from a KMIP"
                + " keystore or the KMIP-AES key generator), not a " + (k == null ? "null key" : k.getClass().getName())
                + "; ordinary keys are served by the other providers");
    }

    // ---- data -------------------------------------------------------------------------------------

    @Override
    protected void engineUpdateAAD(byte[] src, int offset, int len) {
        if (!gcm()) {
            throw new UnsupportedOperationException("AES-CBC has no associated data");
        }
        checkReady();
        if (data.size() > 0) {
            throw new IllegalStateException("AAD must be supplied before encryption/decryption starts");
        }
        aad.write(src, offset, len);
    }

    @Override
    protected byte[] engineUpdate(byte[] in, int offset, int len) {
        buffer(in, offset, len);
        return new byte[0];
    }

    @Override
    protected int engineUpdate(byte[] in, int offset, int len, byte[] out, int outOffset) {
        buffer(in, offset, len);
        return 0;
    }

    private void buffer(byte[] in, int offset, int len) {
        checkReady();
        if (opmode != Cipher.ENCRYPT_MODE && opmode != Cipher.DECRYPT_MODE) {
            throw new IllegalStateException("the cipher is initialised for key wrapping");
        }
        if (Math.addExact(data.size(), len) > MAX_INPUT_BYTES) {
            reset();
            throw new ProviderException("the KMIP provider's ciphers send the data to the server and take at most "
                    + MAX_INPUT_BYTES + " bytes; encrypt bulk data locally under a data key instead");
        }
        if (in != null && len > 0) {
            data.write(in, offset, len);
        }
    }

    private void checkReady() {
        if (key == null) {
            throw new IllegalStateException("the cipher is not initialised");
        }
        if (mustReinit) {
            throw new IllegalStateException("Cannot reuse iv for GCM encryption: init the cipher again with another IV");
        }
    }

    @Override
    protected byte[] engineDoFinal(byte[] in, int offset, int len) throws IllegalBlockSizeException, BadPaddingException {
        buffer(in, offset, len);
        byte[] input = data.toByteArray();
        byte[] ad = aad.size() == 0 ? null : aad.toByteArray();
        reset();
        try {
            if (opmode == Cipher.ENCRYPT_MODE) {
                checkStillEncrypts();
                byte[] out = key.link().crypto.encrypt(mode, key.uniqueIdentifier(), iv, ad, tagBytes, input);
                if (gcm()) {
                    mustReinit = true;
                    lastUid = key.uniqueIdentifier();
                    lastIv = iv.clone();
                }
                return out;
            }
            if (gcm() && input.length < tagBytes) {
                throw new AEADBadTagException("Input data too short to contain an expected tag length of " + tagBytes
                        + " bytes");
            }
            if (!gcm() && (input.length == 0 || input.length % 16 != 0)) {
                throw new IllegalBlockSizeException("AES-CBC ciphertext must be a positive multiple of 16 bytes, not "
                        + input.length);
            }
            return key.link().crypto.decrypt(mode, key.uniqueIdentifier(), iv, ad, tagBytes, input);
        } finally {
            Arrays.fill(input, (byte) 0);
        }
    }

    @Override
    protected int engineDoFinal(byte[] in, int offset, int len, byte[] out, int outOffset)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        if (out.length - outOffset < engineGetOutputSize(len)) {
            throw new ShortBufferException("the output needs " + engineGetOutputSize(len) + " bytes");
        }
        byte[] result = engineDoFinal(in, offset, len);
        System.arraycopy(result, 0, out, outOffset, result.length);
        Arrays.fill(result, (byte) 0);
        return result.length;
    }

    /** A cipher initialised before the key was revoked stops too (a CBC cipher may be reused without init). */
    private void checkStillEncrypts() {
        try {
            key.checkEncrypts();
        } catch (InvalidKeyException e) {
            throw new ProviderException(e.getMessage(), e);
        }
    }

    private void reset() {
        byte[] zeros = new byte[data.size()];
        data.reset();
        data.write(zeros, 0, zeros.length);
        data.reset();
        aad.reset();
    }

    // ---- wrap -------------------------------------------------------------------------------------

    @Override
    protected byte[] engineWrap(Key k) throws IllegalBlockSizeException, InvalidKeyException {
        if (opmode != Cipher.WRAP_MODE) {
            throw new IllegalStateException("the cipher is not initialised for WRAP_MODE");
        }
        byte[] encoded = k.getEncoded();
        if (encoded == null) {
            throw new InvalidKeyException("the key to wrap has no encoding (" + k.getClass().getName() + "); a key"
                    + " handle of a server key cannot be wrapped");
        }
        int type = k instanceof SecretKey ? Cipher.SECRET_KEY : k instanceof PrivateKey ? Cipher.PRIVATE_KEY
                : k instanceof PublicKey ? Cipher.PUBLIC_KEY : -1;
        if (type < 0) {
            throw new InvalidKeyException("cannot tell whether " + k.getClass().getName() + " is a secret, private or"
                    + " public key");
        }
        try {
            return WrappedKeyBlob.encode(key.link().checkedWrapService.wrap(key.uniqueIdentifier(), encoded,
                    WrappedKeyBlob.aad(type, k.getAlgorithm())));
        } catch (KeyWrapException e) {
            throw failure("wrap", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalBlockSizeException("the key is too large to wrap: " + e.getMessage());
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    @Override
    protected Key engineUnwrap(byte[] wrapped, String algorithm, int type)
            throws InvalidKeyException, NoSuchAlgorithmException {
        if (opmode != Cipher.UNWRAP_MODE) {
            throw new IllegalStateException("the cipher is not initialised for UNWRAP_MODE");
        }
        WrappedKey w = WrappedKeyBlob.decode(wrapped, key.uniqueIdentifier());
        byte[] bytes;
        try {
            bytes = key.link().wrapService.unwrap(w, WrappedKeyBlob.aad(type, algorithm));
        } catch (KeyWrapException e) {
            throw failure("unwrap", e);
        }
        try {
            return switch (type) {
                case Cipher.SECRET_KEY -> new SecretKeySpec(bytes, algorithm);
                case Cipher.PRIVATE_KEY -> KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(bytes));
                case Cipher.PUBLIC_KEY -> KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(bytes));
                default -> throw new InvalidKeyException("unknown key type " + type);
            };
        } catch (InvalidKeySpecException e) {
            throw new InvalidKeyException("the unwrapped bytes are not a " + algorithm + " "
                    + WrappedKeyBlob.typeName(type) + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private InvalidKeyException failure(String what, KeyWrapException e) {
        if (e.kind() == KeyWrapException.Kind.UNAVAILABLE) {
            throw new ProviderException("could not " + what + " the key: " + e.getMessage(), e);
        }
        String msg = e.kind() == KeyWrapException.Kind.AUTHENTICATION_FAILED
                ? "the wrapped key does not authenticate under key " + key.uniqueIdentifier() + ": another key, an altered"
                        + " blob, or another algorithm or key type than it was wrapped with"
                : "could not " + what + " the key: " + e.getMessage();
        return new InvalidKeyException(msg, e);
    }
}
