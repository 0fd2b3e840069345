package dev.kmipjca.client;

import dev.kmipjca.config.ServerAddress;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.Query;
import dev.kmipjca.protocol.QueryFunction;
import dev.kmipjca.transport.BadResponseException;
import java.io.IOException;

/** What a server supports: its Query answer and probe results, each asked once per server and cached. */
final class Discovery {
    private final Caller caller;

    Discovery(Caller caller) {
        this.caller = caller;
    }

    /** {@code server}, or the server that answers now when null. */
    Capabilities capabilities(ServerAddress server) throws KmipResultException, IOException, BadResponseException {
        if (server != null && caller.state(server).capabilities != null) {
            return caller.state(server).capabilities;
        }
        Object r = caller.run(true, server, s -> s.state().capabilities != null ? s.state().capabilities
                : s.send(Query.Request.of(QueryFunction.QUERY_OPERATIONS, QueryFunction.QUERY_OBJECTS,
                        QueryFunction.QUERY_SERVER_INFORMATION)));
        if (r instanceof Capabilities c) {
            return c;
        }
        Reply reply = (Reply) r;
        Capabilities c = Capabilities.of(reply.server(), reply.version(), reply.payload(Query.Response.class));
        caller.state(reply.server()).capabilities = c;
        return c;
    }

    boolean probe(Operation operation) throws KmipResultException, IOException, BadResponseException {
        Requests.probe(operation, ProtocolVersion.V2_0); // refuses operations that have no probe, before any I/O
        Object r = caller.run(Idempotency.isIdempotent(operation), null, s -> {
            Boolean known = s.state().probes.get(operation);
            if (known != null) {
                return known;
            }
            if (operation.equals(Operation.SET_ATTRIBUTE) && !s.version().isKmip2()) {
                s.state().probes.put(operation, false);
                return false;
            }
            return s.send(Requests.probe(operation, s.version()));
        });
        if (r instanceof Boolean b) {
            return b;
        }
        Reply reply = (Reply) r;
        boolean served = true;
        if (!reply.item(0).isSuccess()) {
            KmipResultException e = reply.failure(0);
            served = !(e instanceof KmipResultException.OperationNotSupported
                    || e instanceof KmipResultException.InvalidMessage);
        }
        caller.state(reply.server()).probes.put(operation, served);
        return served;
    }
}
