package dev.kmipjca.server;

import dev.kmipjca.protocol.DiscoverVersions;
import dev.kmipjca.protocol.ObjectType;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.Query;
import dev.kmipjca.protocol.QueryFunction;
import dev.kmipjca.ttlv.Tag;
import dev.kmipjca.ttlv.Ttlv;
import java.util.ArrayList;
import java.util.List;

/**
 * Discover Versions (2.1, 2.0, 1.4, 1.3, 1.2, 1.1, 1.0, restricted to the client's list when it
 * sends one) and Query (operations and object types this server really handles, and Server
 * Information; other query functions have empty answers).
 */
final class DiscoveryOps {
    private DiscoveryOps() {}

    static final List<ProtocolVersion> VERSIONS = ProtocolVersion.SUPPORTED;
    static final List<ObjectType> OBJECT_TYPES = List.of(ObjectType.SYMMETRIC_KEY, ObjectType.SECRET_DATA,
            ObjectType.PRIVATE_KEY, ObjectType.CERTIFICATE);

    static DiscoverVersions.Response discover(Batch b, DiscoverVersions.Request r) {
        List<ProtocolVersion> out = new ArrayList<>();
        for (ProtocolVersion v : VERSIONS) {
            if (r.protocolVersions().isEmpty() || r.protocolVersions().contains(v)) {
                out.add(v);
            }
        }
        return new DiscoverVersions.Response(out);
    }

    static Query.Response query(Batch b, Query.Request r) {
        List<QueryFunction> f = r.queryFunctions();
        List<Operation> ops = f.contains(QueryFunction.QUERY_OPERATIONS) ? Operations.supported(b.version) : List.of();
        List<ObjectType> types = f.contains(QueryFunction.QUERY_OBJECTS) ? OBJECT_TYPES : List.of();
        String vendor = null;
        Ttlv info = null;
        if (f.contains(QueryFunction.QUERY_SERVER_INFORMATION)) {
            vendor = b.info.vendor();
            info = Ttlv.structure(Tag.SERVER_INFORMATION, Ttlv.text(Tag.SERVER_NAME, b.info.vendor()),
                    Ttlv.text(Tag.SERVER_VERSION, b.info.version()), Ttlv.text(Tag.PRODUCT_NAME, "kmip-jca"));
        }
        return new Query.Response(ops, types, vendor, info, null, null, null, null);
    }
}
