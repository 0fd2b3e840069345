package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.ATTESTATION_TYPE;
import static dev.kmipjca.ttlv.Tag.CLIENT_CORRELATION_VALUE;
import static dev.kmipjca.ttlv.Tag.NONCE;
import static dev.kmipjca.ttlv.Tag.PROTOCOL_VERSION;
import static dev.kmipjca.ttlv.Tag.SERVER_CORRELATION_VALUE;
import static dev.kmipjca.ttlv.Tag.SERVER_HASHED_PASSWORD;
import static dev.kmipjca.ttlv.Tag.TIME_STAMP;

import dev.kmipjca.ttlv.Ttlv;
import java.time.Instant;
import java.util.List;

/**
 * The Response Header, without Batch Count (written and checked by the codec). Time Stamp is
 * required by the spec; the decoder tolerates its absence. Fields this record does not model
 * (vendor extensions, fields of later versions) are kept in {@code extensions}.
 */
public record ResponseHeader(
        @TtlvField(value = PROTOCOL_VERSION, required = true) ProtocolVersion protocolVersion,
        @TtlvField(TIME_STAMP) Instant timeStamp,
        @TtlvField(value = NONCE, since = "1.2") Nonce nonce,
        @TtlvField(value = SERVER_HASHED_PASSWORD, since = "2.0") Bytes serverHashedPassword,
        @TtlvField(value = ATTESTATION_TYPE, since = "1.2") List<AttestationType> attestationTypes,
        @TtlvField(value = CLIENT_CORRELATION_VALUE, since = "1.4") String clientCorrelationValue,
        @TtlvField(value = SERVER_CORRELATION_VALUE, since = "1.4") String serverCorrelationValue,
        @TtlvField.Extensions List<Ttlv> extensions) {

    public ResponseHeader {
        attestationTypes = Lists.copy(attestationTypes);
        extensions = Lists.copy(extensions);
    }

    /** A header with the Protocol Version and Time Stamp (whole seconds). */
    public static ResponseHeader of(ProtocolVersion version, Instant timeStamp) {
        return new ResponseHeader(version, Instant.ofEpochSecond(timeStamp.getEpochSecond()), null, null, null, null,
                null, null);
    }
}
