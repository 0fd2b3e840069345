package dev.kmipjca.ttlv;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A streaming TTLV encoder. Items are appended in order; a Structure is opened with
 * {@link #beginStructure}, written with a placeholder length, and its length is filled in by
 * {@link #endStructure} once its children are known, so no size has to be computed ahead.
 *
 * <p>Not thread-safe. The buffer may hold key material: call {@link #wipe()} when done with it.
 */
public final class TtlvWriter {
    private static final int MAX_DEPTH = 64;

    private byte[] buf;
    private int pos;
    private final int[] open = new int[MAX_DEPTH];
    private int depth;

    public TtlvWriter() {
        this(256);
    }

    public TtlvWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public TtlvWriter beginStructure(int tag) {
        if (depth == MAX_DEPTH) {
            throw new IllegalStateException("structures nested deeper than " + MAX_DEPTH);
        }
        header(tag, ItemType.STRUCTURE, 0);
        open[depth++] = pos - 8;
        return this;
    }

    public TtlvWriter endStructure() {
        if (depth == 0) {
            throw new IllegalStateException("endStructure without beginStructure");
        }
        int start = open[--depth];
        putInt(start + 4, pos - start - 8);
        return this;
    }

    public TtlvWriter writeInteger(int tag, int value) {
        header(tag, ItemType.INTEGER, 4);
        putInt(pos, value);
        pos += 8;
        return this;
    }

    public TtlvWriter writeLongInteger(int tag, long value) {
        header(tag, ItemType.LONG_INTEGER, 8);
        putLong(value);
        return this;
    }

    public TtlvWriter writeBigInteger(int tag, BigInteger value) {
        byte[] b = bigIntegerBytes(value);
        header(tag, ItemType.BIG_INTEGER, b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    public TtlvWriter writeEnumeration(int tag, int value) {
        header(tag, ItemType.ENUMERATION, 4);
        putInt(pos, value);
        pos += 8;
        return this;
    }

    public TtlvWriter writeBoolean(int tag, boolean value) {
        header(tag, ItemType.BOOLEAN, 8);
        putLong(value ? 1 : 0);
        return this;
    }

    public TtlvWriter writeTextString(int tag, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        return writeVariable(tag, ItemType.TEXT_STRING, b, 0, b.length);
    }

    public TtlvWriter writeByteString(int tag, byte[] value) {
        return writeByteString(tag, value, 0, value.length);
    }

    public TtlvWriter writeByteString(int tag, byte[] value, int off, int len) {
        return writeVariable(tag, ItemType.BYTE_STRING, value, off, len);
    }

    /** A Date-Time: whole seconds since the epoch. */
    public TtlvWriter writeDateTime(int tag, Instant value) {
        header(tag, ItemType.DATE_TIME, 8);
        putLong(value.getEpochSecond());
        return this;
    }

    /** An Interval: unsigned 32-bit seconds. */
    public TtlvWriter writeInterval(int tag, long seconds) {
        if (seconds < 0 || seconds > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("an Interval is 0 to 4294967295 seconds, not " + seconds);
        }
        header(tag, ItemType.INTERVAL, 4);
        putInt(pos, (int) seconds);
        pos += 8;
        return this;
    }

    /** A Date-Time Extended (KMIP 2.0 and later): microseconds since the epoch. */
    public TtlvWriter writeDateTimeExtended(int tag, Instant value) {
        header(tag, ItemType.DATE_TIME_EXTENDED, 8);
        long micros = Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000L), value.getNano() / 1000);
        putLong(micros);
        return this;
    }

    /** Appends an item and, for a Structure, all its descendants. */
    @SuppressWarnings("unchecked")
    public TtlvWriter write(Ttlv item) {
        int tag = item.tag();
        Object v = item.rawValue();
        switch (item.type()) {
            case STRUCTURE:
                beginStructure(tag);
                for (Ttlv c : (List<Ttlv>) v) {
                    write(c);
                }
                return endStructure();
            case INTEGER:
                return writeInteger(tag, (Integer) v);
            case LONG_INTEGER:
                return writeLongInteger(tag, (Long) v);
            case BIG_INTEGER:
                return writeBigInteger(tag, (BigInteger) v);
            case ENUMERATION:
                return writeEnumeration(tag, (Integer) v);
            case BOOLEAN:
                return writeBoolean(tag, (Boolean) v);
            case TEXT_STRING:
                return writeTextString(tag, (String) v);
            case BYTE_STRING:
                return writeByteString(tag, (byte[]) v);
            case DATE_TIME:
                return writeDateTime(tag, (Instant) v);
            case INTERVAL:
                return writeInterval(tag, (Long) v);
            case DATE_TIME_EXTENDED:
                return writeDateTimeExtended(tag, (Instant) v);
            default:
                throw new AssertionError(item.type());
        }
    }

    /** Bytes written so far. */
    public int size() {
        return pos;
    }

    /** A copy of the encoding. Every opened Structure must have been closed. */
    public byte[] toByteArray() {
        if (depth != 0) {
            throw new IllegalStateException(depth + " structure(s) still open");
        }
        return Arrays.copyOf(buf, pos);
    }

    /**
     * For a writer about to be dropped: its buffer itself when exactly full (no copy of key material
     * is left behind), else a copy, after which the buffer is zeroed.
     */
    byte[] takeBytes() {
        if (pos == buf.length && depth == 0) {
            return buf;
        }
        byte[] out = toByteArray();
        wipe();
        return out;
    }

    /** Zeroes the internal buffer and resets the writer. */
    public void wipe() {
        Arrays.fill(buf, (byte) 0);
        pos = 0;
        depth = 0;
    }

    /** The internal buffer itself, not a copy: lets tests in this package check that it was zeroed. */
    byte[] buffer() {
        return buf;
    }

    // ---- encoding helpers, shared with Ttlv -------------------------------------------------------

    /** The value length rounded up to the next multiple of 8. */
    static long padded(long length) {
        return (length + 7) & ~7L;
    }

    /** Minimal two's complement, sign-extended on the left to a multiple of 8 bytes (KMIP 1.4 9.1.1.4). */
    static byte[] bigIntegerBytes(BigInteger value) {
        byte[] minimal = value.toByteArray();
        int len = (int) padded(minimal.length);
        if (len == minimal.length) {
            return minimal;
        }
        byte[] out = new byte[len];
        if (value.signum() < 0) {
            Arrays.fill(out, 0, len - minimal.length, (byte) 0xFF);
        }
        System.arraycopy(minimal, 0, out, len - minimal.length, minimal.length);
        return out;
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    // ---- internals --------------------------------------------------------------------------------

    private TtlvWriter writeVariable(int tag, ItemType type, byte[] b, int off, int len) {
        header(tag, type, len);
        System.arraycopy(b, off, buf, pos, len);
        pos += (int) padded(len);
        return this;
    }

    /** Writes the 8-byte header and makes room for the padded value, which is left zeroed. */
    private void header(int tag, ItemType type, int length) {
        if (!TagNames.isValidTag(tag)) {
            throw new IllegalArgumentException("tag " + TagNames.hex(tag) + " is outside 0x42xxxx and 0x54xxxx");
        }
        int valueBytes = type == ItemType.STRUCTURE ? 0 : (int) padded(length);
        ensure(Math.addExact(8, valueBytes));
        buf[pos] = (byte) (tag >>> 16);
        buf[pos + 1] = (byte) (tag >>> 8);
        buf[pos + 2] = (byte) tag;
        buf[pos + 3] = (byte) type.code();
        putInt(pos + 4, length);
        pos += 8;
        Arrays.fill(buf, pos, pos + valueBytes, (byte) 0);
    }

    private void ensure(int more) {
        int need = Math.addExact(pos, more);
        if (need > buf.length) {
            byte[] bigger = Arrays.copyOf(buf, Math.max(need, buf.length * 2));
            Arrays.fill(buf, (byte) 0);
            buf = bigger;
        }
    }

    private void putInt(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    private void putLong(long v) {
        putInt(pos, (int) (v >>> 32));
        putInt(pos + 4, (int) v);
        pos += 8;
    }
}
