package dev.kmipjca.client;

import dev.kmipjca.config.ServerAddress;
import dev.kmipjca.protocol.BatchErrorContinuationOption;
import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.RawPayload;
import dev.kmipjca.protocol.RequestBatchItem;
import dev.kmipjca.protocol.RequestMessage;
import dev.kmipjca.protocol.ResponseBatchItem;
import dev.kmipjca.protocol.ResponseMessage;
import dev.kmipjca.protocol.UniqueId;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Checks that a response answers its request. Every request item carries a Unique Batch Item ID (the
 * client sets one even on single requests), so each response item is paired by ID, never by position.
 *
 * <p>A <em>message-level failure</em> is accepted as an answer to any request: one failed item without
 * Operation and ID, in any protocol version. Servers send it when they cannot read the request at all
 * (PyKMIP: Invalid Message, or Authentication Not Successful for a certificate without EKU clientAuth,
 * both under a KMIP 1.0 header whatever the request's version).
 */
final class ResponseCheck {
    private ResponseCheck() {}

    static boolean isMessageFailure(ResponseMessage response) {
        List<ResponseBatchItem> items = response.batchItems();
        if (items.size() != 1) {
            return false;
        }
        ResponseBatchItem only = items.get(0);
        return !only.isSuccess() && only.operation() == null && only.uniqueBatchItemId() == null;
    }

    static void check(ServerAddress server, RequestMessage request, ResponseMessage response)
            throws ResponseMismatchException {
        if (isMessageFailure(response)) {
            return;
        }
        if (response.version().major() != request.version().major()) {
            throw new ResponseMismatchException(server, "the response is KMIP " + response.version()
                    + ", the request was KMIP " + request.version());
        }
        List<ResponseBatchItem> items = response.batchItems();
        int sent = request.batchItems().size();
        if (items.size() > sent || items.size() < sent && !stoppedEarly(request, items)) {
            throw new ResponseMismatchException(server, "the response holds " + items.size() + " Batch Item"
                    + (items.size() == 1 ? "" : "s") + ", the request " + sent
                    + (items.size() < sent ? " (and its last item did not fail, so none was skipped)" : ""));
        }
        Set<Bytes> seen = new HashSet<>();
        for (ResponseBatchItem item : items) {
            Bytes id = item.uniqueBatchItemId();
            RequestBatchItem asked = id == null ? null : find(request, id);
            if (asked == null) {
                throw new ResponseMismatchException(server, id == null ? "a response item has no Unique Batch Item ID"
                        : "Unique Batch Item ID " + hex(id) + " matches no request item");
            }
            if (!seen.add(id)) {
                throw new ResponseMismatchException(server, "Unique Batch Item ID " + hex(id) + " answers twice");
            }
            if (item.operation() == null ? item.isSuccess() : !item.operation().equals(asked.operation())) {
                throw new ResponseMismatchException(server, "item " + hex(id) + " answers "
                        + (item.operation() == null ? "no Operation" : item.operation())
                        + ", the request asked for " + asked.operation());
            }
            if (item.isSuccess()) {
                checkPayload(server, asked, item, hex(id));
            }
        }
    }

    private static void checkPayload(ServerAddress server, RequestBatchItem asked, ResponseBatchItem item, String id)
            throws ResponseMismatchException {
        if (item.payload() == null || item.payload() instanceof RawPayload && !(asked.payload() instanceof RawPayload)) {
            throw new ResponseMismatchException(server, "the successful " + asked.operation() + " item " + id
                    + " has no Response Payload");
        }
        UniqueId wanted = Uids.of(asked.payload());
        UniqueId got = Uids.of(item.payload());
        if (wanted != null && wanted.isText() && got != null && !wanted.equals(got)) {
            throw new ResponseMismatchException(server, "the " + asked.operation() + " item " + id
                    + " answers for object " + got + ", the request named " + wanted);
        }
    }

    /** With Stop (the default) a server answers up to the first failed item and skips the rest. */
    private static boolean stoppedEarly(RequestMessage request, List<ResponseBatchItem> items) {
        BatchErrorContinuationOption option = request.header().batchErrorContinuationOption();
        boolean stop = option == null || option.equals(BatchErrorContinuationOption.STOP);
        return stop && !items.isEmpty() && !items.get(items.size() - 1).isSuccess();
    }

    static RequestBatchItem find(RequestMessage request, Bytes id) {
        for (RequestBatchItem r : request.batchItems()) {
            if (id.equals(r.uniqueBatchItemId())) {
                return r;
            }
        }
        return null;
    }

    static String hex(Bytes id) {
        return HexFormat.of().formatHex(id.toByteArray());
    }
}
