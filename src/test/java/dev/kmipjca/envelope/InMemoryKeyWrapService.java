package dev.kmipjca.envelope;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@link KeyWrapService} whose master keys are AES-256 keys in memory: AES-256-GCM with a random
 * 12-byte nonce, as the KMIP server's Encrypt does. Counts calls, and keeps a reference to every key
 * array it was given to wrap and every array it returned from unwrap, so that tests can see them zeroed.
 */
final class InMemoryKeyWrapService implements KeyWrapService {
    private final Map<String, SecretKeySpec> masters = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    final AtomicInteger wraps = new AtomicInteger();
    final AtomicInteger unwraps = new AtomicInteger();
    /** The arrays the envelope passed to wrap (it owns them) and received from unwrap. */
    final List<byte[]> keyArrays = Collections.synchronizedList(new ArrayList<>());
    volatile boolean unavailable;

    InMemoryKeyWrapService(String... masterKeyIds) {
        for (String id : masterKeyIds) {
            addMasterKey(id);
        }
    }

    InMemoryKeyWrapService addMasterKey(String id) {
        byte[] k = new byte[32];
        random.nextBytes(k);
        masters.put(id, new SecretKeySpec(k, "AES"));
        return this;
    }

    void removeMasterKey(String id) {
        masters.remove(id);
    }

    @Override
    public WrappedKey wrap(String masterKeyId, byte[] key, byte[] associatedData) throws KeyWrapException {
        wraps.incrementAndGet();
        keyArrays.add(key);
        SecretKeySpec master = master(masterKeyId);
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, master, new GCMParameterSpec(128, nonce));
            c.updateAAD(associatedData);
            return new WrappedKey(masterKeyId, WrappedKey.AES_256_GCM, nonce, c.doFinal(key));
        } catch (GeneralSecurityException e) {
            throw new KeyWrapException(KeyWrapException.Kind.OTHER, masterKeyId, "wrap failed", e);
        }
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped, byte[] associatedData) throws KeyWrapException {
        unwraps.incrementAndGet();
        SecretKeySpec master = master(wrapped.masterKeyId());
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, master, new GCMParameterSpec(128, wrapped.nonce()));
            c.updateAAD(associatedData);
            byte[] key = c.doFinal(wrapped.ciphertext());
            keyArrays.add(key);
            return key;
        } catch (AEADBadTagException e) {
            throw new KeyWrapException(KeyWrapException.Kind.AUTHENTICATION_FAILED, wrapped.masterKeyId(),
                    "wrapped key failed authentication", e);
        } catch (GeneralSecurityException e) {
            throw new KeyWrapException(KeyWrapException.Kind.OTHER, wrapped.masterKeyId(), "unwrap failed", e);
        }
    }

    private SecretKeySpec master(String id) throws KeyWrapException {
        if (unavailable) {
            throw new KeyWrapException(KeyWrapException.Kind.UNAVAILABLE, id, "server unavailable", null);
        }
        SecretKeySpec k = masters.get(id);
        if (k == null) {
            throw new KeyWrapException(KeyWrapException.Kind.KEY_NOT_FOUND, id, "no master key " + id, null);
        }
        return k;
    }

    int calls() {
        return wraps.get() + unwraps.get();
    }
}
