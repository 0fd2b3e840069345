package dev.kmipjca.envelope;

import java.security.InvalidKeyException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Unwrapped data keys for decryption, found by their wrapped form (the header's key section bytes).
 * At most {@link Limits#cacheSize()} keys (the oldest leaves first), each for at most
 * {@link Limits#cacheMaxAgeNanos()}. Lookups take no lock; inserting (after an unwrap, a server round
 * trip) takes one. Concurrent misses on the same key may each unwrap it; one copy is kept.
 */
final class DecryptKeys {
    /** A key section as a map key: a range of an array, compared by content. */
    static final class Section {
        final byte[] bytes;
        final int off;
        final int len;
        final int hash;

        Section(byte[] bytes, int off, int len) {
            this.bytes = bytes;
            this.off = off;
            this.len = len;
            int h = 1;
            for (int i = off; i < off + len; i++) {
                h = 31 * h + bytes[i];
            }
            this.hash = h;
        }

        boolean matches(byte[] b, int o, int l) {
            return l == len && Arrays.equals(bytes, off, off + len, b, o, o + l);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Section s && s.matches(bytes, off, len);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private record Entry(Section id, DataKey key, long created) {
    }

    private static final long SWEEP_INTERVAL_NANOS = 1_000_000_000L;

    private final KeyWrapService service;
    private final Limits limits;
    private final LongSupplier clock;
    private final ConcurrentHashMap<Section, Entry> map = new ConcurrentHashMap<>();
    private final ArrayDeque<Entry> order = new ArrayDeque<>();
    private volatile Entry last;
    private volatile long lastSweep;
    private boolean closed;

    DecryptKeys(KeyWrapService service, Limits limits, LongSupplier clock) {
        this.service = service;
        this.limits = limits;
        this.clock = clock;
        this.lastSweep = clock.getAsLong();
    }

    /**
     * The data key of the parsed header {@code h} in {@code b}, acquired (the caller releases it): from
     * the cache by its key section, else unwrapped by the key service and cached. The master key id
     * is decoded (and checked to be UTF-8) only on a miss.
     */
    DataKey acquire(long now, byte[] b, HeaderCodec.Parsed h)
            throws KeyWrapException, EnvelopeFormatException, InvalidKeyException {
        int off = h.keySectionOffset();
        int len = h.keySectionLength;
        Entry e = last;
        if (e != null && e.id.matches(b, off, len) && usable(e, now)) {
            return e.key;
        }
        e = map.get(new Section(b, off, len));
        if (e != null && usable(e, now)) {
            last = e;
            return e.key;
        }
        if (now - lastSweep >= SWEEP_INTERVAL_NANOS) {
            sweep(now);
        }
        byte[] raw = service.unwrap(HeaderCodec.wrappedKey(b, h), Layout.WRAP_AAD);
        if (raw == null || raw.length != Layout.KEY_BYTES) {
            int n = raw == null ? 0 : raw.length;
            if (raw != null) {
                Arrays.fill(raw, (byte) 0);
            }
            throw new InvalidKeyException("the unwrapped data key is " + n + " bytes, not 32");
        }
        DataKey k = DataKey.create(raw, Arrays.copyOfRange(b, off, off + len));
        k.acquire();
        if (!insert(k, now)) {
            k.retire();
        }
        return k;
    }

    /** Whether {@code e} is fresh and could be acquired; an expired entry is evicted. */
    private boolean usable(Entry e, long now) {
        if (now - e.created >= limits.cacheMaxAgeNanos()) {
            if (map.remove(e.id, e)) {
                e.key.retire();
            }
            return false;
        }
        return !e.key.isRetired() && e.key.acquire();
    }

    /** Puts a key made by the encryption side into the cache (copying {@code raw}). */
    void offer(byte[] section, byte[] raw) {
        if (limits.cacheSize() > 0) {
            DataKey k = DataKey.create(raw.clone(), section);
            if (!insert(k, clock.getAsLong())) {
                k.retire();
            }
        }
    }

    /** Adds {@code k} unless caching is off, closed, or the key is already there; evicts as needed. */
    private synchronized boolean insert(DataKey k, long now) {
        if (closed || limits.cacheSize() == 0) {
            return false;
        }
        Section id = new Section(k.keySection(), 0, k.keySection().length);
        Entry e = new Entry(id, k, now);
        if (map.putIfAbsent(id, e) != null) {
            return false;
        }
        order.addLast(e);
        evict(now);
        return true;
    }

    /** Removes expired entries from the front, then the oldest while over the size limit. */
    private void evict(long now) {
        lastSweep = now;
        for (Entry e = order.peekFirst(); e != null; e = order.peekFirst()) {
            boolean expired = now - e.created >= limits.cacheMaxAgeNanos();
            boolean gone = map.get(e.id) != e;
            if (!expired && !gone && map.size() <= limits.cacheSize()) {
                break;
            }
            order.pollFirst();
            map.remove(e.id, e);
            e.key.retire();
        }
    }

    synchronized void sweep(long now) {
        evict(now);
    }

    /** Number of keys cached (for tests). */
    int size() {
        return map.size();
    }

    synchronized void close() {
        closed = true;
        last = null;
        for (Entry e : order) {
            e.key.retire();
        }
        order.clear();
        map.clear();
    }
}
