package dev.kmipjca.server;

import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.KmipProtocolException;
import dev.kmipjca.protocol.Messages;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.RequestBatchItem;
import dev.kmipjca.protocol.RequestHeader;
import dev.kmipjca.protocol.RequestMessage;
import dev.kmipjca.protocol.RequestPayload;
import dev.kmipjca.ttlv.ItemType;
import dev.kmipjca.ttlv.Tag;
import dev.kmipjca.ttlv.Ttlv;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a request so that one bad batch item fails only itself: when the whole message does not
 * decode, the header is checked alone and each batch item is decoded under it on its own. An item
 * that fails keeps its Operation and Unique Batch Item ID (when readable) and the decoding error,
 * whose Result Reason (Invalid Message, Invalid Field, Missing Data) the response carries. A broken
 * header, a wrong Batch Count or a stray top-level field fails the whole message.
 */
final class RequestDecoding {
    private RequestDecoding() {}

    /** One batch item: a payload, or the error that prevented decoding it. */
    record Item(Operation operation, Bytes batchItemId, RequestPayload payload, KmipProtocolException error) {}

    record Decoded(RequestHeader header, List<Item> items) {}

    static Decoded decode(Ttlv message) throws KmipProtocolException {
        KmipProtocolException whole;
        try {
            RequestMessage m = Messages.decodeRequest(message);
            List<Item> items = new ArrayList<>();
            for (RequestBatchItem i : m.batchItems()) {
                items.add(new Item(i.operation(), i.uniqueBatchItemId(), i.payload(), null));
            }
            return new Decoded(m.header(), items);
        } catch (KmipProtocolException e) {
            whole = e;
        }
        Ttlv header = message.isStructure() ? message.child(Tag.REQUEST_HEADER) : null;
        List<Ttlv> items = message.isStructure() ? message.children(Tag.BATCH_ITEM) : List.of();
        if (header == null || !header.isStructure() || items.size() + 1 != message.children().size()
                || header.child(Tag.BATCH_COUNT) == null || header.child(Tag.BATCH_COUNT).type() != ItemType.INTEGER
                || header.child(Tag.BATCH_COUNT).asInt() != items.size()) {
            throw whole;
        }
        Ttlv single = withBatchCountOne(header);
        RequestHeader decodedHeader;
        try {
            Ttlv probe = Ttlv.structure(Tag.BATCH_ITEM, Ttlv.enumeration(Tag.OPERATION, Operation.QUERY.value()),
                    Ttlv.structure(Tag.REQUEST_PAYLOAD));
            decodedHeader = Messages.decodeRequest(Ttlv.structure(Tag.REQUEST_MESSAGE, single, probe)).header();
        } catch (KmipProtocolException e) {
            throw whole;
        }
        List<Item> out = new ArrayList<>();
        for (Ttlv item : items) {
            try {
                RequestBatchItem i = Messages.decodeRequest(Ttlv.structure(Tag.REQUEST_MESSAGE, single, item))
                        .batchItems().get(0);
                out.add(new Item(i.operation(), i.uniqueBatchItemId(), i.payload(), null));
            } catch (KmipProtocolException e) {
                out.add(new Item(operationOf(item), batchItemIdOf(item), null, e));
            }
        }
        return new Decoded(decodedHeader, out);
    }

    private static Ttlv withBatchCountOne(Ttlv header) {
        List<Ttlv> fields = new ArrayList<>();
        for (Ttlv f : header.children()) {
            fields.add(f.tag() == Tag.BATCH_COUNT ? Ttlv.integer(Tag.BATCH_COUNT, 1) : f);
        }
        return Ttlv.structure(Tag.REQUEST_HEADER, fields);
    }

    private static Operation operationOf(Ttlv item) {
        Ttlv op = item.isStructure() ? item.child(Tag.OPERATION) : null;
        return op != null && op.type() == ItemType.ENUMERATION ? Operation.of(op.asEnum()) : null;
    }

    private static Bytes batchItemIdOf(Ttlv item) {
        Ttlv id = item.isStructure() ? item.child(Tag.UNIQUE_BATCH_ITEM_ID) : null;
        return id != null && id.type() == ItemType.BYTE_STRING ? Bytes.of(id.asBytes()) : null;
    }
}
