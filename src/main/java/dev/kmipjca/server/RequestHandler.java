package dev.kmipjca.server;

import dev.kmipjca.protocol.BatchErrorContinuationOption;
import dev.kmipjca.protocol.KmipProtocolException;
import dev.kmipjca.protocol.Messages;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.ResponseBatchItem;
import dev.kmipjca.protocol.ResponseMessage;
import dev.kmipjca.protocol.ResponsePayload;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.ttlv.Ttlv;
import dev.kmipjca.ttlv.TtlvDecoder;
import dev.kmipjca.ttlv.TtlvException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One request message in, one response message out; never throws. A message that is not valid TTLV,
 * not a Request Message, or of an unknown major version gets a single batch item without Operation,
 * Operation Failed / Invalid Message (in the request's version when its header can be read, else
 * 1.0). A minor version newer than the server's is answered in the server's newest minor of that
 * major. Batch items run in order; after a failure the rest are skipped unless the Batch Error
 * Continuation Option is Continue (Undo is refused). Maximum Response Size is honoured (Response
 * Too Large).
 */
final class RequestHandler {
    private final ObjectStore store;
    private final Supplier<Faults> faults;
    private final ServerInfo info;
    private final TtlvDecoder decoder;

    RequestHandler(ObjectStore store, Supplier<Faults> faults, ServerInfo info, int maxMessageBytes) {
        this.store = store;
        this.faults = faults;
        this.info = info;
        this.decoder = new TtlvDecoder(maxMessageBytes, TtlvDecoder.DEFAULT_MAX_DEPTH, true);
    }

    byte[] handle(byte[] request, Identity identity, RequestLog.Line log) {
        ResponseMessage response;
        try {
            response = process(decoder.decode(request), identity, log);
        } catch (TtlvException e) {
            response = messageError(Versions.sniff(request), ResultReason.INVALID_MESSAGE,
                    "malformed TTLV at offset " + e.offset() + ": " + e.reason(), log);
        } catch (KmipProtocolException e) {
            response = messageError(Versions.sniff(request), e.resultReason(), e.getMessage(), log);
        }
        return encode(response, log);
    }

    private ResponseMessage process(Ttlv message, Identity identity, RequestLog.Line log) throws KmipProtocolException {
        ProtocolVersion requested = Messages.peekVersion(message);
        if (!requested.isSupportedMajor()) {
            return messageError(ProtocolVersion.V1_0, ResultReason.INVALID_MESSAGE,
                    "protocol version " + requested + " is not supported; this server speaks 1.0 to 2.1", log);
        }
        RequestDecoding.Decoded d = RequestDecoding.decode(message);
        ProtocolVersion v = Versions.answering(requested);
        log.version(v);
        BatchErrorContinuationOption onError = d.header().batchErrorContinuationOption();
        if (BatchErrorContinuationOption.UNDO.equals(onError) && d.items().size() > 1) {
            return messageError(v, ResultReason.FEATURE_NOT_SUPPORTED,
                    "Batch Error Continuation Option Undo is not supported; use Stop or Continue", log);
        }
        Batch batch = new Batch(v, identity, store, info);
        Faults f = faults.get();
        List<ResponseBatchItem> out = new ArrayList<>();
        for (RequestDecoding.Item item : d.items()) {
            ResponseBatchItem r = item(batch, item, f, log);
            out.add(r);
            if (!r.isSuccess() && !BatchErrorContinuationOption.CONTINUE.equals(onError)) {
                break;
            }
        }
        ResponseMessage response = ResponseMessage.of(v, Instant.now(), out);
        Integer max = d.header().maximumResponseSize();
        if (max != null) {
            int size = Messages.encodeResponse(response).encode().length;
            if (size > max) {
                return messageError(v, ResultReason.RESPONSE_TOO_LARGE, "Response size: " + size
                        + ", Maximum Response Size indicated in request: " + max, log);
            }
        }
        return response;
    }

    private ResponseBatchItem item(Batch batch, RequestDecoding.Item item, Faults f, RequestLog.Line log) {
        String uid = null;
        try {
            if (item.error() != null) {
                throw new KmipFailure(item.error().resultReason(), item.error().getMessage());
            }
            if (f.fails(item.operation())) {
                throw new KmipFailure(f.failReason(), "injected fault: " + item.operation() + " fails with "
                        + f.failReason());
            }
            ResponsePayload p = Operations.execute(batch, item.operation(), item.payload());
            Messages.encodeResponsePayload(p, batch.version); // fails here, per item, if the version cannot express it
            uid = RequestLog.uidOf(p);
            log.item(item.operation(), uid, "Success");
            return ResponseBatchItem.success(item.operation(), item.batchItemId(), p);
        } catch (KmipFailure e) {
            log.item(item.operation(), uid, e.reason().toString());
            return ResponseBatchItem.failure(item.operation(), item.batchItemId(), e.reason(), e.getMessage());
        } catch (UncheckedIOException e) {
            log.error(item.operation(), e);
            return ResponseBatchItem.failure(item.operation(), item.batchItemId(), ResultReason.GENERAL_FAILURE,
                    "the server could not store the object: " + e.getCause().getMessage());
        } catch (RuntimeException e) {
            log.error(item.operation(), e);
            return ResponseBatchItem.failure(item.operation(), item.batchItemId(), ResultReason.GENERAL_FAILURE,
                    "internal error: " + e.getClass().getSimpleName());
        }
    }

    private static ResponseMessage messageError(ProtocolVersion v, ResultReason reason, String message,
            RequestLog.Line log) {
        log.item(null, null, reason + " (" + message + ")");
        return Messages.errorResponse(v, reason, message);
    }

    private static byte[] encode(ResponseMessage response, RequestLog.Line log) {
        try {
            return Messages.encodeResponse(response).encode();
        } catch (RuntimeException e) {
            log.error(null, e);
            return Messages.encodeResponse(Messages.errorResponse(response.version(), ResultReason.GENERAL_FAILURE,
                    "internal error while encoding the response")).encode();
        }
    }
}
