package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.ATTRIBUTE;
import static dev.kmipjca.ttlv.Tag.NEW_ATTRIBUTE;
import static dev.kmipjca.ttlv.Tag.UNIQUE_IDENTIFIER;

import dev.kmipjca.ttlv.Ttlv;
import java.util.List;

/**
 * Add Attribute: a bare Attribute in 1.x, a New Attribute in 2.x. The 1.x response echoes the
 * attribute; the 2.x response holds only the Unique Identifier.
 */
public final class AddAttribute {
    private AddAttribute() {}

    public record Request(
            @TtlvField(UNIQUE_IDENTIFIER) UniqueId uniqueIdentifier,
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
