package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.ATTRIBUTE_NAME;
import static dev.kmipjca.ttlv.Tag.ATTRIBUTE_REFERENCE;
import static dev.kmipjca.ttlv.Tag.UNIQUE_IDENTIFIER;

import dev.kmipjca.ttlv.Ttlv;
import java.util.List;

/** Get Attribute List: the names of an object's attributes (Attribute Name in 1.x, Attribute Reference in 2.x). */
public final class GetAttributeList {
    private GetAttributeList() {}

    public record Request(@TtlvField(UNIQUE_IDENTIFIER) UniqueId uniqueIdentifier) implements RequestPayload {}

    public record Response(
            @TtlvField(value = UNIQUE_IDENTIFIER, required = true) UniqueId uniqueIdentifier,
            @TtlvField(value = ATTRIBUTE_NAME, v2 = ATTRIBUTE_REFERENCE) List<String> attributeNames,
            @TtlvField.Extensions List<Ttlv> extensions) implements ResponsePayload {

        public Response {
            extensions = Lists.copy(extensions);
            attributeNames = Lists.copy(attributeNames);
        }

        /** Without extensions. */
        public Response(UniqueId uniqueIdentifier, List<String> attributeNames) {
            this(uniqueIdentifier, attributeNames, List.of());
        }
    }
}
