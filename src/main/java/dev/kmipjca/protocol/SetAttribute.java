package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.NEW_ATTRIBUTE;
import static dev.kmipjca.ttlv.Tag.UNIQUE_IDENTIFIER;

import dev.kmipjca.ttlv.Ttlv;
import java.util.List;

/** Set Attribute (KMIP 2.0 and later): create or replace a single-valued attribute. */
public final class SetAttribute {
    private SetAttribute() {}

    public record Request(
            @TtlvField(UNIQUE_IDENTIFIER) UniqueId uniqueIdentifier,
            @TtlvField(value = NEW_ATTRIBUTE, required = true) Attribute newAttribute) implements RequestPayload {}

    public record Response(
            @TtlvField(value = UNIQUE_IDENTIFIER, required = true) UniqueId uniqueIdentifier,
            @TtlvField.Extensions List<Ttlv> extensions) implements ResponsePayload {
        public Response {
            extensions = Lists.copy(extensions);
        }

        /** Without extensions. */
        public Response(UniqueId uniqueIdentifier) {
            this(uniqueIdentifier, List.of());
        }
    }
}
