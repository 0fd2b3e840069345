package dev.kmipjca.keystore;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869), on the JDK's {@code javax.crypto.Mac} from SunJCE. */
final class Hkdf {
    private static final int HASH_BYTES = 32;

    private Hkdf() {
    }

    /**
     * Extract-then-expand: {@code length} bytes of output keying material from {@code ikm}. An empty
     * {@code salt} means a string of 32 zero bytes, as the RFC says. The caller zeroes the result.
     */
    static byte[] deriveSha256(byte[] salt, byte[] ikm, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException("HKDF-SHA256 output must be 1 to " + 255 * HASH_BYTES + " bytes");
        }
        byte[] prk = hmac(salt.length == 0 ? new byte[HASH_BYTES] : salt, ikm);
        try {
            Mac mac = mac(prk);
            byte[] out = new byte[length];
            byte[] t = new byte[0];
            int done = 0;
            for (int counter = 1; done < length; counter++) {
                mac.update(t);
                mac.update(info);
                mac.update((byte) counter);
                Arrays.fill(t, (byte) 0);
                t = mac.doFinal();
                int n = Math.min(t.length, length - done);
                System.arraycopy(t, 0, out, done, n);
                done += n;
            }
            Arrays.fill(t, (byte) 0);
            return out;
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    static byte[] hmac(byte[] key, byte[] data) {
        return mac(key).doFinal(data);
    }

    /** An HMAC-SHA256 instance of SunJCE keyed with {@code key}. */
    static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256", "SunJCE");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 of SunJCE is not available", e);
        }
    }
}
