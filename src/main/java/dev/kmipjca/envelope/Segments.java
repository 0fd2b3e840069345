package dev.kmipjca.envelope;

import static dev.kmipjca.envelope.Layout.*;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens the segments of one segmented envelope, in order. Segment i is AES-256-GCM under
 * the stream key with nonce {@code prefix(7) || i (4, big-endian) || last (1)} and associated data
 * {@code bulk region || caller AAD}; its plaintext may come in two pieces (a buffered head and the
 * caller's array), so that full segments never need copying.
 */
final class Segments {
    private final Cipher cipher;
    private final BulkCiphers ciphers;
    private final RawKey key;
    private final byte[] nonce = new byte[NONCE_BYTES];
    private final byte[] bulkRegion;
    private final byte[] aad;
    private long index;

    /**
     * Takes ownership of {@code streamKey}; {@link #destroy()} zeroes it. Each segment counts towards the
     * JIT priming of {@code ciphers} ({@link JitPrimer}), so that one long stream in a fresh JVM gets SunJCE
     * compiled as many single-shot messages would.
     */
    Segments(BulkCiphers ciphers, Cipher cipher, byte[] streamKey, byte[] header, byte[] aad) {
        this.ciphers = ciphers;
        this.cipher = cipher;
        this.key = RawKey.aes(streamKey);
        System.arraycopy(header, OFF_PREFIX, nonce, 0, PREFIX_BYTES);
        this.bulkRegion = Arrays.copyOf(header, BULK_SEGMENTED);
        this.aad = aad;
    }

    /** The index of the next segment. */
    long index() {
        return index;
    }

    /** Encrypts {@code a[aOff, +aLen) || b[bOff, +bLen)} as the next segment into {@code out}; returns bytes written. */
    int seal(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen, boolean last, byte[] out, int outOff) {
        ciphers.beforeLarge((long) aLen + bLen, cipher);
        try {
            init(Cipher.ENCRYPT_MODE, last);
            int n = aLen > 0 ? cipher.update(a, aOff, aLen, out, outOff) : 0;
            return n + cipher.doFinal(b, bOff, bLen, out, outOff + n);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to encrypt segment " + (index - 1) + ": " + e, e);
        }
    }

    /**
     * Decrypts the next segment, {@code a[aOff, +aLen) || b[bOff, +bLen)} (ciphertext and tag), into
     * {@code out}; returns the plaintext length.
     */
    int open(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen, boolean last, byte[] out, int outOff)
            throws AEADBadTagException {
        long i = index;
        ciphers.beforeLarge((long) aLen + bLen, cipher);
        try {
            init(Cipher.DECRYPT_MODE, last);
            int n = aLen > 0 ? cipher.update(a, aOff, aLen, out, outOff) : 0;
            return n + cipher.doFinal(b, bOff, bLen, out, outOff + n);
        } catch (AEADBadTagException e) {
            AEADBadTagException t = new AEADBadTagException("segment " + i + (last ? " (the final one)" : "")
                    + " failed authentication: the envelope was altered, truncated, reordered, or the associated"
                    + " data differs");
            t.initCause(e);
            throw t;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to decrypt segment " + i + ": " + e, e);
        }
    }

    private void init(int mode, boolean last) throws GeneralSecurityException {
        if (index >= MAX_SEGMENTS) {
            throw new IllegalStateException("a segmented envelope holds at most 2^32 segments");
        }
        putI32(nonce, PREFIX_BYTES, (int) index);
        nonce[NONCE_BYTES - 1] = (byte) (last ? 1 : 0);
        index++;
        cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
        cipher.updateAAD(bulkRegion);
        if (aad.length > 0) {
            cipher.updateAAD(aad);
        }
    }

    void destroy() {
        key.destroy();
    }
}
