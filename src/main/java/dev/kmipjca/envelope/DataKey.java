package dev.kmipjca.envelope;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One unwrapped data key and what is derived from it: the single-shot bulk key (bound to the fixed
 * header bytes of the single-shot form) and the key commitment (HKDF-SHA256, docs/envelope-format.md),
 * and the wrapped form it was found by.
 *
 * <p>Reference counted so that a key is never zeroed while a message is using it. The owner (a cache)
 * holds one reference from creation until {@link #retire()}; each message takes one with
 * {@link #acquire()} and gives it back with {@link #release()}. The bytes are zeroed when the last
 * reference goes, and {@link #acquire()} fails from then on.
 */
final class DataKey {
    private static final byte[] SINGLE_SHOT_INFO = concat(Layout.INFO_SINGLE_SHOT, Layout.SINGLE_SHOT_PREAMBLE);

    private final byte[] raw;
    private final RawKey singleShotKey;
    private final byte[] commitment;
    private final byte[] keySection;
    private final AtomicInteger refs = new AtomicInteger(1);
    private final AtomicBoolean retired = new AtomicBoolean();

    private DataKey(byte[] raw, RawKey singleShotKey, byte[] commitment, byte[] keySection) {
        this.raw = raw;
        this.singleShotKey = singleShotKey;
        this.commitment = commitment;
        this.keySection = keySection;
    }

    /** Derives the bulk key and commitment from {@code raw}, whose ownership passes to the new object. */
    static DataKey create(byte[] raw, byte[] keySection) {
        byte[] prk = Hkdf.extract(new byte[0], raw);
        try {
            RawKey single = RawKey.aes(Hkdf.expand(prk, SINGLE_SHOT_INFO, Layout.KEY_BYTES));
            byte[] commitment = Hkdf.expand(prk, Layout.INFO_COMMITMENT, Layout.COMMITMENT_BYTES);
            return new DataKey(raw, single, commitment, keySection);
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * The 12 bytes that this key's single-shot nonces are counted from (encryption side): HKDF-Expand of
     * the key's PRK with "kmip-jca envelope v1 single-shot nonce mask". Nonces are public; the mask only
     * keeps a message's number under its data key from showing.
     */
    byte[] nonceMask() {
        byte[] prk = Hkdf.extract(new byte[0], raw);
        try {
            return Hkdf.expand(prk, Layout.INFO_NONCE_MASK, Layout.NONCE_BYTES);
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    /** The 32-byte commitment to this key (not secret). */
    static byte[] commitmentOf(byte[] raw) {
        byte[] prk = Hkdf.extract(new byte[0], raw);
        try {
            return Hkdf.expand(prk, Layout.INFO_COMMITMENT, Layout.COMMITMENT_BYTES);
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    /** Takes a reference; false when the key is already zeroed. */
    boolean acquire() {
        for (;;) {
            int n = refs.get();
            if (n == 0) {
                return false;
            }
            if (refs.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Gives a reference back; the last one zeroes the key. */
    void release() {
        if (refs.decrementAndGet() == 0) {
            Arrays.fill(raw, (byte) 0);
            singleShotKey.destroy();
        }
    }

    /** The owner lets go (once; later calls do nothing). The key is zeroed when no message uses it. */
    void retire() {
        if (retired.compareAndSet(false, true)) {
            release();
        }
    }

    boolean isRetired() {
        return retired.get();
    }

    boolean isDestroyed() {
        return refs.get() == 0;
    }

    /** The single-shot bulk key; only while holding a reference. */
    RawKey singleShotKey() {
        return singleShotKey;
    }

    byte[] commitment() {
        return commitment;
    }

    /** The key section this key was wrapped into (or found by). */
    byte[] keySection() {
        return keySection;
    }

    /**
     * Whether the 32 bytes at {@code b[off]} equal the commitment. Not in constant time, on purpose: the
     * commitment is no secret (every envelope of the key carries it in clear), so how long a comparison
     * with it takes tells nothing; the vectorised comparison costs a few nanoseconds per message less.
     */
    boolean commitmentMatches(byte[] b, int off) {
        return Arrays.equals(commitment, 0, Layout.COMMITMENT_BYTES, b, off, off + Layout.COMMITMENT_BYTES);
    }

    /** A stream's bulk key: HKDF-SHA256(ikm = data key, salt, info = stream label); only while holding a reference. */
    byte[] streamKey(byte[] salt) {
        return Hkdf.derive(raw, salt, Layout.INFO_STREAM, Layout.KEY_BYTES);
    }

    /** A copy of the raw key; only while holding a reference. The caller zeroes it. */
    byte[] rawCopy() {
        return raw.clone();
    }

    @Override
    public String toString() {
        return "DataKey[" + (isDestroyed() ? "destroyed" : isRetired() ? "retired" : "live") + "]";
    }
}
