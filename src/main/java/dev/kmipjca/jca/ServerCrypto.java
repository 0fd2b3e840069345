package dev.kmipjca.jca;

import dev.kmipjca.client.EncryptResult;
import dev.kmipjca.client.KeyMaterial;
import dev.kmipjca.client.KmipClient;
import dev.kmipjca.client.RetrievedObject;
import dev.kmipjca.protocol.BlockCipherMode;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.CryptographicParameters;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.PaddingMethod;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.transport.BadResponseException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.ProviderException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM and AES-CBC under a server key, done by the server's Encrypt and Decrypt. A server that
 * cannot (Operation Not Supported, or a version below 1.4 for GCM) is used only with
 * {@code kmip.allowMasterKeyFetch=true}: the key is then fetched once with Get and the same cipher runs
 * locally in SunJCE (logged at WARNING); {@link #close()} zeroes fetched keys.
 */
final class ServerCrypto implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.kmipjca.jca");

    /** The modes the Cipher services offer. */
    enum Mode {
        GCM("AES/GCM/NoPadding"), CBC("AES/CBC/PKCS5Padding");

        final String transformation;

        Mode(String transformation) {
            this.transformation = transformation;
        }
    }

    private final KmipClient client;
    private final boolean allowFetch;
    private final Map<String, byte[]> fetched = new ConcurrentHashMap<>();
    private volatile boolean local;

    ServerCrypto(KmipClient client, boolean allowFetch) {
        this.client = client;
        this.allowFetch = allowFetch;
    }

    /**
     * Encrypts {@code data}; GCM returns the ciphertext with the tag appended, as SunJCE does.
     *
     * @throws ProviderException when the server fails (the message names it and the reason)
     */
    byte[] encrypt(Mode mode, String uid, byte[] iv, byte[] aad, int tagBytes, byte[] data) {
        if (!local) {
            try {
                EncryptResult r = client.encrypt(uid, parameters(mode, tagBytes), data, iv, aad);
                byte[] ct = r.ciphertext() == null ? new byte[0] : r.ciphertext().toByteArray();
                if (mode != Mode.GCM) {
                    return ct;
                }
                if (r.tag() == null || r.tag().length() != tagBytes) {
                    throw new ProviderException("the KMIP server's Encrypt with key " + uid + " returned no "
                            + tagBytes + "-byte GCM tag");
                }
                byte[] out = Arrays.copyOf(ct, ct.length + tagBytes);
                System.arraycopy(r.tag().toByteArray(), 0, out, ct.length, tagBytes);
                return out;
            } catch (KmipResultException e) {
                unsupportedOrThrow(Operation.ENCRYPT, uid, e);
            } catch (UnsupportedOperationException e) {
                switchToLocal(Operation.ENCRYPT, uid, e);
            } catch (IOException | BadResponseException e) {
                throw new ProviderException("KMIP Encrypt with key " + uid + " failed: " + e.getMessage(), e);
            }
        }
        try {
            return local(Cipher.ENCRYPT_MODE, mode, uid, iv, aad, tagBytes, data);
        } catch (BadPaddingException e) {
            throw new ProviderException(e);
        }
    }

    /**
     * Decrypts {@code data} (GCM: ciphertext with the tag appended).
     *
     * @throws AEADBadTagException (GCM) or BadPaddingException (CBC) when the server reports that the
     *                             data does not decrypt
     */
    byte[] decrypt(Mode mode, String uid, byte[] iv, byte[] aad, int tagBytes, byte[] data) throws BadPaddingException {
        if (!local) {
            byte[] ct = data;
            byte[] tag = null;
            if (mode == Mode.GCM) {
                ct = Arrays.copyOf(data, data.length - tagBytes);
                tag = Arrays.copyOfRange(data, data.length - tagBytes, data.length);
            }
            try (KeyMaterial m = client.decrypt(uid, parameters(mode, tagBytes), ct, iv, aad, tag)) {
                return m.toByteArray();
            } catch (KmipResultException e) {
                if (e instanceof KmipResultException.CryptographicFailure
                        || e.reasonValue() == ResultReason.GENERAL_FAILURE.value()) {
                    throw mode == Mode.GCM ? new AEADBadTagException("the KMIP server could not authenticate the data"
                            + " under key " + uid + " (" + e.getMessage() + ")")
                            : new BadPaddingException("the KMIP server could not decrypt the data under key " + uid
                            + " (" + e.getMessage() + ")");
                }
                unsupportedOrThrow(Operation.DECRYPT, uid, e);
            } catch (UnsupportedOperationException e) {
                switchToLocal(Operation.DECRYPT, uid, e);
            } catch (IOException | BadResponseException e) {
                throw new ProviderException("KMIP Decrypt with key " + uid + " failed: " + e.getMessage(), e);
            }
        }
        return local(Cipher.DECRYPT_MODE, mode, uid, iv, aad, tagBytes, data);
    }

    private static CryptographicParameters parameters(Mode mode, int tagBytes) {
        CryptographicParameters.Builder b = CryptographicParameters.builder().cryptographicAlgorithm(CryptographicAlgorithm.AES);
        return mode == Mode.GCM ? b.blockCipherMode(BlockCipherMode.GCM).tagLength(tagBytes).build()
                : b.blockCipherMode(BlockCipherMode.CBC).paddingMethod(PaddingMethod.PKCS5).build();
    }

    private void unsupportedOrThrow(Operation op, String uid, KmipResultException e) {
        if (!(e instanceof KmipResultException.OperationNotSupported)) {
            throw new ProviderException("KMIP " + op + " with key " + uid + " failed: " + e.getMessage(), e);
        }
        switchToLocal(op, uid, e);
    }

    private synchronized void switchToLocal(Operation op, String uid, Exception cause) {
        if (local) {
            return;
        }
        String why = cause instanceof UnsupportedOperationException
                ? "the KMIP server " + client.servers() + " cannot do this " + op + " at the negotiated protocol version ("
                        + cause.getMessage() + ")"
                : "the KMIP server " + client.servers() + " does not support " + op + " (" + cause.getMessage() + ")";
        if (!allowFetch) {
            throw new ProviderException(why + ". Server keys are used through the server's Encrypt and Decrypt;"
                    + " set kmip.allowMasterKeyFetch=true to fetch the key with Get and use it locally instead", cause);
        }
        LOG.log(System.Logger.Level.WARNING, why + "; kmip.allowMasterKeyFetch=true, so server keys are fetched with"
                + " Get and used locally: their bytes are now in this process's memory");
        local = true;
    }

    private byte[] local(int opmode, Mode mode, String uid, byte[] iv, byte[] aad, int tagBytes, byte[] data)
            throws BadPaddingException {
        byte[] key = key(uid);
        try {
            Cipher c = Cipher.getInstance(mode.transformation, "SunJCE");
            AlgorithmParameterSpec spec = mode == Mode.GCM ? new GCMParameterSpec(tagBytes * 8, iv) : new IvParameterSpec(iv);
            c.init(opmode, new SecretKeySpec(key, "AES"), spec);
            if (aad != null) {
                c.updateAAD(aad);
            }
            return c.doFinal(data);
        } catch (BadPaddingException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new ProviderException("local " + mode.transformation + " with fetched key " + uid + " failed: " + e, e);
        }
    }

    private byte[] key(String uid) {
        byte[] k = fetched.get(uid);
        if (k != null) {
            return k;
        }
        try (RetrievedObject o = client.get(uid)) {
            if (o.material() == null || o.isWrapped() || !CryptographicAlgorithm.AES.equals(o.algorithm())) {
                throw new ProviderException("key " + uid + " is not a plain AES key (" + o.objectType() + ")");
            }
            byte[] bytes = o.material().toByteArray();
            LOG.log(System.Logger.Level.WARNING, "fetched key " + uid + " from the KMIP server (kmip.allowMasterKeyFetch=true)");
            byte[] previous = fetched.putIfAbsent(uid, bytes);
            if (previous != null) {
                Arrays.fill(bytes, (byte) 0);
                return previous;
            }
            return bytes;
        } catch (KmipResultException | IOException | BadResponseException e) {
            throw new ProviderException("could not fetch key " + uid + ": " + e.getMessage(), e);
        }
    }

    /** Zeroes fetched keys. */
    @Override
    public void close() {
        fetched.values().forEach(k -> Arrays.fill(k, (byte) 0));
        fetched.clear();
    }
}
