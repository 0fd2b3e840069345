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

        Slot(DataKey key, long created) {
            this.key = key;
            this.created = created;
            this.singleShotHeader = HeaderCodec.header(Layout.FORM_SINGLE_SHOT, key.commitment(), 0, null, null,
                    key.keySection());
        }

        /** Counts one message of {@code n} bytes; false when that breaks a limit. */
        boolean tryReserve(long n, long now, Limits limits) {
            if (now - created >= limits.maxAgeNanos()) {
                return false;
            }
            if (messages.incrementAndGet() > limits.maxMessages()) {
                return false;
            }
            long after = bytes.addAndGet(n);
            // a message larger than the byte limit gets a fresh key of its own
            return after <= limits.maxBytes() || after == n;
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
     * releases {@code slot.key}.
     */
    Slot acquire(long bytes) throws KeyWrapException {
        for (;;) {
            Slot s = current;
            if (s != null) {
                service.checkWrap(masterKeyId); // the master key's State, cached: no round trip in steady state
            }
            if (s != null && s.tryReserve(bytes, clock.getAsLong(), limits) && s.key.acquire()) {
                return s;
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
