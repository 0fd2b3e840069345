package dev.kmipjca.envelope;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.util.Arrays;
import javax.crypto.Mac;

/**
 * HKDF-SHA256 (RFC 5869) for outputs of at most 32 bytes, which is all the envelope needs. The HMAC is
 * always SunJCE's, whatever the application registered first (Bouncy Castle at position 1, say): key
 * derivation stays on the JDK like the rest of the data path.
 */
final class Hkdf {
    /** The provider of HmacSHA256. */
    static final String PROVIDER = "SunJCE";
    private static final int HASH_BYTES = 32;

    private Hkdf() {
    }

    /** HKDF-Extract: PRK = HMAC-SHA256(salt, ikm); an empty salt means 32 zero bytes. */
    static byte[] extract(byte[] salt, byte[] ikm) {
        byte[] s = salt.length == 0 ? new byte[HASH_BYTES] : salt.clone();
        return hmac(s, ikm, null);
    }

    /** HKDF-Expand for one block: OKM = HMAC-SHA256(prk, info || 0x01), first {@code length} bytes. */
    static byte[] expand(byte[] prk, byte[] info, int length) {
        if (length < 1 || length > HASH_BYTES) {
            throw new IllegalArgumentException("length must be 1 to 32");
        }
        byte[] t = hmac(prk.clone(), info, new byte[] {1});
        if (length == HASH_BYTES) {
            return t;
        }
        byte[] out = Arrays.copyOf(t, length);
        Arrays.fill(t, (byte) 0);
        return out;
    }

    /** Extract then expand; the intermediate PRK is zeroed. */
    static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
        byte[] prk = extract(salt, ikm);
        try {
            return expand(prk, info, length);
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    /** HMAC-SHA256 under {@code key} (taken over and zeroed) of {@code data || more}. */
    private static byte[] hmac(byte[] key, byte[] data, byte[] more) {
        RawKey k = new RawKey("HmacSHA256", key);
        try {
            Mac mac = newMac();
            mac.init(k);
            mac.update(data);
            if (more != null) {
                mac.update(more);
            }
            return mac.doFinal();
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 of " + PROVIDER + " refused its key: " + e.getMessage(), e);
        } finally {
            k.destroy();
        }
    }

    /** An unkeyed HmacSHA256 of {@link #PROVIDER}. */
    static Mac newMac() {
        try {
            return Mac.getInstance("HmacSHA256", PROVIDER);
        } catch (NoSuchAlgorithmException | NoSuchProviderException e) {
            throw new IllegalStateException("HmacSHA256 of " + PROVIDER + " is not available: " + e.getMessage(), e);
        }
    }
}
