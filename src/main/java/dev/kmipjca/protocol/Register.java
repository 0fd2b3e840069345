package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.ATTRIBUTES;
import static dev.kmipjca.ttlv.Tag.OBJECT_TYPE;
import static dev.kmipjca.ttlv.Tag.PROTECTION_STORAGE_MASKS;
import static dev.kmipjca.ttlv.Tag.TEMPLATE_ATTRIBUTE;
import static dev.kmipjca.ttlv.Tag.UNIQUE_IDENTIFIER;

import dev.kmipjca.ttlv.Ttlv;
import java.util.List;

/** Register: the client hands the server an object (Symmetric Key, Secret Data, Private Key, Certificate …). */
public final class Register {
    private Register() {}

    public record Request(
            @TtlvField(value = OBJECT_TYPE, required = true) ObjectType objectType,
            @TtlvField(value = TEMPLATE_ATTRIBUTE, v2 = ATTRIBUTES, required = true) Attributes attributes,
            @TtlvField(value = TtlvField.MANAGED_OBJECT, required = true) ManagedObject object,
            @TtlvField(value = PROTECTION_STORAGE_MASKS, since = "2.0") ProtectionStorageMasks protectionStorageMasks)
            implements RequestPayload {

        /** Registers {@code object} with these attributes; the Object Type comes from the object. */
        public static Request of(ManagedObject object, Attributes attributes) {
            return new Request(object.objectType(), attributes, object, null);
        }
    }

    public record Response(
            @TtlvField(value = UNIQUE_IDENTIFIER, required = true) UniqueId uniqueIdentifier,
            @TtlvField(value = TEMPLATE_ATTRIBUTE, removedIn = "2.0") Attributes attributes,
            @TtlvField.Extensions List<Ttlv> extensions) implements ResponsePayload {
        public Response {
            extensions = Lists.copy(extensions);
        }

        /** Without extensions. */
        public Response(UniqueId uniqueIdentifier, Attributes attributes) {
            this(uniqueIdentifier, attributes, List.of());
        }

        public static Response of(UniqueId uniqueIdentifier) {
            return new Response(uniqueIdentifier, null);
        }
    }
}
