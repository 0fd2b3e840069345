package dev.kmipjca.protocol;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * An ordered list of attributes: the content of a KMIP 1.x Template-Attribute (or of bare Attribute
 * fields) and of a KMIP 2.x Attributes structure. The codec picks the form from the protocol version
 * (see {@code package-info.java}). Immutable.
 *
 * <p>{@link #templateNames()} holds the Name references to server-side templates that a 1.x
 * Template-Attribute may carry before its attributes (deprecated in 1.3, gone in 2.0); they are kept
 * so that such messages re-encode unchanged, and cannot be encoded in 2.x.
 */
public final class Attributes implements Iterable<Attribute> {
    private static final Attributes EMPTY = new Attributes(List.of(), List.of());

    private final List<Attribute> list;
    private final List<Name> templateNames;

    private Attributes(List<Attribute> list, List<Name> templateNames) {
        this.list = List.copyOf(list);
        this.templateNames = List.copyOf(templateNames);
    }

    public static Attributes empty() {
        return EMPTY;
    }

    public static Attributes of(Attribute... attributes) {
        return of(List.of(attributes));
    }

    public static Attributes of(List<Attribute> attributes) {
        return attributes.isEmpty() ? EMPTY : new Attributes(attributes, List.of());
    }

    static Attributes of(List<Attribute> attributes, List<Name> templateNames) {
        return attributes.isEmpty() && templateNames.isEmpty() ? EMPTY : new Attributes(attributes, templateNames);
    }

    /** {@code null} becomes the empty list. */
    static Attributes orEmpty(Attributes a) {
        return a == null ? EMPTY : a;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Attribute> list() {
        return list;
    }

    public List<Name> templateNames() {
        return templateNames;
    }

    public boolean isEmpty() {
        return list.isEmpty() && templateNames.isEmpty();
    }

    public int size() {
        return list.size();
    }

    /** The value of the first attribute {@code key} names, or null. */
    public <T> T get(AttributeKey<T> key) {
        for (Attribute a : list) {
            if (a.is(key)) {
                return key.type().cast(a.value());
            }
        }
        return null;
    }

    /** The values of every attribute {@code key} names, in order. */
    public <T> List<T> getAll(AttributeKey<T> key) {
        List<T> out = new ArrayList<>();
        for (Attribute a : list) {
            if (a.is(key)) {
                out.add(key.type().cast(a.value()));
            }
        }
        return out;
    }

    /** The first attribute with this name (ignoring case), or null. */
    public Attribute get(String name) {
        for (Attribute a : list) {
            if (a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        return null;
    }

    /** A copy with {@code attribute} appended. */
    public Attributes with(Attribute attribute) {
        List<Attribute> l = new ArrayList<>(list);
        l.add(attribute);
        return new Attributes(l, templateNames);
    }

    @Override
    public Iterator<Attribute> iterator() {
        return list.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attributes && list.equals(((Attributes) o).list)
                && templateNames.equals(((Attributes) o).templateNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(list, templateNames);
    }

    @Override
    public String toString() {
        return templateNames.isEmpty() ? list.toString() : "templates " + templateNames + ", " + list;
    }

    /** Collects attributes in order. */
    public static final class Builder {
        private final List<Attribute> list = new ArrayList<>();

        private Builder() {}

        public <T> Builder add(AttributeKey<T> key, T value) {
            list.add(Attribute.of(key, value));
            return this;
        }

        public Builder add(Attribute attribute) {
            list.add(Objects.requireNonNull(attribute, "attribute"));
            return this;
        }

        /** A 1.x custom attribute ("x-…") or any attribute by name. */
        public Builder add(String name, Object value) {
            list.add(Attribute.of(name, value));
            return this;
        }

        public Attributes build() {
            return of(list);
        }
    }
}
