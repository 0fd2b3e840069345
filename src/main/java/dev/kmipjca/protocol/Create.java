package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.ATTRIBUTES;
import static dev.kmipjca.ttlv.Tag.OBJECT_TYPE;
import static dev.kmipjca.ttlv.Tag.PROTECTION_STORAGE_MASKS;
import static dev.kmipjca.ttlv.Tag.TEMPLATE_ATTRIBUTE;
import static dev.kmipjca.ttlv.Tag.UNIQUE_IDENTIFIER;

import dev.kmipjca.ttlv.Ttlv;
import java.util.List;

/**
 * Create: the server generates a key. The attributes travel in a Template-Attribute (1.x) or an
 * Attributes structure (2.x); Cryptographic Algorithm and Cryptographic Usage Mask are required.
 */
public final class Create {
    private Create() {}

    public record Request(
            @TtlvField(value = OBJECT_TYPE, required = true) ObjectType objectType,
            @TtlvField(value = TEMPLATE_ATTRIBUTE, v2 = ATTRIBUTES, required = true) Attributes attributes,
            @TtlvField(value = PROTECTION_STORAGE_MASKS, since = "2.0") ProtectionStorageMasks protectionStorageMasks)
            implements RequestPayload {

        public static Request of(ObjectType objectType, Attributes attributes) {
            return new Request(objectType, attributes, null);
        }

        /** A symmetric key: algorithm, length in bits, usage mask, and optionally a name. */
        public static Request symmetricKey(CryptographicAlgorithm algorithm, int lengthBits, int usageMask, String name) {
            Attributes.Builder b = Attributes.builder()
                    .add(AttributeKey.CRYPTOGRAPHIC_ALGORITHM, algorithm)
                    .add(AttributeKey.CRYPTOGRAPHIC_LENGTH, lengthBits)
                    .add(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK, usageMask);
            if (name != null) {
                b.add(AttributeKey.NAME, Name.of(name));
            }
            return of(ObjectType.SYMMETRIC_KEY, b.build());
        }
    }

    /** In 1.x the server may list the attributes it set implicitly; 2.x has no such field. */
    public record Response(
            @TtlvField(value = OBJECT_TYPE, required = true) ObjectType objectType,
            @TtlvField(value = UNIQUE_IDENTIFIER, required = true) UniqueId uniqueIdentifier,
            @TtlvField(value = TEMPLATE_ATTRIBUTE, removedIn = "2.0") Attributes attributes,
            @TtlvField.Extensions List<Ttlv> extensions) implements ResponsePayload {
        public Response {
            extensions = Lists.copy(extensions);
        }

        /** Without extensions. */
        public Response(ObjectType objectType, UniqueId uniqueIdentifier, Attributes attributes) {
            this(objectType, uniqueIdentifier, attributes, List.of());
        }

        public static Response of(ObjectType objectType, UniqueId uniqueIdentifier) {
            return new Response(objectType, uniqueIdentifier, null);
        }
    }
}
