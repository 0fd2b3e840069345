package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.UNIQUE_IDENTIFIER;

import dev.kmipjca.ttlv.Ttlv;
import java.util.List;

/** Destroy: delete an object's key material. */
public final class Destroy {
    private Destroy() {}

    public record Request(@TtlvField(UNIQUE_IDENTIFIER) UniqueId uniqueIdentifier) implements RequestPayload {
        public static Request of(String uniqueIdentifier) {
            return new Request(UniqueId.of(uniqueIdentifier));
        }
    }

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
