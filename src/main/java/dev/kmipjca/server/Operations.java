package dev.kmipjca.server;

import dev.kmipjca.protocol.Activate;
import dev.kmipjca.protocol.AddAttribute;
import dev.kmipjca.protocol.Create;
import dev.kmipjca.protocol.Decrypt;
import dev.kmipjca.protocol.DeleteAttribute;
import dev.kmipjca.protocol.Destroy;
import dev.kmipjca.protocol.DiscoverVersions;
import dev.kmipjca.protocol.Encrypt;
import dev.kmipjca.protocol.Get;
import dev.kmipjca.protocol.GetAttributeList;
import dev.kmipjca.protocol.GetAttributes;
import dev.kmipjca.protocol.Locate;
import dev.kmipjca.protocol.ModifyAttribute;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.Query;
import dev.kmipjca.protocol.ReKey;
import dev.kmipjca.protocol.Register;
import dev.kmipjca.protocol.RequestPayload;
import dev.kmipjca.protocol.ResponsePayload;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.Revoke;
import dev.kmipjca.protocol.SetAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The operations the server performs, with the first KMIP version that has each. Query Operations
 * answers from this table, so it never claims more than the server does.
 */
final class Operations {
    private Operations() {}

    private record Entry(ProtocolVersion since, BiFunction<Batch, RequestPayload, ResponsePayload> handler) {}

    private static final Map<Operation, Entry> TABLE = new LinkedHashMap<>();

    static {
        ProtocolVersion v10 = ProtocolVersion.V1_0;
        add(Operation.CREATE, v10, Create.Request.class, CreateOps::create);
        add(Operation.REGISTER, v10, Register.Request.class, CreateOps::register);
        add(Operation.REKEY, v10, ReKey.Request.class, ReKeyOp::rekey);
        add(Operation.LOCATE, v10, Locate.Request.class, LocateOp::locate);
        add(Operation.GET, v10, Get.Request.class, GetOp::get);
        add(Operation.GET_ATTRIBUTES, v10, GetAttributes.Request.class, AttributeOps::getAttributes);
        add(Operation.GET_ATTRIBUTE_LIST, v10, GetAttributeList.Request.class, AttributeOps::getAttributeList);
        add(Operation.ADD_ATTRIBUTE, v10, AddAttribute.Request.class, AttributeOps::add);
        add(Operation.MODIFY_ATTRIBUTE, v10, ModifyAttribute.Request.class, AttributeOps::modify);
        add(Operation.DELETE_ATTRIBUTE, v10, DeleteAttribute.Request.class, AttributeOps::delete);
        add(Operation.ACTIVATE, v10, Activate.Request.class, LifecycleOps::activate);
        add(Operation.REVOKE, v10, Revoke.Request.class, LifecycleOps::revoke);
        add(Operation.DESTROY, v10, Destroy.Request.class, LifecycleOps::destroy);
        add(Operation.QUERY, v10, Query.Request.class, DiscoveryOps::query);
        add(Operation.DISCOVER_VERSIONS, ProtocolVersion.V1_1, DiscoverVersions.Request.class, DiscoveryOps::discover);
        add(Operation.ENCRYPT, ProtocolVersion.V1_2, Encrypt.Request.class, CryptoOps::encrypt);
        add(Operation.DECRYPT, ProtocolVersion.V1_2, Decrypt.Request.class, CryptoOps::decrypt);
        add(Operation.SET_ATTRIBUTE, ProtocolVersion.V2_0, SetAttribute.Request.class, AttributeOps::set);
    }

    private static <P extends RequestPayload> void add(Operation op, ProtocolVersion since, Class<P> type,
            BiFunction<Batch, P, ? extends ResponsePayload> handler) {
        TABLE.put(op, new Entry(since, (b, p) -> handler.apply(b, type.cast(p))));
    }

    /** The operations of {@code v}, in table order. */
    static List<Operation> supported(ProtocolVersion v) {
        List<Operation> out = new ArrayList<>();
        TABLE.forEach((op, e) -> {
            if (v.isAtLeast(e.since())) {
                out.add(op);
            }
        });
        return out;
    }

    static ResponsePayload execute(Batch b, Operation op, RequestPayload payload) {
        Entry e = TABLE.get(op);
        if (e == null || b.version.isBefore(e.since())) {
            throw new KmipFailure(ResultReason.OPERATION_NOT_SUPPORTED, "operation " + op + " is not supported"
                    + (e == null ? " by the development server" : " in KMIP " + b.version + " (since " + e.since() + ")"));
        }
        return e.handler().apply(b, payload);
    }
}
