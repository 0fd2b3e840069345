package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.ATTRIBUTE;
import static dev.kmipjca.ttlv.Tag.ATTRIBUTES;
import static dev.kmipjca.ttlv.Tag.ATTRIBUTE_NAME;
import static dev.kmipjca.ttlv.Tag.ATTRIBUTE_REFERENCE;
import static dev.kmipjca.ttlv.Tag.UNIQUE_IDENTIFIER;

import dev.kmipjca.ttlv.Ttlv;
import java.util.List;

/**
 * Get Attributes. The request names attributes by spec name: Attribute Name text in 1.x, Attribute
 * Reference (the attribute's tag) in 2.x; no names means all. The response holds bare Attribute
 * fields in 1.x and one Attributes structure in 2.x.
 */
public final class GetAttributes {
    private GetAttributes() {}

    public record Request(
            @TtlvField(UNIQUE_IDENTIFIER) UniqueId uniqueIdentifier,
            @TtlvField(value = ATTRIBUTE_NAME, v2 = ATTRIBUTE_REFERENCE) List<String> attributeNames)
            implements RequestPayload {

        public Request {
            attributeNames = Lists.copy(attributeNames);
        }

        public static Request of(String uniqueIdentifier, String... attributeNames) {
            return new Request(UniqueId.of(uniqueIdentifier), List.of(attributeNames));
        }
    }

    public record Response(
            @TtlvField(value = UNIQUE_IDENTIFIER, required = true) UniqueId uniqueIdentifier,
            @TtlvField(value = ATTRIBUTE, v2 = ATTRIBUTES, required = true) Attributes attributes,
            @TtlvField.Extensions List<Ttlv> extensions) implements ResponsePayload {

        public Response {
            extensions = Lists.copy(extensions);
            attributes = Attributes.orEmpty(attributes);
        }

        /** Without extensions. */
        public Response(UniqueId uniqueIdentifier, Attributes attributes) {
            this(uniqueIdentifier, attributes, List.of());
        }
    }
}
