package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.TagNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One value of a KMIP enumeration: the 32-bit number on the wire and, when known, the spec's name.
 *
 * <p>Each enumeration is a final subclass that holds a table of its named constants
 * ({@code State.ACTIVE}). {@code of(int)} on a subclass returns the constant for a known value and,
 * for a value this code does not know (a newer spec, a vendor extension 0x8XXXXXXX), a new instance
 * that keeps the raw number, so that decoding never fails on an unknown value and re-encoding gives
 * back the same bytes. Two instances are equal when they belong to the same enumeration and carry
 * the same number. Values compare unsigned.
 */
public abstract class KmipEnum implements Comparable<KmipEnum> {
    private final int value;
    private final String name;

    KmipEnum(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /** The number on the wire (an unsigned 32-bit value held in an int). */
    public final int value() {
        return value;
    }

    /** The number as an unsigned long. */
    public final long unsignedValue() {
        return Integer.toUnsignedLong(value);
    }

    /** The spec's name ("Symmetric Key"), or null for a value this code does not know. */
    public final String name() {
        return name;
    }

    public final boolean isKnown() {
        return name != null;
    }

    /** True for values 0x80000000 and above, which the spec reserves for vendor extensions. */
    public final boolean isExtension() {
        return value < 0;
    }

    @Override
    public final int compareTo(KmipEnum other) {
        return Integer.compareUnsigned(value, other.value);
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((KmipEnum) o).value == value;
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode() * 31 + value;
    }

    /** The name, or "0x8000000A" for an unknown value. */
    @Override
    public final String toString() {
        return name != null ? name : String.format(Locale.ROOT, "0x%08X", value);
    }

    /** The table of one enumeration's values; each subclass keeps one in a static field. */
    static final class Values<E extends KmipEnum> {
        private final int tag;
        private final BiFunction<Integer, String, E> factory;
        private final Map<Integer, E> byValue = new HashMap<>();
        private final Map<String, E> byName = new HashMap<>();
        private final List<E> all = new ArrayList<>();

        /** @param tag the tag whose value this enumeration is; names of undeclared values come from its table */
        Values(int tag, BiFunction<Integer, String, E> factory) {
            this.tag = tag;
            this.factory = factory;
        }

        E add(int value, String name) {
            E e = factory.apply(value, name);
            byValue.put(value, e);
            byName.put(key(name), e);
            all.add(e);
            return e;
        }

        /** The constant for a declared value, else an instance named from the tag tables, else unnamed. */
        E of(int value) {
            E e = byValue.get(value);
            return e != null ? e : factory.apply(value, TagNames.enumName(tag, value));
        }

        /** The declared constant with this name (case, spaces and punctuation ignored), or null. */
        E named(String name) {
            return byName.get(key(name));
        }

        List<E> all() {
            return Collections.unmodifiableList(all);
        }

        private static String key(String name) {
            return name.replaceAll("[^A-Za-z0-9#]", "").toLowerCase(Locale.ROOT);
        }
    }
}
