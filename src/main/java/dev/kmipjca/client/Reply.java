package dev.kmipjca.client;

import dev.kmipjca.config.ServerAddress;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.RequestBatchItem;
import dev.kmipjca.protocol.RequestMessage;
import dev.kmipjca.protocol.ResponseBatchItem;
import dev.kmipjca.protocol.ResponseMessage;
import dev.kmipjca.protocol.ResponsePayload;
import dev.kmipjca.protocol.ResultStatus;
import dev.kmipjca.ttlv.Ttlv;

/**
 * A request and the response that answers it (already checked by {@link ResponseCheck}), from one
 * server. Turns failed items into {@link KmipResultException}s naming the server.
 */
final class Reply {
    private final ServerAddress server;
    private final RequestMessage request;
    private final ResponseMessage response;
    private final Ttlv tree;

    Reply(ServerAddress server, RequestMessage request, ResponseMessage response, Ttlv tree) {
        this.server = server;
        this.request = request;
        this.response = response;
        this.tree = tree;
    }

    /**
     * Zeroes the Byte Strings of the decoded response tree. Call it once secret values were moved
     * out of the payload (Get, Decrypt); raw items kept from the tree are zeroed too.
     */
    void wipe() {
        tree.wipe();
    }

    ServerAddress server() {
        return server;
    }

    /** The version the request was sent in: the one negotiated with {@link #server()}. */
    ProtocolVersion version() {
        return request.version();
    }

    int size() {
        return request.batchItems().size();
    }

    boolean isMessageFailure() {
        return ResponseCheck.isMessageFailure(response);
    }

    /** The response item answering request item {@code i}, or null when the server skipped it. */
    ResponseBatchItem item(int i) {
        if (isMessageFailure()) {
            return response.batchItems().get(0);
        }
        return response.item(request.batchItems().get(i).uniqueBatchItemId());
    }

    /** The payload answering the only (or first) request item. */
    <P extends ResponsePayload> P payload(Class<P> type) throws KmipResultException {
        return payload(0, type);
    }

    <P extends ResponsePayload> P payload(int i, Class<P> type) throws KmipResultException {
        ResponseBatchItem item = item(i);
        if (item == null || !item.isSuccess()) {
            throw failure(i);
        }
        return type.cast(item.payload());
    }

    /** The exception for request item {@code i}: its failure, or that it was skipped after an earlier one. */
    KmipResultException failure(int i) {
        RequestBatchItem asked = request.batchItems().get(i);
        ResponseBatchItem item = item(i);
        KmipResultException e = item == null
                ? KmipResultException.of(asked.operation(), ResultStatus.OPERATION_FAILED, null,
                        "not executed: an earlier item of the batch failed (Batch Error Continuation Option Stop)")
                : KmipResultException.of(item.operation() != null ? item.operation() : asked.operation(),
                        item.resultStatus(), item.resultReason(), item.resultMessage());
        e.setServer(server.toString());
        return e;
    }
}
