package dev.kmipjca.protocol;

import java.util.Objects;

/**
 * One attribute: its name, the 1.x Attribute Index (null when absent; KMIP 2.x has no index) and its
 * value.
 *
 * <p>The name is the spec name ("Cryptographic Length"), which is the 1.x Attribute Name and, through
 * the tag table, the 2.x tag. For a standard attribute listed in {@link AttributeKey} the value has the
 * key's type (Integer, String, Instant, a {@link KmipEnum}, a record such as {@link Name}); the
 * constructor checks it. Other attributes are kept as received: custom 1.x attributes ({@code x-…},
 * {@code y-…}; they cannot be sent in KMIP 2.x) and attributes this package does not model. Their
 * value is a String, Integer, Long, BigInteger, Boolean, {@link Bytes}, Instant or Duration for
 * primitive items and the raw {@code Ttlv} for Enumerations and Structures. An unknown 2.x attribute
 * whose tag has no name in the tables is named by its tag in hex ("0x540001").
 */
public record Attribute(String name, Integer index, Object value) {

    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        AttributeKey<?> key = AttributeKey.byName(name);
        if (key != null && !key.type().isInstance(value)) {
            throw new IllegalArgumentException("attribute " + name + " takes a " + key.type().getSimpleName()
                    + ", not a " + value.getClass().getSimpleName());
        }
    }

    /** A standard attribute without index. */
    public static <T> Attribute of(AttributeKey<T> key, T value) {
        return new Attribute(key.name(), null, value);
    }

    /** An attribute by name: a standard name (value checked) or a custom 1.x name such as "x-Purpose". */
    public static Attribute of(String name, Object value) {
        return new Attribute(name, null, value);
    }

    /** This attribute with a 1.x Attribute Index. */
    public Attribute withIndex(Integer newIndex) {
        return new Attribute(name, newIndex, value);
    }

    /** The standard key, or null for a custom or unknown attribute. */
    public AttributeKey<?> key() {
        return AttributeKey.byName(name);
    }

    /** True when this attribute is the one {@code key} names. */
    public boolean is(AttributeKey<?> key) {
        return key.name().equalsIgnoreCase(name);
    }

    /** The value as {@code key}'s type; throws when this attribute is another one. */
    public <T> T value(AttributeKey<T> key) {
        if (!is(key)) {
            throw new IllegalArgumentException("attribute " + name + " is not " + key.name());
        }
        return key.type().cast(value);
    }

    /** True for 1.x custom attributes (names starting "x-" or "y-"). */
    public boolean isCustom() {
        return name.startsWith("x-") || name.startsWith("y-");
    }
}
