package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Ttlv;
import java.util.HashMap;
import java.util.Map;

/** Which payload records belong to which operation, and their encoding. */
final class Payloads {
    private Payloads() {}

    private static final Map<Operation, Class<? extends Record>> REQUESTS = new HashMap<>();
    private static final Map<Operation, Class<? extends Record>> RESPONSES = new HashMap<>();
    private static final Map<Class<?>, Operation> OPERATIONS = new HashMap<>();

    static {
        add(Operation.DISCOVER_VERSIONS, DiscoverVersions.Request.class, DiscoverVersions.Response.class);
        add(Operation.QUERY, Query.Request.class, Query.Response.class);
        add(Operation.CREATE, Create.Request.class, Create.Response.class);
        add(Operation.REGISTER, Register.Request.class, Register.Response.class);
        add(Operation.GET, Get.Request.class, Get.Response.class);
        add(Operation.GET_ATTRIBUTES, GetAttributes.Request.class, GetAttributes.Response.class);
        add(Operation.GET_ATTRIBUTE_LIST, GetAttributeList.Request.class, GetAttributeList.Response.class);
        add(Operation.ADD_ATTRIBUTE, AddAttribute.Request.class, AddAttribute.Response.class);
        add(Operation.MODIFY_ATTRIBUTE, ModifyAttribute.Request.class, ModifyAttribute.Response.class);
        add(Operation.DELETE_ATTRIBUTE, DeleteAttribute.Request.class, DeleteAttribute.Response.class);
        add(Operation.SET_ATTRIBUTE, SetAttribute.Request.class, SetAttribute.Response.class);
        add(Operation.LOCATE, Locate.Request.class, Locate.Response.class);
        add(Operation.ACTIVATE, Activate.Request.class, Activate.Response.class);
        add(Operation.REVOKE, Revoke.Request.class, Revoke.Response.class);
        add(Operation.DESTROY, Destroy.Request.class, Destroy.Response.class);
        add(Operation.REKEY, ReKey.Request.class, ReKey.Response.class);
        add(Operation.ENCRYPT, Encrypt.Request.class, Encrypt.Response.class);
        add(Operation.DECRYPT, Decrypt.Request.class, Decrypt.Response.class);
    }

    private static void add(Operation op, Class<? extends Record> request, Class<? extends Record> response) {
        REQUESTS.put(op, request);
        RESPONSES.put(op, response);
        OPERATIONS.put(request, op);
        OPERATIONS.put(response, op);
    }

    /** The operation a typed payload belongs to; throws for a {@link RawPayload}. */
    static Operation operationOf(Object payload) {
        Operation op = OPERATIONS.get(payload.getClass());
        if (op == null) {
            throw new IllegalArgumentException("the operation of a " + payload.getClass().getSimpleName()
                    + " cannot be inferred; name it explicitly");
        }
        return op;
    }

    /** True when this package models the payloads of {@code op}. */
    static boolean isModelled(Operation op) {
        return REQUESTS.containsKey(op);
    }

    static Ttlv encode(Object payload, int tag, ProtocolVersion v) {
        if (payload instanceof RawPayload) {
            return RawValues.retag(((RawPayload) payload).item(), tag);
        }
        return RecordCodec.encode((Record) payload, tag, v);
    }

    static RequestPayload decodeRequest(Operation op, Ttlv item, ProtocolVersion v) throws KmipProtocolException {
        Class<? extends Record> type = op == null ? null : REQUESTS.get(op);
        return type == null ? new RawPayload(item) : (RequestPayload) RecordCodec.decode(type, item, v);
    }

    static ResponsePayload decodeResponse(Operation op, Ttlv item, ProtocolVersion v) throws KmipProtocolException {
        Class<? extends Record> type = op == null ? null : RESPONSES.get(op);
        return type == null ? new RawPayload(item) : (ResponsePayload) RecordCodec.decode(type, item, v);
    }
}
