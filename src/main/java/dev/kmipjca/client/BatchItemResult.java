package dev.kmipjca.client;

import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ResponseBatchItem;
import dev.kmipjca.protocol.ResponsePayload;
import dev.kmipjca.protocol.ResultReason;

/**
 * The outcome of one item of a {@link Batch}: a payload, a failure, or "not executed" (with Batch
 * Error Continuation Option Stop, the default, the server skips the items after a failed one). The
 * secret results of Get and Decrypt items are moved into holders ({@link #retrievedObject()},
 * {@link #plaintext()}) that the caller must close; their payloads then hold zeros.
 */
public final class BatchItemResult {
    private final Operation operation;
    private final ResponseBatchItem item;
    private final KmipResultException failure;
    private final RetrievedObject retrieved;
    private final KeyMaterial plaintext;

    BatchItemResult(Operation operation, ResponseBatchItem item, KmipResultException failure, RetrievedObject retrieved,
                    KeyMaterial plaintext) {
        this.operation = operation;
        this.item = item;
        this.failure = failure;
        this.retrieved = retrieved;
        this.plaintext = plaintext;
    }

    /** The operation of the request item. */
    public Operation operation() {
        return operation;
    }

    /** False when the server skipped this item after an earlier one failed. */
    public boolean executed() {
        return item != null;
    }

    public boolean isSuccess() {
        return failure == null;
    }

    /** The Result Reason of a failed item, or null. */
    public ResultReason reason() {
        return failure == null ? null : failure.reason();
    }

    /** The failure (with the server filled in), or null on success. */
    public KmipResultException failure() {
        return failure;
    }

    /** The payload of a successful item as {@code type} ({@code Create.Response.class} …). */
    public <P extends ResponsePayload> P payload(Class<P> type) throws KmipResultException {
        if (failure != null) {
            throw failure;
        }
        if (!type.isInstance(item.payload())) {
            throw new IllegalArgumentException("item " + operation + " has a " + item.payload().getClass().getName()
                    + " payload, not a " + type.getName());
        }
        return type.cast(item.payload());
    }

    /** The object of a successful Get item; the caller closes it. */
    public RetrievedObject retrievedObject() throws KmipResultException {
        if (failure != null) {
            throw failure;
        }
        if (retrieved == null) {
            throw new IllegalStateException("item " + operation + " is not a Get");
        }
        return retrieved;
    }

    /** The plaintext of a successful Decrypt item; the caller closes it. */
    public KeyMaterial plaintext() throws KmipResultException {
        if (failure != null) {
            throw failure;
        }
        if (plaintext == null) {
            throw new IllegalStateException("item " + operation + " is not a Decrypt");
        }
        return plaintext;
    }

    @Override
    public String toString() {
        return "BatchItemResult{" + operation + ", " + (failure == null ? "Success" : executed()
                ? failure.reason() : "not executed") + "}";
    }
}
