package dev.kmipjca.client;

import dev.kmipjca.protocol.Activate;
import dev.kmipjca.protocol.BatchErrorContinuationOption;
import dev.kmipjca.protocol.Create;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.Decrypt;
import dev.kmipjca.protocol.Destroy;
import dev.kmipjca.protocol.Get;
import dev.kmipjca.protocol.GetAttributeList;
import dev.kmipjca.protocol.GetAttributes;
import dev.kmipjca.protocol.KeyFormatType;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.Messages;
import dev.kmipjca.protocol.ObjectType;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.Query;
import dev.kmipjca.protocol.QueryFunction;
import dev.kmipjca.protocol.RequestMessage;
import dev.kmipjca.protocol.RequestPayload;
import dev.kmipjca.protocol.ResponseBatchItem;
import dev.kmipjca.protocol.UniqueId;
import dev.kmipjca.transport.BadResponseException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Several operations in one request message, one round trip. Items run in order (Batch Order Option
 * true). A {@code null} identifier is the ID Placeholder: the object of the previous Create, Register
 * or Locate in the batch (PyKMIP: for Get, Get Attributes, Get Attribute List, Destroy and the
 * attribute changes, but not Activate or Revoke). By default the server stops at the first failure
 * and skips the rest; {@link #continueOnError()} runs every item. Not thread-safe; build, execute once.
 */
public final class Batch {
    private final Caller caller;
    private final List<RequestPayload> items = new ArrayList<>();
    private BatchErrorContinuationOption option;

    Batch(Caller caller) {
        this.caller = caller;
    }

    public Batch create(CryptographicAlgorithm algorithm, int lengthBits, ObjectSpec spec) {
        return add(Create.Request.of(ObjectType.SYMMETRIC_KEY, spec.toAttributes(algorithm, lengthBits)));
    }

    public Batch get(String uid) {
        return get(uid, null);
    }

    public Batch get(String uid, KeyFormatType format) {
        return add(new Get.Request(id(uid), format, null, null, null));
    }

    public Batch getAttributes(String uid, String... names) {
        return add(new GetAttributes.Request(id(uid), List.of(names)));
    }

    public Batch getAttributeList(String uid) {
        return add(new GetAttributeList.Request(id(uid)));
    }

    public Batch locate(LocateFilter filter) {
        return add(filter.toRequest());
    }

    public Batch activate(String uid) {
        return add(new Activate.Request(id(uid)));
    }

    public Batch destroy(String uid) {
        return add(new Destroy.Request(id(uid)));
    }

    public Batch query(QueryFunction... functions) {
        return add(Query.Request.of(functions));
    }

    /** Any typed request payload, sent as it is in the negotiated version. */
    public Batch add(RequestPayload payload) {
        items.add(payload);
        return this;
    }

    /** Batch Error Continuation Option Continue: run every item even after a failure. */
    public Batch continueOnError() {
        option = BatchErrorContinuationOption.CONTINUE;
        return this;
    }

    public int size() {
        return items.size();
    }

    /**
     * Sends the batch. It is repeated on another server after a connection failure only when every
     * item is safe to repeat.
     *
     * @return one result per item, in order
     * @throws KmipResultException when the server refused the message as a whole (one failed item
     *                             without Operation, such as Invalid Message)
     */
    public BatchResult execute() throws KmipResultException, IOException, BadResponseException {
        if (items.isEmpty()) {
            throw new IllegalStateException("the batch is empty");
        }
        boolean idempotent = items.stream().allMatch(p -> Idempotency.isIdempotent(Messages.operationOf(p)));
        Reply reply = caller.run(idempotent, null, s -> {
            RequestMessage.Builder b = RequestMessage.builder(s.version()).batchOrderOption(true)
                    .batchErrorContinuationOption(option);
            items.forEach(b::add);
            return s.send(b.build());
        });
        if (reply.isMessageFailure()) {
            throw reply.failure(0);
        }
        List<BatchItemResult> results = new ArrayList<>();
        boolean secrets = false;
        for (int i = 0; i < items.size(); i++) {
            Operation op = Messages.operationOf(items.get(i));
            ResponseBatchItem item = reply.item(i);
            if (item == null || !item.isSuccess()) {
                results.add(new BatchItemResult(op, item, reply.failure(i), null, null));
            } else if (op.equals(Operation.GET)) {
                Get.Response g = (Get.Response) item.payload();
                results.add(new BatchItemResult(op, item, null, RetrievedObject.of(g.uniqueIdentifier().toString(),
                        Detached.copy(g.object(), reply.version())), null));
                secrets = true;
            } else if (op.equals(Operation.DECRYPT)) {
                Decrypt.Response d = (Decrypt.Response) item.payload();
                results.add(new BatchItemResult(op, item, null, null, d.data() == null ? KeyMaterial.take(new byte[0])
                        : KeyMaterial.moveFrom(d.data())));
                secrets = true;
            } else {
                results.add(new BatchItemResult(op, item, null, null, null));
            }
        }
        if (secrets) {
            reply.wipe();
        }
        return new BatchResult(reply.server(), reply.version(), results);
    }

    private static UniqueId id(String uid) {
        return uid == null ? null : UniqueId.of(uid);
    }
}
