package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.ASYNCHRONOUS_INDICATOR;
import static dev.kmipjca.ttlv.Tag.ATTESTATION_CAPABLE_INDICATOR;
import static dev.kmipjca.ttlv.Tag.ATTESTATION_TYPE;
import static dev.kmipjca.ttlv.Tag.AUTHENTICATION;
import static dev.kmipjca.ttlv.Tag.BATCH_ERROR_CONTINUATION_OPTION;
import static dev.kmipjca.ttlv.Tag.BATCH_ORDER_OPTION;
import static dev.kmipjca.ttlv.Tag.CLIENT_CORRELATION_VALUE;
import static dev.kmipjca.ttlv.Tag.MAXIMUM_RESPONSE_SIZE;
import static dev.kmipjca.ttlv.Tag.PROTOCOL_VERSION;
import static dev.kmipjca.ttlv.Tag.SERVER_CORRELATION_VALUE;
import static dev.kmipjca.ttlv.Tag.TIME_STAMP;

import dev.kmipjca.ttlv.Ttlv;
import java.time.Instant;
import java.util.List;

/**
 * The Request Header, without Batch Count (the codec writes it from the number of batch items and
 * checks it on decode). Asynchronous Indicator is a Boolean in 1.x ({@link #asynchronousIndicator()})
 * and an Enumeration in 2.x ({@link #asynchronousMode()}). Fields this record does not model are kept
 * in {@code extensions}.
 */
public record RequestHeader(
        @TtlvField(value = PROTOCOL_VERSION, required = true) ProtocolVersion protocolVersion,
        @TtlvField(MAXIMUM_RESPONSE_SIZE) Integer maximumResponseSize,
        @TtlvField(value = CLIENT_CORRELATION_VALUE, since = "1.4") String clientCorrelationValue,
        @TtlvField(value = SERVER_CORRELATION_VALUE, since = "1.4") String serverCorrelationValue,
        @TtlvField(value = ASYNCHRONOUS_INDICATOR, removedIn = "2.0") Boolean asynchronousIndicator,
        @TtlvField(value = ASYNCHRONOUS_INDICATOR, since = "2.0") AsynchronousIndicator asynchronousMode,
        @TtlvField(value = ATTESTATION_CAPABLE_INDICATOR, since = "1.2") Boolean attestationCapableIndicator,
        @TtlvField(value = ATTESTATION_TYPE, since = "1.2") List<AttestationType> attestationTypes,
        @TtlvField(AUTHENTICATION) Authentication authentication,
        @TtlvField(BATCH_ERROR_CONTINUATION_OPTION) BatchErrorContinuationOption batchErrorContinuationOption,
        @TtlvField(BATCH_ORDER_OPTION) Boolean batchOrderOption,
        @TtlvField(TIME_STAMP) Instant timeStamp,
        @TtlvField.Extensions List<Ttlv> extensions) {

    public RequestHeader {
        attestationTypes = Lists.copy(attestationTypes);
        extensions = Lists.copy(extensions);
    }

    /** A header with only the Protocol Version. */
    public static RequestHeader of(ProtocolVersion version) {
        return new RequestHeader(version, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
