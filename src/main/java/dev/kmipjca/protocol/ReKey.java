package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.ATTRIBUTES;
import static dev.kmipjca.ttlv.Tag.OFFSET;
import static dev.kmipjca.ttlv.Tag.PROTECTION_STORAGE_MASKS;
import static dev.kmipjca.ttlv.Tag.TEMPLATE_ATTRIBUTE;
import static dev.kmipjca.ttlv.Tag.UNIQUE_IDENTIFIER;

import dev.kmipjca.ttlv.Ttlv;
import java.util.List;

import java.time.Duration;

/** Re-key: a new key replacing an old one (linked to it by Replacement/Replaced Object links). */
public final class ReKey {
    private ReKey() {}

    public record Request(
            @TtlvField(UNIQUE_IDENTIFIER) UniqueId uniqueIdentifier,
            @TtlvField(OFFSET) Duration offset,
            @TtlvField(value = TEMPLATE_ATTRIBUTE, v2 = ATTRIBUTES) Attributes attributes,
            @TtlvField(value = PROTECTION_STORAGE_MASKS, since = "2.0") ProtectionStorageMasks protectionStorageMasks)
            implements RequestPayload {

        public static Request of(String uniqueIdentifier) {
            return new Request(UniqueId.of(uniqueIdentifier), null, null, null);
        }
    }

    /** The new key's identifier; in 1.x the server may list attributes it set implicitly. */
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
    }
}
