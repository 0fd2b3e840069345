package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.COMPROMISE_OCCURRENCE_DATE;
import static dev.kmipjca.ttlv.Tag.REVOCATION_REASON;
import static dev.kmipjca.ttlv.Tag.UNIQUE_IDENTIFIER;

import dev.kmipjca.ttlv.Ttlv;
import java.util.List;

import java.time.Instant;

/** Revoke: Key Compromise moves the object to Compromised, any other reason to Deactivated. */
public final class Revoke {
    private Revoke() {}

    public record Request(
            @TtlvField(UNIQUE_IDENTIFIER) UniqueId uniqueIdentifier,
            @TtlvField(value = REVOCATION_REASON, required = true) RevocationReason revocationReason,
            @TtlvField(COMPROMISE_OCCURRENCE_DATE) Instant compromiseOccurrenceDate) implements RequestPayload {

        public static Request of(String uniqueIdentifier, RevocationReasonCode code) {
            return new Request(UniqueId.of(uniqueIdentifier), RevocationReason.of(code), null);
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
