package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.ATTRIBUTE;
import static dev.kmipjca.ttlv.Tag.ATTRIBUTE_INDEX;
import static dev.kmipjca.ttlv.Tag.ATTRIBUTE_NAME;
import static dev.kmipjca.ttlv.Tag.ATTRIBUTE_REFERENCE;
import static dev.kmipjca.ttlv.Tag.CURRENT_ATTRIBUTE;
import static dev.kmipjca.ttlv.Tag.UNIQUE_IDENTIFIER;

import dev.kmipjca.ttlv.Ttlv;
import java.util.List;

/**
 * Delete Attribute: 1.x names the attribute (Attribute Name, Attribute Index?) and gets the deleted
 * attribute back; 2.x gives a Current Attribute or an Attribute Reference and gets the Unique
 * Identifier.
 */
public final class DeleteAttribute {
    private DeleteAttribute() {}

    public record Request(
            @TtlvField(UNIQUE_IDENTIFIER) UniqueId uniqueIdentifier,
            @TtlvField(value = ATTRIBUTE_NAME, removedIn = "2.0", required = true) String attributeName,
            @TtlvField(value = ATTRIBUTE_INDEX, removedIn = "2.0") Integer attributeIndex,
            @TtlvField(value = CURRENT_ATTRIBUTE, since = "2.0") Attribute currentAttribute,
            @TtlvField(value = ATTRIBUTE_REFERENCE, since = "2.0") String attributeReference)
            implements RequestPayload {

        /** The 1.x form. */
        public static Request v1(UniqueId uniqueIdentifier, String attributeName, Integer attributeIndex) {
            return new Request(uniqueIdentifier, attributeName, attributeIndex, null, null);
        }

        /** The 2.x form naming the attribute by reference (all its instances). */
        public static Request v2(UniqueId uniqueIdentifier, String attributeReference) {
            return new Request(uniqueIdentifier, null, null, null, attributeReference);
        }
    }

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
