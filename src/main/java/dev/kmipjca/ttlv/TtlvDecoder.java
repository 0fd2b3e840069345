package dev.kmipjca.ttlv;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A strict TTLV decoder. It rejects, with a {@link TtlvException} naming the offset, the tag and the
 * rule, every input that breaks the encoding rules (docs/architecture.md lists them: truncated headers,
 * lengths beyond the enclosing item, tags outside 0x42/0x54, unknown types, wrong fixed lengths,
 * non-zero padding, Booleans other than 0 and 1, invalid UTF-8, children that do not fill their
 * Structure, bytes left over, nesting and size limits). It accepts only the canonical encoding (Big
 * Integers with minimal sign extension, Date-Times that {@link Instant} can hold), so every input it
 * accepts re-encodes to the same bytes.
 *
 * <p>Every declared length is checked against the bytes that remain before anything is allocated, so
 * the memory a decode uses is bounded by the size of its input. Instances are immutable and
 * thread-safe.
 */
public final class TtlvDecoder {
    /** Default cap on a message: 16 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 << 20;
    /** Default cap on nesting: 64 levels (real messages stay under 10). */
    public static final int DEFAULT_MAX_DEPTH = 64;
    /** The deepest a decoder may be configured to go, so that no input can exhaust the thread's stack. */
    public static final int MAX_DEPTH_LIMIT = 1024;

    /** Shared by every empty Byte String; zeroing it (Ttlv.wipe) changes nothing. */
    private static final byte[] EMPTY = new byte[0];

    private static final TtlvDecoder DEFAULT = new TtlvDecoder(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_DEPTH, true);

    private final int maxMessageBytes;
    private final int maxDepth;
    private final boolean allowDateTimeExtended;

    /**
     * @param maxMessageBytes        largest input accepted, in bytes
     * @param maxDepth               deepest nesting accepted (the top-level item is depth 1), at most
     *                               {@value #MAX_DEPTH_LIMIT}: the decoder recurses once per level
     * @param allowDateTimeExtended  whether type 0x0B is accepted (KMIP 2.0 and later only)
     */
    public TtlvDecoder(int maxMessageBytes, int maxDepth, boolean allowDateTimeExtended) {
        if (maxMessageBytes < 8 || maxDepth < 1 || maxDepth > MAX_DEPTH_LIMIT) {
            throw new IllegalArgumentException("maxMessageBytes must be >= 8 and maxDepth 1 to " + MAX_DEPTH_LIMIT);
        }
        this.maxMessageBytes = maxMessageBytes;
        this.maxDepth = maxDepth;
        this.allowDateTimeExtended = allowDateTimeExtended;
    }

    /** 16 MiB, depth 64, Date-Time Extended allowed. */
    public static TtlvDecoder defaults() {
        return DEFAULT;
    }

    /** The same limits, with Date-Time Extended allowed or not (it is allowed from KMIP 2.0). */
    public TtlvDecoder withDateTimeExtended(boolean allowed) {
        return allowed == allowDateTimeExtended ? this : new TtlvDecoder(maxMessageBytes, maxDepth, allowed);
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** Decodes exactly one item that spans the whole input. */
    public Ttlv decode(byte[] input) throws TtlvException {
        return decode(input, 0, input.length);
    }

    /** Decodes exactly one item that spans {@code input[off, off + len)}; offsets in errors count from off. */
    public Ttlv decode(byte[] input, int off, int len) throws TtlvException {
        if (off < 0 || len < 0 || off > input.length - len) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", array " + input.length);
        }
        if (len > maxMessageBytes) {
            throw new TtlvException("message of " + len + " bytes exceeds the limit of " + maxMessageBytes, 0, -1);
        }
        Cursor c = new Cursor(input, off, off + len);
        Ttlv item = c.item(off + len, 1);
        if (c.pos != off + len) {
            throw new TtlvException((off + len - c.pos) + " bytes left after the top-level item", c.pos - off, -1);
        }
        return item;
    }

    /**
     * Reads an 8-byte item header as framing does: checks the tag range, that the type is a Structure
     * and that the declared length fits the limit, and returns the length of the whole item (header
     * included) so that exactly that many bytes can be read.
     */
    public int frameLength(byte[] header) throws TtlvException {
        if (header.length < 8) {
            throw new TtlvException("header of " + header.length + " bytes; an item header has 8", 0, -1);
        }
        int tag = ((header[0] & 0xFF) << 16) | ((header[1] & 0xFF) << 8) | (header[2] & 0xFF);
        if (!TagNames.isValidTag(tag)) {
            throw new TtlvException("tag outside 0x42xxxx and 0x54xxxx", 0, tag);
        }
        if (header[3] != ItemType.STRUCTURE.code()) {
            throw new TtlvException(String.format("a message must be a Structure, found type 0x%02X",
                    header[3] & 0xFF), 3, tag);
        }
        long length = readUnsignedInt(header, 4);
        if (length % 8 != 0) {
            throw new TtlvException("Structure length " + length + " is not a multiple of 8", 4, tag);
        }
        if (length + 8 > maxMessageBytes) {
            throw new TtlvException("message of " + (length + 8) + " bytes exceeds the limit of "
                    + maxMessageBytes, 4, tag);
        }
        return (int) length + 8;
    }

    private static long readUnsignedInt(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }

    /** One pass over one input. */
    private final class Cursor {
        private final byte[] in;
        private final int base;
        private int pos;

        Cursor(byte[] in, int base, int end) {
            this.in = in;
            this.base = base;
            this.pos = base;
        }

        Ttlv item(int end, int depth) throws TtlvException {
            int start = pos;
            long offset = start - base;
            if (end - pos < 8) {
                throw new TtlvException("truncated item header: " + (end - pos) + " bytes remain, a header needs 8", offset, -1);
            }
            int tag = ((in[pos] & 0xFF) << 16) | ((in[pos + 1] & 0xFF) << 8) | (in[pos + 2] & 0xFF);
            if (!TagNames.isValidTag(tag)) {
                throw new TtlvException("tag outside 0x42xxxx and 0x54xxxx", offset, tag);
            }
            if (depth > maxDepth) {
                throw new TtlvException("nesting deeper than " + maxDepth + " levels", offset, tag);
            }
            int code = in[pos + 3] & 0xFF;
            ItemType type = ItemType.fromCode(code);
            if (type == null) {
                throw new TtlvException(String.format("unknown item type 0x%02X", code), offset + 3, tag);
            }
            if (type == ItemType.DATE_TIME_EXTENDED && !allowDateTimeExtended) {
                throw new TtlvException("Date-Time Extended (type 0x0B) is not allowed before KMIP 2.0", offset + 3, tag);
            }
            long length = readUnsignedInt(in, pos + 4);
            pos += 8;
            checkLength(type, length, offset, tag);
            long remaining = end - pos;
            long padded = TtlvWriter.padded(length);
            if (length > remaining) {
                throw new TtlvException("length " + length + " runs past the enclosing item (" + remaining
                        + " bytes remain)", offset + 4, tag);
            }
            if (padded > remaining) {
                throw new TtlvException("padding runs past the enclosing item (" + remaining + " bytes remain, "
                        + padded + " needed)", offset + 4, tag);
            }
            int len = (int) length;
            if (type == ItemType.STRUCTURE) {
                if (len == 0) {
                    return Ttlv.structureNoCopy(tag, List.of());
                }
                int childEnd = pos + len;
                List<Ttlv> children = new ArrayList<>(Math.min(len >>> 3, 10)); // a child takes 8 bytes or more
                while (pos < childEnd) {
                    children.add(item(childEnd, depth + 1));
                }
                return Ttlv.structureNoCopy(tag, children);
            }
            int valueAt = pos;
            checkPadding(valueAt + len, valueAt + (int) padded, tag);
            pos = valueAt + (int) padded;
            switch (type) {
                case INTEGER:
                    return Ttlv.integer(tag, getInt(valueAt));
                case LONG_INTEGER:
                    return Ttlv.longInteger(tag, getLong(valueAt));
                case BIG_INTEGER:
                    checkMinimalBigInteger(valueAt, len, tag);
                    return Ttlv.bigInteger(tag, new BigInteger(in, valueAt, len));
                case ENUMERATION:
                    return Ttlv.enumeration(tag, getInt(valueAt));
                case BOOLEAN: {
                    long v = getLong(valueAt);
                    if (v != 0 && v != 1) {
                        throw new TtlvException("Boolean value must be 0 or 1", valueAt - base, tag);
                    }
                    return Ttlv.bool(tag, v == 1);
                }
                case TEXT_STRING:
                    return Ttlv.text(tag, utf8(valueAt, len, tag));
                case BYTE_STRING:
                    return Ttlv.bytesNoCopy(tag, len == 0 ? EMPTY : Arrays.copyOfRange(in, valueAt, valueAt + len));
                case DATE_TIME: {
                    long seconds = getLong(valueAt);
                    if (seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()) {
                        throw new TtlvException("Date-Time is outside the range of java.time.Instant", valueAt - base, tag);
                    }
                    return Ttlv.dateTime(tag, Instant.ofEpochSecond(seconds));
                }
                case INTERVAL:
                    return Ttlv.interval(tag, getInt(valueAt) & 0xFFFFFFFFL);
                case DATE_TIME_EXTENDED: {
                    long micros = getLong(valueAt);
                    return Ttlv.dateTimeExtended(tag, Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                            Math.floorMod(micros, 1_000_000L) * 1000L));
                }
                default:
                    throw new AssertionError(type);
            }
        }

        private void checkLength(ItemType type, long length, long offset, int tag) throws TtlvException {
            int fixed = type.fixedLength();
            if (fixed >= 0 && length != fixed) {
                throw new TtlvException(type.displayName() + " length must be " + fixed + ", was " + length, offset + 4, tag);
            }
            if (type == ItemType.BIG_INTEGER && (length == 0 || length % 8 != 0)) {
                throw new TtlvException("Big Integer length must be a positive multiple of 8, was " + length, offset + 4, tag);
            }
            if (type == ItemType.STRUCTURE && length % 8 != 0) {
                throw new TtlvException("Structure length must be a multiple of 8, was " + length, offset + 4, tag);
            }
        }

        /**
         * KMIP 1.4 section 9.1.1.4 pads a Big Integer with the minimal number of sign bytes, so a
         * leading block of 8 sign bytes followed by a byte of the same sign could have been left out.
         */
        private void checkMinimalBigInteger(int at, int len, int tag) throws TtlvException {
            if (len <= 8) {
                return;
            }
            byte sign = in[at + 8] < 0 ? (byte) -1 : 0;
            for (int i = at; i < at + 8; i++) {
                if (in[i] != sign) {
                    return;
                }
            }
            throw new TtlvException("Big Integer has more leading sign bytes than needed", at - base, tag);
        }

        private void checkPadding(int from, int to, int tag) throws TtlvException {
            for (int i = from; i < to; i++) {
                if (in[i] != 0) {
                    throw new TtlvException("non-zero padding byte", i - base, tag);
                }
            }
        }

        /** Strict UTF-8: malformed sequences, overlong forms and surrogates are refused, at the bad byte. */
        private String utf8(int at, int len, int tag) throws TtlvException {
            int i = at;
            while (i < at + len && in[i] >= 0) {
                i++;
            }
            if (i == at + len) {
                return len == 0 ? "" : new String(in, at, len, StandardCharsets.US_ASCII);
            }
            ByteBuffer src = ByteBuffer.wrap(in, at, len);
            CharBuffer dst = CharBuffer.allocate(len);
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            CoderResult r = decoder.decode(src, dst, true);
            if (!r.isError()) {
                r = decoder.flush(dst);
            }
            if (r.isError()) {
                throw new TtlvException("Text String is not valid UTF-8", src.position() - base, tag);
            }
            return dst.flip().toString();
        }

        private int getInt(int at) {
            return (int) readUnsignedInt(in, at);
        }

        private long getLong(int at) {
            return ((long) getInt(at) << 32) | (getInt(at + 4) & 0xFFFFFFFFL);
        }
    }
}
