package dev.kmipjca.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that encrypts objects at rest: AES-256-GCM, a fresh 12-byte IV per write, the object's
 * Unique Identifier as additional data (so a sealed object cannot be moved to another identifier).
 * It lives in {@code storage.key} (32 bytes, mode 0600) beside the data, so it only keeps key bytes
 * out of casual reads of the directory; it is no protection against anyone who can read the
 * directory.
 */
final class StorageKey {
    static final String FILE = "storage.key";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private StorageKey(byte[] raw) {
        this.key = new SecretKeySpec(raw, "AES");
    }

    /** Reads {@code dir/storage.key}, or creates it with 32 random bytes. */
    static StorageKey loadOrCreate(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        byte[] raw;
        if (Files.exists(file)) {
            raw = Files.readAllBytes(file);
            if (raw.length != 32) {
                Arrays.fill(raw, (byte) 0);
                throw new IOException(file + " must hold 32 bytes (an AES-256 key)");
            }
        } else {
            raw = new byte[32];
            RANDOM.nextBytes(raw);
            AtomicFiles.write(file, raw, true);
        }
        try {
            return new StorageKey(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** IV followed by ciphertext and tag. */
    byte[] seal(String uid, byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, iv, uid);
            byte[] out = Arrays.copyOf(iv, IV_BYTES + c.getOutputSize(plaintext.length));
            c.doFinal(plaintext, 0, plaintext.length, out, IV_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The plaintext of {@link #seal}; fails when the bytes, the identifier or the key do not match. */
    byte[] open(String uid, byte[] sealed) throws GeneralSecurityException {
        if (sealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("sealed object of " + sealed.length + " bytes is too short");
        }
        Cipher c = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, IV_BYTES), uid);
        return c.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
    }

    private Cipher cipher(int mode, byte[] iv, String uid) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        c.updateAAD(uid.getBytes(StandardCharsets.UTF_8));
        return c;
    }

    @Override
    public String toString() {
        return "StorageKey[AES-256]";
    }
}
