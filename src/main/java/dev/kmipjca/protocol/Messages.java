package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.REQUEST_PAYLOAD;
import static dev.kmipjca.ttlv.Tag.RESPONSE_PAYLOAD;

import dev.kmipjca.ttlv.Ttlv;
import java.time.Instant;
import java.util.List;

/**
 * The entry point of the protocol layer: request and response messages to and from TTLV items, for
 * KMIP 1.0 to 2.1. Encoding takes the version from the message header; decoding reads the header's
 * Protocol Version first and decodes the batch items with it.
 *
 * <p>Encoding throws {@link IllegalArgumentException} for a model the version cannot express (a 2.x
 * field in a 1.x message, a missing required field). Decoding throws {@link KmipProtocolException}
 * naming the field and the problem.
 */
public final class Messages {
    private Messages() {}

    public static Ttlv encodeRequest(RequestMessage message) {
        return MessageCodec.encodeRequest(message);
    }

    public static RequestMessage decodeRequest(Ttlv message) throws KmipProtocolException {
        return MessageCodec.decodeRequest(message);
    }

    public static Ttlv encodeResponse(ResponseMessage message) {
        return MessageCodec.encodeResponse(message);
    }

    public static ResponseMessage decodeResponse(Ttlv message) throws KmipProtocolException {
        return MessageCodec.decodeResponse(message);
    }

    /**
     * The Protocol Version of a request or response message, read from its header alone. A server
     * uses it to answer a request of an unsupported major version with {@link #errorResponse}.
     */
    public static ProtocolVersion peekVersion(Ttlv message) throws KmipProtocolException {
        return MessageCodec.peekVersion(message);
    }

    /**
     * The response to a request that cannot be processed at all (unparseable, unsupported major
     * version): one batch item without Operation, status Operation Failed, the given reason (Invalid
     * Message in those cases) and message; the header carries {@code version} and the current time.
     */
    public static ResponseMessage errorResponse(ProtocolVersion version, ResultReason reason, String message) {
        return ResponseMessage.of(version, Instant.now(), List.of(ResponseBatchItem.failure(null, null, reason, message)));
    }

    /** The operation whose payload this is ({@code Create.Request} gives Create). */
    public static Operation operationOf(Object payload) {
        return Payloads.operationOf(payload);
    }

    /** A Request Payload Structure, encoded for {@code version}. */
    public static Ttlv encodeRequestPayload(RequestPayload payload, ProtocolVersion version) {
        return Payloads.encode(payload, REQUEST_PAYLOAD, version);
    }

    /** A Response Payload Structure, encoded for {@code version}. */
    public static Ttlv encodeResponsePayload(ResponsePayload payload, ProtocolVersion version) {
        return Payloads.encode(payload, RESPONSE_PAYLOAD, version);
    }

    /** The payload of {@code operation}; a {@link RawPayload} for operations this package does not model. */
    public static RequestPayload decodeRequestPayload(Operation operation, Ttlv payload, ProtocolVersion version)
            throws KmipProtocolException {
        return Payloads.decodeRequest(operation, payload, version);
    }

    public static ResponsePayload decodeResponsePayload(Operation operation, Ttlv payload, ProtocolVersion version)
            throws KmipProtocolException {
        return Payloads.decodeResponse(operation, payload, version);
    }

    /** A managed object as its TTLV Structure (Symmetric Key, Secret Data …), e.g. for storage. */
    public static Ttlv encodeObject(ManagedObject object, ProtocolVersion version) {
        return ObjectCodec.INSTANCE.encode(0, object, version);
    }

    public static ManagedObject decodeObject(Ttlv object, ProtocolVersion version) throws KmipProtocolException {
        if (!ObjectCodec.isObjectTag(object.tag()) || !object.isStructure()) {
            throw KmipProtocolException.invalidMessage(null, object.tag(), "not a managed object Structure");
        }
        return (ManagedObject) ObjectCodec.INSTANCE.decode(object, version);
    }

    /**
     * Attributes as a KMIP 2.x Attributes Structure, for storage. Custom 1.x attributes ("x-…") have
     * no 2.x form and are refused.
     */
    public static Ttlv encodeAttributes(Attributes attributes) {
        return AttributeCodec.ATTRIBUTES.encode(dev.kmipjca.ttlv.Tag.ATTRIBUTES, attributes, ProtocolVersion.V2_1);
    }

    public static Attributes decodeAttributes(Ttlv attributes) throws KmipProtocolException {
        if (attributes.tag() != dev.kmipjca.ttlv.Tag.ATTRIBUTES || !attributes.isStructure()) {
            throw KmipProtocolException.invalidMessage(null, attributes.tag(), "not an Attributes Structure");
        }
        return (Attributes) AttributeCodec.ATTRIBUTES.decode(attributes, ProtocolVersion.V2_1);
    }
}
