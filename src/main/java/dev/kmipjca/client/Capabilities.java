package dev.kmipjca.client;

import dev.kmipjca.config.ServerAddress;
import dev.kmipjca.protocol.ObjectType;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.Query;
import dev.kmipjca.ttlv.ItemType;
import dev.kmipjca.ttlv.Ttlv;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What one server said about itself, asked once per server with Query (Operations, Objects, Server
 * Information) at the negotiated version, and cached by the client.
 *
 * <p>Servers may under-report: PyKMIP 0.10 omits Modify, Set and Delete Attribute, which it serves.
 * {@link KmipClient#probe} finds out by calling.
 *
 * @param server               the server that answered
 * @param protocolVersion      the version negotiated with it
 * @param operations           the operations it lists
 * @param objectTypes          the object types it lists (PyKMIP lists none)
 * @param vendorIdentification its Vendor Identification, or null
 * @param serverInformation    the Text Strings of its Server Information, joined by "; ", or null
 */
public record Capabilities(ServerAddress server, ProtocolVersion protocolVersion, Set<Operation> operations,
                           List<ObjectType> objectTypes, String vendorIdentification, String serverInformation) {

    public Capabilities {
        operations = Set.copyOf(operations);
        objectTypes = List.copyOf(objectTypes);
    }

    /** Whether the server listed {@code operation} in its answer to Query Operations. */
    public boolean supports(Operation operation) {
        return operations.contains(operation);
    }

    static Capabilities of(ServerAddress server, ProtocolVersion version, Query.Response r) {
        return new Capabilities(server, version, Set.copyOf(r.operations()), r.objectTypes(),
                r.vendorIdentification(), texts(r.serverInformation()));
    }

    private static String texts(Ttlv info) {
        if (info == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        collect(info, out);
        return out.isEmpty() ? null : String.join("; ", out);
    }

    private static void collect(Ttlv item, List<String> out) {
        if (item.type() == ItemType.TEXT_STRING) {
            out.add(item.asText());
        } else if (item.isStructure()) {
            item.children().forEach(c -> collect(c, out));
        }
    }
}
