package dev.kmipjca.keystore;

import dev.kmipjca.envelope.KeyWrapException;
import dev.kmipjca.envelope.KeyWrapService;
import dev.kmipjca.envelope.WrappedKey;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@link KeyWrapService} over AES-256-GCM master keys held in memory, counting its calls: a stand-in
 * for the KMIP server's Encrypt and Decrypt in tests.
 */
final class InMemoryKeyWrapService implements KeyWrapService {
    private final Map<String, byte[]> masterKeys = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    final AtomicInteger wraps = new AtomicInteger();
    final AtomicInteger unwraps = new AtomicInteger();
    /** When set, every call fails with this kind (a server that is down, a revoked key, ...). */
    volatile KeyWrapException.Kind failWith;

    /** Creates a master key and returns its identifier. */
    String createMasterKey(String id) {
        byte[] k = new byte[32];
        random.nextBytes(k);
        masterKeys.put(id, k);
        return id;
    }

    /**
     * A service holding the two master keys of the fixture {@code format-v1.kmip} (its README):
     * {@code mk-old}, bytes 00 .. 1f, and {@code mk-v1}, bytes 40 .. 5f.
     */
    static InMemoryKeyWrapService withFixtureKeys() {
        InMemoryKeyWrapService s = new InMemoryKeyWrapService();
        byte[] old = new byte[32];
        byte[] current = new byte[32];
        for (int i = 0; i < 32; i++) {
            old[i] = (byte) i;
            current[i] = (byte) (0x40 + i);
        }
        s.createMasterKey("mk-old", old);
        s.createMasterKey("mk-v1", current);
        return s;
    }

    /** Adds a master key with the given bytes (for fixtures made with a known key). */
    String createMasterKey(String id, byte[] key) {
        masterKeys.put(id, key.clone());
        return id;
    }

    void destroy(String id) {
        masterKeys.remove(id);
    }

    @Override
    public WrappedKey wrap(String masterKeyId, byte[] key, byte[] associatedData) throws KeyWrapException {
        wraps.incrementAndGet();
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, masterKeyId, nonce);
            c.updateAAD(associatedData);
            return new WrappedKey(masterKeyId, WrappedKey.AES_256_GCM, nonce, c.doFinal(key));
        } catch (GeneralSecurityException e) {
            throw new KeyWrapException(KeyWrapException.Kind.OTHER, masterKeyId, "wrap failed: " + e, e);
        }
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped, byte[] associatedData) throws KeyWrapException {
        unwraps.incrementAndGet();
        String id = wrapped.masterKeyId();
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, id, wrapped.nonce());
            c.updateAAD(associatedData);
            return c.doFinal(wrapped.ciphertext());
        } catch (AEADBadTagException e) {
            throw new KeyWrapException(KeyWrapException.Kind.AUTHENTICATION_FAILED, id,
                    "master key " + id + ": the wrapped key or its associated data fails authentication", e);
        } catch (GeneralSecurityException e) {
            throw new KeyWrapException(KeyWrapException.Kind.OTHER, id, "unwrap failed: " + e, e);
        }
    }

    private Cipher cipher(int mode, String id, byte[] nonce) throws GeneralSecurityException, KeyWrapException {
        if (failWith != null) {
            throw new KeyWrapException(failWith, id, "master key " + id + ": injected failure " + failWith, null);
        }
        byte[] k = masterKeys.get(id);
        if (k == null) {
            throw new KeyWrapException(KeyWrapException.Kind.KEY_NOT_FOUND, id, "master key " + id + " does not exist",
                    null);
        }
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(k, "AES"), new GCMParameterSpec(128, nonce));
        return c;
    }
}
