package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.BATCH_COUNT;
import static dev.kmipjca.ttlv.Tag.BATCH_ITEM;
import static dev.kmipjca.ttlv.Tag.PROTOCOL_VERSION;
import static dev.kmipjca.ttlv.Tag.REQUEST_HEADER;
import static dev.kmipjca.ttlv.Tag.REQUEST_MESSAGE;
import static dev.kmipjca.ttlv.Tag.RESPONSE_HEADER;
import static dev.kmipjca.ttlv.Tag.RESPONSE_MESSAGE;

import dev.kmipjca.ttlv.ItemType;
import dev.kmipjca.ttlv.TagNames;
import dev.kmipjca.ttlv.Ttlv;
import java.util.ArrayList;
import java.util.List;

/**
 * The message layer: the header is decoded first (its Protocol Version sets the rules for the rest),
 * Batch Count is written from and checked against the number of batch items, and each item's payload
 * is decoded by its Operation.
 */
final class MessageCodec {
    private MessageCodec() {}

    /** A message split into its version, its header without Batch Count and its batch items. */
    private record Parts(ProtocolVersion version, Ttlv header, List<Ttlv> items) {}

    static Ttlv encodeRequest(RequestMessage m) {
        ProtocolVersion v = checkedForEncoding(m.version());
        List<Ttlv> out = new ArrayList<>();
        out.add(encodeHeader(m.header(), REQUEST_HEADER, m.batchItems().size(), v));
        for (RequestBatchItem item : m.batchItems()) {
            out.add(RecordCodec.encode(item, BATCH_ITEM, v));
        }
        return Ttlv.structure(REQUEST_MESSAGE, out);
    }

    static Ttlv encodeResponse(ResponseMessage m) {
        ProtocolVersion v = checkedForEncoding(m.version());
        List<Ttlv> out = new ArrayList<>();
        out.add(encodeHeader(m.header(), RESPONSE_HEADER, m.batchItems().size(), v));
        for (ResponseBatchItem item : m.batchItems()) {
            out.add(RecordCodec.encode(item, BATCH_ITEM, v));
        }
        return Ttlv.structure(RESPONSE_MESSAGE, out);
    }

    /** A header record followed by Batch Count, the last field of both headers. */
    static Ttlv encodeHeader(Record header, int tag, int batchCount, ProtocolVersion v) {
        List<Ttlv> fields = new ArrayList<>(RecordCodec.encode(header, tag, v).children());
        fields.add(Ttlv.integer(BATCH_COUNT, batchCount));
        return Ttlv.structure(tag, fields);
    }

    static RequestMessage decodeRequest(Ttlv message) throws KmipProtocolException {
        Parts p = split(message, REQUEST_MESSAGE, REQUEST_HEADER);
        RequestHeader header = RecordCodec.decode(RequestHeader.class, p.header(), p.version());
        List<RequestBatchItem> items = new ArrayList<>();
        for (Ttlv t : p.items()) {
            RequestBatchItem item = RecordCodec.decode(RequestBatchItem.class, t, p.version());
            Ttlv raw = ((RawPayload) item.payload()).item();
            items.add(item.withPayload(Payloads.decodeRequest(item.operation(), raw, p.version())));
        }
        return new RequestMessage(header, items);
    }

    static ResponseMessage decodeResponse(Ttlv message) throws KmipProtocolException {
        Parts p = split(message, RESPONSE_MESSAGE, RESPONSE_HEADER);
        ResponseHeader header = RecordCodec.decode(ResponseHeader.class, p.header(), p.version());
        List<ResponseBatchItem> items = new ArrayList<>();
        for (Ttlv t : p.items()) {
            ResponseBatchItem item = RecordCodec.decode(ResponseBatchItem.class, t, p.version());
            if (item.payload() != null) {
                Ttlv raw = ((RawPayload) item.payload()).item();
                item = item.withPayload(Payloads.decodeResponse(item.operation(), raw, p.version()));
            }
            items.add(item);
        }
        return new ResponseMessage(header, items);
    }

    /** The Protocol Version in a message's header, without decoding anything else. */
    static ProtocolVersion peekVersion(Ttlv message) throws KmipProtocolException {
        int headerTag = message.tag() == RESPONSE_MESSAGE ? RESPONSE_HEADER : REQUEST_HEADER;
        int messageTag = message.tag() == RESPONSE_MESSAGE ? RESPONSE_MESSAGE : REQUEST_MESSAGE;
        expectStructure(message, messageTag, null);
        return version(header(message, headerTag));
    }

    private static Parts split(Ttlv message, int messageTag, int headerTag) throws KmipProtocolException {
        expectStructure(message, messageTag, null);
        String where = TagNames.label(messageTag);
        Ttlv header = header(message, headerTag);
        List<Ttlv> items = new ArrayList<>();
        for (Ttlv child : message.children()) {
            if (child.tag() == BATCH_ITEM) {
                expectStructure(child, BATCH_ITEM, where);
                items.add(child);
            } else if (child.tag() != headerTag) {
                throw KmipProtocolException.invalidMessage(where, child.tag(), "unexpected field");
            }
        }
        ProtocolVersion v = version(header);
        if (!v.isSupportedMajor()) {
            throw KmipProtocolException.invalidMessage(where, PROTOCOL_VERSION, "unsupported protocol version " + v);
        }
        String headerWhere = TagNames.label(headerTag);
        List<Ttlv> counts = header.children(BATCH_COUNT);
        if (counts.isEmpty()) {
            throw KmipProtocolException.missing(headerWhere, BATCH_COUNT);
        } else if (counts.size() > 1) {
            throw KmipProtocolException.invalidMessage(headerWhere, BATCH_COUNT, "duplicate field");
        } else if (counts.get(0).type() != ItemType.INTEGER) {
            throw KmipProtocolException.invalidField(headerWhere, BATCH_COUNT,
                    "must be an Integer, found a " + counts.get(0).type().displayName());
        }
        int count = counts.get(0).asInt();
        if (items.isEmpty()) {
            throw KmipProtocolException.missing(where, BATCH_ITEM);
        }
        if (count != items.size()) {
            throw KmipProtocolException.invalidMessage(headerWhere, BATCH_COUNT, "Batch Count is " + count
                    + " but the message holds " + items.size() + " Batch Item" + (items.size() == 1 ? "" : "s"));
        }
        List<Ttlv> fields = new ArrayList<>(header.children());
        fields.removeIf(f -> f.tag() == BATCH_COUNT);
        return new Parts(v, Ttlv.structure(headerTag, fields), items);
    }

    private static Ttlv header(Ttlv message, int headerTag) throws KmipProtocolException {
        String where = TagNames.label(message.tag());
        List<Ttlv> headers = message.children(headerTag);
        if (headers.isEmpty()) {
            throw KmipProtocolException.missing(where, headerTag);
        } else if (headers.size() > 1) {
            throw KmipProtocolException.invalidMessage(where, headerTag, "duplicate field");
        }
        Ttlv header = headers.get(0);
        expectStructure(header, headerTag, where);
        return header;
    }

    private static ProtocolVersion version(Ttlv header) throws KmipProtocolException {
        String where = TagNames.label(header.tag());
        List<Ttlv> versions = header.children(PROTOCOL_VERSION);
        if (versions.isEmpty()) {
            throw KmipProtocolException.missing(where, PROTOCOL_VERSION);
        } else if (versions.size() > 1) {
            throw KmipProtocolException.invalidMessage(where, PROTOCOL_VERSION, "duplicate field");
        }
        return RecordCodec.decode(ProtocolVersion.class, versions.get(0), ProtocolVersion.V1_0);
    }

    private static void expectStructure(Ttlv item, int tag, String where) throws KmipProtocolException {
        if (item.tag() != tag || !item.isStructure()) {
            String expected = "must be a " + TagNames.label(tag) + " Structure, found " + TagNames.label(item.tag())
                    + " " + item.type().displayName();
            throw KmipProtocolException.invalidMessage(where == null ? "the top-level item" : where, item.tag(), expected);
        }
    }

    private static ProtocolVersion checkedForEncoding(ProtocolVersion v) {
        if (!v.isSupportedMajor()) {
            throw new IllegalArgumentException("cannot encode KMIP " + v + " (only 1.x and 2.x)");
        }
        return v;
    }
}
