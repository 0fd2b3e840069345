package dev.kmipjca.client;

import dev.kmipjca.protocol.Attribute;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.Locate;
import dev.kmipjca.protocol.Name;
import dev.kmipjca.protocol.ObjectType;
import dev.kmipjca.protocol.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to look for with Locate: objects whose attributes match every filter attribute, at most
 * {@code maxItems} of them, skipping the first {@code offsetItems} (KMIP 1.3 and later). An empty
 * filter matches every object the caller may see. Servers differ in the attributes they can filter
 * on; PyKMIP ignores a filter on an attribute it does not track, so it matches everything.
 * Immutable; build with {@link #builder()}.
 */
public final class LocateFilter {
    private final List<Attribute> attributes;
    private final Integer maxItems;
    private final Integer offsetItems;

    private LocateFilter(Builder b) {
        this.attributes = List.copyOf(b.attributes);
        this.maxItems = b.maxItems;
        this.offsetItems = b.offsetItems;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Objects with this Name. */
    public static LocateFilter byName(String name) {
        return builder().name(name).build();
    }

    public Integer offsetItems() {
        return offsetItems;
    }

    Locate.Request toRequest() {
        return new Locate.Request(maxItems, offsetItems, null, null, Attributes.of(attributes));
    }

    @Override
    public String toString() {
        return "LocateFilter{" + attributes + ", maxItems=" + maxItems + ", offsetItems=" + offsetItems + "}";
    }

    /** Collects filter attributes and paging. */
    public static final class Builder {
        private final List<Attribute> attributes = new ArrayList<>();
        private Integer maxItems;
        private Integer offsetItems;

        private Builder() {}

        public Builder name(String name) {
            return attribute(AttributeKey.NAME, Name.of(name));
        }

        public Builder objectType(ObjectType type) {
            return attribute(AttributeKey.OBJECT_TYPE, type);
        }

        public Builder state(State state) {
            return attribute(AttributeKey.STATE, state);
        }

        public Builder algorithm(CryptographicAlgorithm algorithm) {
            return attribute(AttributeKey.CRYPTOGRAPHIC_ALGORITHM, algorithm);
        }

        public Builder objectGroup(String group) {
            return attribute(AttributeKey.OBJECT_GROUP, group);
        }

        public <T> Builder attribute(AttributeKey<T> key, T value) {
            return attribute(Attribute.of(key, value));
        }

        public Builder attribute(Attribute attribute) {
            attributes.add(Objects.requireNonNull(attribute, "attribute"));
            return this;
        }

        /** At most this many identifiers (Maximum Items). */
        public Builder maxItems(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxItems must be at least 1, not " + max);
            }
            this.maxItems = max;
            return this;
        }

        /** Skip this many matches first (Offset Items, KMIP 1.3 and later). */
        public Builder offsetItems(int offset) {
            if (offset < 0) {
                throw new IllegalArgumentException("offsetItems must be at least 0, not " + offset);
            }
            this.offsetItems = offset;
            return this;
        }

        public LocateFilter build() {
            return new LocateFilter(this);
        }
    }
}
