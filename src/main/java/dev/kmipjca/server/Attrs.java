package dev.kmipjca.server;

import dev.kmipjca.protocol.Attribute;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes to an immutable attribute list. Stored attributes carry no Attribute Index: the n-th
 * attribute of a name is instance n.
 */
final class Attrs {
    private Attrs() {}

    /** {@code key} set to one value: the first instance replaced in place (or appended), the others removed. */
    static <T> Attributes set(Attributes a, AttributeKey<T> key, T value) {
        return set(a, Attribute.of(key, value));
    }

    static Attributes set(Attributes a, Attribute value) {
        List<Attribute> out = new ArrayList<>();
        boolean done = false;
        for (Attribute x : a) {
            if (x.name().equalsIgnoreCase(value.name())) {
                if (!done) {
                    out.add(value);
                    done = true;
                }
            } else {
                out.add(x);
            }
        }
        if (!done) {
            out.add(value);
        }
        return Attributes.of(out);
    }

    /** An instance appended after the others. */
    static Attributes add(Attributes a, Attribute value) {
        return a.with(unindexed(value));
    }

    /** Every instance of {@code name} removed. */
    static Attributes removeAll(Attributes a, String name) {
        List<Attribute> out = new ArrayList<>();
        for (Attribute x : a) {
            if (!x.name().equalsIgnoreCase(name)) {
                out.add(x);
            }
        }
        return Attributes.of(out);
    }

    /** The instances of {@code name}, in order. */
    static List<Attribute> instances(Attributes a, String name) {
        List<Attribute> out = new ArrayList<>();
        for (Attribute x : a) {
            if (x.name().equalsIgnoreCase(name)) {
                out.add(x);
            }
        }
        return out;
    }

    /** Instance {@code index} of {@code name} replaced by {@code value} (null removes it); null when there is no such instance. */
    static Attributes replaceInstance(Attributes a, String name, int index, Attribute value) {
        List<Attribute> out = new ArrayList<>();
        int seen = 0;
        boolean found = false;
        for (Attribute x : a) {
            if (x.name().equalsIgnoreCase(name) && seen++ == index) {
                found = true;
                if (value != null) {
                    out.add(unindexed(value));
                }
            } else {
                out.add(x);
            }
        }
        return found ? Attributes.of(out) : null;
    }

    /** The position of the instance of {@code value.name()} equal in value to {@code value}, or -1. */
    static int indexOfValue(Attributes a, Attribute value) {
        int i = 0;
        for (Attribute x : instances(a, value.name())) {
            if (x.value().equals(value.value())) {
                return i;
            }
            i++;
        }
        return -1;
    }

    static Attribute unindexed(Attribute a) {
        return a.index() == null ? a : new Attribute(a.name(), null, a.value());
    }

    /** Attribute Indexes added for the 1.x form: instance n > 0 of a name gets index n. */
    static Attributes indexed(Attributes a) {
        List<Attribute> out = new ArrayList<>();
        for (Attribute x : a) {
            int n = 0;
            for (Attribute y : out) {
                if (y.name().equalsIgnoreCase(x.name())) {
                    n++;
                }
            }
            out.add(n == 0 ? x : x.withIndex(n));
        }
        return Attributes.of(out);
    }
}
