package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.ASYNCHRONOUS_CORRELATION_VALUE;
import static dev.kmipjca.ttlv.Tag.MESSAGE_EXTENSION;
import static dev.kmipjca.ttlv.Tag.OPERATION;
import static dev.kmipjca.ttlv.Tag.RESPONSE_PAYLOAD;
import static dev.kmipjca.ttlv.Tag.RESULT_MESSAGE;
import static dev.kmipjca.ttlv.Tag.RESULT_REASON;
import static dev.kmipjca.ttlv.Tag.RESULT_STATUS;
import static dev.kmipjca.ttlv.Tag.UNIQUE_BATCH_ITEM_ID;

import dev.kmipjca.ttlv.Ttlv;
import java.util.List;
import java.util.Objects;

/**
 * One response Batch Item. Operation may be absent (message-level failures); the payload is absent
 * on failure. Pair items with requests by {@link #uniqueBatchItemId()}, not by position.
 */
public record ResponseBatchItem(
        @TtlvField(OPERATION) Operation operation,
        @TtlvField(UNIQUE_BATCH_ITEM_ID) Bytes uniqueBatchItemId,
        @TtlvField(value = RESULT_STATUS, required = true) ResultStatus resultStatus,
        @TtlvField(RESULT_REASON) ResultReason resultReason,
        @TtlvField(RESULT_MESSAGE) String resultMessage,
        @TtlvField(ASYNCHRONOUS_CORRELATION_VALUE) Bytes asynchronousCorrelationValue,
        @TtlvField(RESPONSE_PAYLOAD) ResponsePayload payload,
        @TtlvField(MESSAGE_EXTENSION) List<Ttlv> messageExtensions,
        @TtlvField.Extensions List<Ttlv> extensions) {

    public ResponseBatchItem {
        Objects.requireNonNull(resultStatus, "resultStatus");
        messageExtensions = Lists.copy(messageExtensions);
        extensions = Lists.copy(extensions);
    }

    /** A successful item (the operation comes from the payload when {@code operation} is null). */
    public static ResponseBatchItem success(Operation operation, Bytes uniqueBatchItemId, ResponsePayload payload) {
        Operation op = operation != null ? operation : Payloads.operationOf(payload);
        return new ResponseBatchItem(op, uniqueBatchItemId, ResultStatus.SUCCESS, null, null, null, payload, null, null);
    }

    /** A failed item; {@code operation} and {@code uniqueBatchItemId} echo the request (null if it had none). */
    public static ResponseBatchItem failure(Operation operation, Bytes uniqueBatchItemId, ResultReason reason, String message) {
        return new ResponseBatchItem(operation, uniqueBatchItemId, ResultStatus.OPERATION_FAILED, reason, message, null,
                null, null, null);
    }

    public boolean isSuccess() {
        return resultStatus.equals(ResultStatus.SUCCESS);
    }

    /** The exception that describes this item's failure. */
    public KmipResultException toException() {
        return KmipResultException.of(operation, resultStatus, resultReason, resultMessage);
    }

    /**
     * The payload of a successful item as {@code type}.
     *
     * @throws KmipResultException   when the item did not succeed
     * @throws KmipProtocolException when a successful item has no payload of that type
     */
    public <P extends ResponsePayload> P payload(Class<P> type) throws KmipException {
        if (!isSuccess()) {
            throw toException();
        }
        if (!type.isInstance(payload)) {
            throw KmipProtocolException.invalidMessage("response Batch Item of " + operation, RESPONSE_PAYLOAD,
                    payload == null ? "a successful item has no Response Payload"
                            : "expected a " + RecordCodec.displayName(type) + " payload, found " + RecordCodec.displayName(payload.getClass()));
        }
        return type.cast(payload);
    }

    ResponseBatchItem withPayload(ResponsePayload p) {
        return new ResponseBatchItem(operation, uniqueBatchItemId, resultStatus, resultReason, resultMessage,
                asynchronousCorrelationValue, p, messageExtensions, extensions);
    }
}
