package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.KEY_COMPRESSION_TYPE;
import static dev.kmipjca.ttlv.Tag.KEY_FORMAT_TYPE;
import static dev.kmipjca.ttlv.Tag.KEY_WRAPPING_SPECIFICATION;
import static dev.kmipjca.ttlv.Tag.KEY_WRAP_TYPE;
import static dev.kmipjca.ttlv.Tag.OBJECT_TYPE;
import static dev.kmipjca.ttlv.Tag.UNIQUE_IDENTIFIER;

import dev.kmipjca.ttlv.Ttlv;
import java.util.List;

/** Get: fetch an object, optionally in a given format or wrapped under another key. */
public final class Get {
    private Get() {}

    public record Request(
            @TtlvField(UNIQUE_IDENTIFIER) UniqueId uniqueIdentifier,
            @TtlvField(KEY_FORMAT_TYPE) KeyFormatType keyFormatType,
            @TtlvField(value = KEY_WRAP_TYPE, since = "1.4") KeyWrapType keyWrapType,
            @TtlvField(KEY_COMPRESSION_TYPE) KeyCompressionType keyCompressionType,
            @TtlvField(KEY_WRAPPING_SPECIFICATION) KeyWrappingSpecification keyWrappingSpecification)
            implements RequestPayload {

        public static Request of(String uniqueIdentifier) {
            return new Request(UniqueId.of(uniqueIdentifier), null, null, null, null);
        }
    }

    /** The object; key bytes in it are the caller's to wipe ({@link KeyBlock#wipe()}). */
    public record Response(
            @TtlvField(value = OBJECT_TYPE, required = true) ObjectType objectType,
            @TtlvField(value = UNIQUE_IDENTIFIER, required = true) UniqueId uniqueIdentifier,
            @TtlvField(value = TtlvField.MANAGED_OBJECT, required = true) ManagedObject object,
            @TtlvField.Extensions List<Ttlv> extensions) implements ResponsePayload {
        public Response {
            extensions = Lists.copy(extensions);
        }

        /** Without extensions. */
        public Response(ObjectType objectType, UniqueId uniqueIdentifier, ManagedObject object) {
            this(objectType, uniqueIdentifier, object, List.of());
        }

        public static Response of(UniqueId uniqueIdentifier, ManagedObject object) {
            return new Response(object.objectType(), uniqueIdentifier, object);
        }
    }
}
