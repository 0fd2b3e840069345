package dev.kmipjca.ttlv;

import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One TTLV item: a tag, a type and a value; a Structure holds an ordered list of child items.
 *
 * <p>Items are immutable, with one exception: {@link #wipe()} zeroes the Byte String values of a tree
 * that carried key material once the caller is done with it. {@link #toString()} prints the tree with
 * secrets redacted ({@link TtlvPrinter}).
 */
public final class Ttlv {
    private final int tag;
    private final ItemType type;
    /** List&lt;Ttlv&gt;, Integer, Long, BigInteger, Boolean, String, byte[] or Instant, by type. */
    private final Object value;

    private Ttlv(int tag, ItemType type, Object value) {
        if (!TagNames.isValidTag(tag)) {
            throw new IllegalArgumentException("tag " + TagNames.hex(tag) + " is outside 0x42xxxx and 0x54xxxx");
        }
        this.tag = tag;
        this.type = type;
        this.value = Objects.requireNonNull(value, "value");
    }

    // ---- factories --------------------------------------------------------------------------------

    public static Ttlv structure(int tag, List<Ttlv> children) {
        for (Ttlv c : children) {
            Objects.requireNonNull(c, "child");
        }
        return new Ttlv(tag, ItemType.STRUCTURE, Collections.unmodifiableList(new ArrayList<>(children)));
    }

    public static Ttlv structure(int tag, Ttlv... children) {
        return structure(tag, Arrays.asList(children));
    }

    public static Ttlv integer(int tag, int value) {
        return new Ttlv(tag, ItemType.INTEGER, value);
    }

    public static Ttlv longInteger(int tag, long value) {
        return new Ttlv(tag, ItemType.LONG_INTEGER, value);
    }

    public static Ttlv bigInteger(int tag, BigInteger value) {
        return new Ttlv(tag, ItemType.BIG_INTEGER, value);
    }

    /** An Enumeration; the value is an unsigned 32-bit number held in an int. */
    public static Ttlv enumeration(int tag, int value) {
        return new Ttlv(tag, ItemType.ENUMERATION, value);
    }

    public static Ttlv bool(int tag, boolean value) {
        return new Ttlv(tag, ItemType.BOOLEAN, value);
    }

    public static Ttlv text(int tag, String value) {
        return new Ttlv(tag, ItemType.TEXT_STRING, value);
    }

    /** A Byte String holding a copy of {@code value}. */
    public static Ttlv bytes(int tag, byte[] value) {
        return new Ttlv(tag, ItemType.BYTE_STRING, value.clone());
    }

    /** A Date-Time: whole seconds since the epoch (any fraction of a second is dropped). */
    public static Ttlv dateTime(int tag, Instant value) {
        return new Ttlv(tag, ItemType.DATE_TIME, Instant.ofEpochSecond(value.getEpochSecond()));
    }

    /** An Interval: unsigned 32-bit seconds. */
    public static Ttlv interval(int tag, long seconds) {
        if (seconds < 0 || seconds > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("an Interval is 0 to 4294967295 seconds, not " + seconds);
        }
        return new Ttlv(tag, ItemType.INTERVAL, seconds);
    }

    /** A Date-Time Extended (KMIP 2.0 and later): microseconds since the epoch. */
    public static Ttlv dateTimeExtended(int tag, Instant value) {
        return new Ttlv(tag, ItemType.DATE_TIME_EXTENDED, value.truncatedTo(ChronoUnit.MICROS));
    }

    /** Used by the decoder: takes ownership of {@code value} without copying. */
    static Ttlv bytesNoCopy(int tag, byte[] value) {
        return new Ttlv(tag, ItemType.BYTE_STRING, value);
    }

    /** Used by the decoder: takes ownership of {@code children} (no nulls) without copying. */
    static Ttlv structureNoCopy(int tag, List<Ttlv> children) {
        return new Ttlv(tag, ItemType.STRUCTURE, children.isEmpty() ? List.of() : Collections.unmodifiableList(children));
    }

    // ---- accessors --------------------------------------------------------------------------------

    public int tag() {
        return tag;
    }

    public ItemType type() {
        return type;
    }

    public boolean isStructure() {
        return type == ItemType.STRUCTURE;
    }

    /** The children of a Structure, in wire order. */
    @SuppressWarnings("unchecked")
    public List<Ttlv> children() {
        expect(ItemType.STRUCTURE);
        return (List<Ttlv>) value;
    }

    /** The first child with this tag, or null. */
    public Ttlv child(int childTag) {
        for (Ttlv c : children()) {
            if (c.tag == childTag) {
                return c;
            }
        }
        return null;
    }

    /** Every child with this tag, in order. */
    public List<Ttlv> children(int childTag) {
        List<Ttlv> out = new ArrayList<>();
        for (Ttlv c : children()) {
            if (c.tag == childTag) {
                out.add(c);
            }
        }
        return out;
    }

    public int asInt() {
        expect(ItemType.INTEGER);
        return (Integer) value;
    }

    public long asLong() {
        expect(ItemType.LONG_INTEGER);
        return (Long) value;
    }

    public BigInteger asBigInteger() {
        expect(ItemType.BIG_INTEGER);
        return (BigInteger) value;
    }

    /** The Enumeration value as an int (compare unsigned for values 0x80000000 and above). */
    public int asEnum() {
        expect(ItemType.ENUMERATION);
        return (Integer) value;
    }

    public boolean asBoolean() {
        expect(ItemType.BOOLEAN);
        return (Boolean) value;
    }

    public String asText() {
        expect(ItemType.TEXT_STRING);
        return (String) value;
    }

    /** A copy of the Byte String value; the caller owns it (and zeroes it if it is secret). */
    public byte[] asBytes() {
        expect(ItemType.BYTE_STRING);
        return ((byte[]) value).clone();
    }

    /** Length of the Byte String value, without copying it. */
    public int byteLength() {
        expect(ItemType.BYTE_STRING);
        return ((byte[]) value).length;
    }

    /** A Date-Time or Date-Time Extended value. */
    public Instant asInstant() {
        if (type != ItemType.DATE_TIME && type != ItemType.DATE_TIME_EXTENDED) {
            throw wrongType("Date-Time");
        }
        return (Instant) value;
    }

    /** An Interval value in seconds. */
    public long asInterval() {
        expect(ItemType.INTERVAL);
        return (Long) value;
    }

    /** The number of bytes this item takes on the wire, header and padding included. */
    public long encodedSize() {
        return 8L + TtlvWriter.padded(valueLength());
    }

    /** The Length field: value bytes without trailing padding (a Structure: its children's sizes). */
    public long valueLength() {
        switch (type) {
            case STRUCTURE: {
                long n = 0;
                for (Ttlv c : children()) {
                    n = Math.addExact(n, c.encodedSize());
                }
                return n;
            }
            case BIG_INTEGER:
                return TtlvWriter.bigIntegerBytes((BigInteger) value).length;
            case TEXT_STRING:
                return TtlvWriter.utf8Length((String) value);
            case BYTE_STRING:
                return ((byte[]) value).length;
            default:
                return type.fixedLength();
        }
    }

    /** Encodes this item to its TTLV bytes. */
    public byte[] encode() {
        TtlvWriter w = new TtlvWriter(Math.toIntExact(encodedSize())); // exact: no growth, no final copy
        return w.write(this).takeBytes();
    }

    /** Zeroes every Byte String value in this tree. Call it on trees that carried key material. */
    public void wipe() {
        if (type == ItemType.BYTE_STRING) {
            Arrays.fill((byte[]) value, (byte) 0);
        } else if (type == ItemType.STRUCTURE) {
            for (Ttlv c : children()) {
                c.wipe();
            }
        }
    }

    /** Package-private access for the writer (no copy). */
    Object rawValue() {
        return value;
    }

    private void expect(ItemType expected) {
        if (type != expected) {
            throw wrongType(expected.displayName());
        }
    }

    private IllegalStateException wrongType(String expected) {
        return new IllegalStateException(TagNames.describe(tag) + " is a " + type.displayName()
                + ", not a " + expected);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Ttlv)) {
            return false;
        }
        Ttlv other = (Ttlv) o;
        if (tag != other.tag || type != other.type) {
            return false;
        }
        if (type == ItemType.BYTE_STRING) {
            return Arrays.equals((byte[]) value, (byte[]) other.value);
        }
        return value.equals(other.value);
    }

    @Override
    public int hashCode() {
        int h = 31 * tag + type.hashCode();
        return 31 * h + (type == ItemType.BYTE_STRING ? Arrays.hashCode((byte[]) value) : value.hashCode());
    }

    /** The tree as the printer shows it, with secrets redacted. */
    @Override
    public String toString() {
        return TtlvPrinter.print(this);
    }
}
