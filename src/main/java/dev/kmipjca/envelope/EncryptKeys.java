package dev.kmipjca.envelope;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The encryption side's data key: one at a time, reused until it has served
 * {@link Limits#maxMessages()} messages or {@link Limits#maxBytes()} bytes or is
 * {@link Limits#maxAgeNanos()} old, then replaced by a new random key that the master key wraps. The
 * replaced key is zeroed once the messages still using it are done. Thread-safe; only replacement
 * takes a lock (and calls the key service while holding it, so concurrent callers wait for one wrap).
 */
final class EncryptKeys {
    /** A data key with its usage counters and its single-shot header template. */
    static final class Slot {
        final DataKey key;
        /** The single-shot header with a zero nonce; copied into each message. */
        final byte[] singleShotHeader;
        final long created;
        final AtomicLong messages = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        /** What this key's single-shot nonces are counted from ({@link DataKey#nonceMask()}). */
        private final byte[] nonceMask;

        Slot(DataKey key, long created) {
            this.key = key;
            this.created = created;
            this.nonceMask = key.nonceMask();
            this.singleShotHeader = HeaderCodec.header(Layout.FORM_SINGLE_SHOT, key.commitment(), 0, null, null,
                    key.keySection());
        }

        /** Counts one message of {@code n} bytes: its number (1, 2, ...), or 0 when that breaks a limit. */
        long tryReserve(long n, long now, Limits limits) {
            if (now - created >= limits.maxAgeNanos()) {
                return 0;
            }
            long m = messages.incrementAndGet();
            if (m > limits.maxMessages()) {
                return 0;
            }
            long after = bytes.addAndGet(n);
            // a message larger than the byte limit gets a fresh key of its own
            return after <= limits.maxBytes() || after == n ? m : 0;
        }

        /**
         * The single-shot nonce of message number {@code m} of this key, into {@code out}: the key's nonce
         * mask with {@code m} (8 bytes, big-endian) added into its last 8 bytes by exclusive or. Message
         * numbers are unique per key, so no two messages of a data key share a nonce, however many there
         * are (a counter, as SP 800-38D 8.2.1's deterministic construction; no draw from a random source,
         * which cost about 0.2 us per message, a quarter of a 1 KiB message).
         */
        void nonce(long m, byte[] out) {
            System.arraycopy(nonceMask, 0, out, 0, Layout.NONCE_BYTES);
            for (int i = 0; i < 8; i++) {
                out[4 + i] ^= (byte) (m >>> (56 - 8 * i));
            }
        }

        /** Counts bytes of a stream as they are encrypted. */
        void addBytes(long n) {
            bytes.addAndGet(n);
        }
    }

    private final KeyWrapService service;
    private final String masterKeyId;
    private final Limits limits;
    private final LongSupplier clock;
    private final SecureRandom random;
    private final DecryptKeys decryptKeys;
    private volatile Slot current;
    private boolean closed;

    EncryptKeys(KeyWrapService service, String masterKeyId, Limits limits, LongSupplier clock, SecureRandom random,
            DecryptKeys decryptKeys) {
        this.service = service;
        this.masterKeyId = masterKeyId;
        this.limits = limits;
        this.clock = clock;
        this.random = random;
        this.decryptKeys = decryptKeys;
    }

    String masterKeyId() {
        return masterKeyId;
    }

    /**
     * A slot whose key is acquired for one message of {@code bytes} bytes (0 when unknown); the caller
     * releases {@code slot.key}. When {@code nonce} is not null, the message's single-shot nonce goes there
     * (12 bytes, {@link Slot#nonce}).
     */
    Slot acquire(long bytes, byte[] nonce) throws KeyWrapException {
        for (;;) {
            Slot s = current;
            if (s != null) {
                service.checkWrap(masterKeyId); // the master key's State, cached: no round trip in steady state
                long m = s.tryReserve(bytes, clock.getAsLong(), limits);
                if (m > 0 && s.key.acquire()) {
                    if (nonce != null) {
                        s.nonce(m, nonce);
                    }
                    return s;
                }
            }
            replace(s);
        }
    }

    /** Replaces {@code seen} by a new key, unless another thread did so already. */
    private synchronized void replace(Slot seen) throws KeyWrapException {
        if (closed) {
            throw new IllegalStateException("the envelope is closed");
        }
        if (current != seen) {
            return;
        }
        byte[] raw = new byte[Layout.KEY_BYTES];
        random.nextBytes(raw);
        byte[] section;
        try {
            section = HeaderCodec.keySection(service.wrap(masterKeyId, raw, Layout.WRAP_AAD));
        } catch (KeyWrapException | RuntimeException e) {
            Arrays.fill(raw, (byte) 0);
            throw e;
        }
        decryptKeys.offer(section, raw);
        current = new Slot(DataKey.create(raw, section), clock.getAsLong());
        if (seen != null) {
            seen.key.retire();
        }
    }

    /** Drops the current key when it is too old, so that it does not wait in memory for the next message. */
    synchronized void expire(long now) {
        Slot s = current;
        if (s != null && now - s.created >= limits.maxAgeNanos()) {
            current = null;
            s.key.retire();
        }
    }

    /** For tests: the key new messages would use now, or null. */
    Slot current() {
        return current;
    }

    synchronized void close() {
        closed = true;
        Slot s = current;
        current = null;
        if (s != null) {
            s.key.retire();
        }
    }
}
