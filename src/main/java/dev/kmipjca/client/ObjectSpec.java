package dev.kmipjca.client;

import dev.kmipjca.protocol.Attribute;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.Name;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The attributes a new object gets on Create or Register: a Name, a Cryptographic Usage Mask, an
 * Operation Policy Name, an Object Group and any further attributes. The client adds Cryptographic
 * Algorithm and Length itself. Servers differ in what they accept: PyKMIP refuses every attribute
 * beyond Name, Usage Mask, Operation Policy Name, Object Group, Application Specific Information and
 * Sensitive. Immutable; build with {@link #builder()}.
 */
public final class ObjectSpec {
    private static final ObjectSpec EMPTY = builder().build();

    private final String name;
    private final Integer usageMask;
    private final List<Attribute> attributes;

    private ObjectSpec(Builder b) {
        this.name = b.name;
        this.usageMask = b.usageMask;
        this.attributes = List.copyOf(b.attributes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No attributes beyond those the client adds. */
    public static ObjectSpec empty() {
        return EMPTY;
    }

    /** A spec with a name and a usage mask (bits of {@code CryptographicUsageMask}). */
    public static ObjectSpec of(String name, int usageMask) {
        return builder().name(name).usageMask(usageMask).build();
    }

    public String name() {
        return name;
    }

    public Integer usageMask() {
        return usageMask;
    }

    /** The attributes for the request, with algorithm and length first when they are given. */
    Attributes toAttributes(CryptographicAlgorithm algorithm, Integer lengthBits) {
        Attributes.Builder b = Attributes.builder();
        if (algorithm != null) {
            b.add(AttributeKey.CRYPTOGRAPHIC_ALGORITHM, algorithm);
        }
        if (lengthBits != null) {
            b.add(AttributeKey.CRYPTOGRAPHIC_LENGTH, lengthBits);
        }
        if (usageMask != null) {
            b.add(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK, usageMask);
        }
        if (name != null) {
            b.add(AttributeKey.NAME, Name.of(name));
        }
        attributes.forEach(b::add);
        return b.build();
    }

    @Override
    public String toString() {
        return "ObjectSpec{name=" + name + ", usageMask=" + usageMask + ", attributes=" + attributes + "}";
    }

    /** Collects the attributes of a new object. */
    public static final class Builder {
        private String name;
        private Integer usageMask;
        private final List<Attribute> attributes = new ArrayList<>();

        private Builder() {}

        /** The Name (type Uninterpreted Text String). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The Cryptographic Usage Mask: bits of {@code dev.kmipjca.protocol.CryptographicUsageMask}. */
        public Builder usageMask(int mask) {
            this.usageMask = mask;
            return this;
        }

        /** The Operation Policy Name (KMIP 1.x; PyKMIP uses it to share objects between identities). */
        public Builder operationPolicyName(String policy) {
            return attribute(AttributeKey.OPERATION_POLICY_NAME, policy);
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

        public ObjectSpec build() {
            return new ObjectSpec(this);
        }
    }
}
