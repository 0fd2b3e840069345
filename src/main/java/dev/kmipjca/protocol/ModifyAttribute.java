package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.ATTRIBUTE;
import static dev.kmipjca.ttlv.Tag.CURRENT_ATTRIBUTE;
import static dev.kmipjca.ttlv.Tag.NEW_ATTRIBUTE;
import static dev.kmipjca.ttlv.Tag.UNIQUE_IDENTIFIER;

import dev.kmipjca.ttlv.Ttlv;
import java.util.List;

/**
 * Modify Attribute: 1.x sends the attribute (name, optional index, new value) and gets it back; 2.x
 * sends an optional Current Attribute and the New Attribute, and gets the Unique Identifier.
 */
public final class ModifyAttribute {
    private ModifyAttribute() {}

    public record Request(
            @TtlvField(UNIQUE_IDENTIFIER) UniqueId uniqueIdentifier,
            @TtlvField(value = CURRENT_ATTRIBUTE, since = "2.0") Attribute currentAttribute,
            @TtlvField(value = ATTRIBUTE, v2 = NEW_ATTRIBUTE, required = true) Attribute attribute)
            implements RequestPayload {}

    public record Response(
            @TtlvField(value = UNIQUE_IDENTIFIER, required = true) UniqueId uniqueIdentifier,
            @TtlvField(value = ATTRIBUTE, removedIn = "2.0", required = true) Attribute attribute,
            @TtlvField.Extensions List<Ttlv> extensions) implements ResponsePayload {
        public Response {
            extensions = Lists.copy(extensions);
        }

        /** Without extensions. */
        public Response(UniqueId uniqueIdentifier, Attribute attribute) {
            this(uniqueIdentifier, attribute, List.of());
        }
    }
}
