package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.REVOCATION_MESSAGE;
import static dev.kmipjca.ttlv.Tag.REVOCATION_REASON_CODE;

/** The Revocation Reason structure (Revoke requests and the attribute of that name). */
public record RevocationReason(
        @TtlvField(value = REVOCATION_REASON_CODE, required = true) RevocationReasonCode code,
        @TtlvField(REVOCATION_MESSAGE) String message) {

    public static RevocationReason of(RevocationReasonCode code) {
        return new RevocationReason(code, null);
    }
}
