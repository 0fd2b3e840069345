package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.EPHEMERAL;
import static dev.kmipjca.ttlv.Tag.MESSAGE_EXTENSION;
import static dev.kmipjca.ttlv.Tag.OPERATION;
import static dev.kmipjca.ttlv.Tag.REQUEST_PAYLOAD;
import static dev.kmipjca.ttlv.Tag.UNIQUE_BATCH_ITEM_ID;

import dev.kmipjca.ttlv.Ttlv;
import java.util.List;
import java.util.Objects;

/**
 * One request Batch Item: Operation, Ephemeral (2.x), Unique Batch Item ID (required when the
 * message has several items), the payload, Message Extensions (kept raw) and any unknown fields.
 */
public record RequestBatchItem(
        @TtlvField(value = OPERATION, required = true) Operation operation,
        @TtlvField(value = EPHEMERAL, since = "2.0") Boolean ephemeral,
        @TtlvField(UNIQUE_BATCH_ITEM_ID) Bytes uniqueBatchItemId,
        @TtlvField(value = REQUEST_PAYLOAD, required = true) RequestPayload payload,
        @TtlvField(MESSAGE_EXTENSION) List<Ttlv> messageExtensions,
        @TtlvField.Extensions List<Ttlv> extensions) {

    public RequestBatchItem {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(payload, "payload");
        messageExtensions = Lists.copy(messageExtensions);
        extensions = Lists.copy(extensions);
    }

    /** An item for a typed payload; the operation comes from the payload's type. */
    public static RequestBatchItem of(RequestPayload payload) {
        return of(Payloads.operationOf(payload), payload);
    }

    public static RequestBatchItem of(Operation operation, RequestPayload payload) {
        return new RequestBatchItem(operation, null, null, payload, null, null);
    }

    /** This item with a Unique Batch Item ID. */
    public RequestBatchItem withId(Bytes id) {
        return new RequestBatchItem(operation, ephemeral, id, payload, messageExtensions, extensions);
    }

    RequestBatchItem withPayload(RequestPayload p) {
        return new RequestBatchItem(operation, ephemeral, uniqueBatchItemId, p, messageExtensions, extensions);
    }
}
