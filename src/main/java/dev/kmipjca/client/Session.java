package dev.kmipjca.client;

import dev.kmipjca.config.ServerAddress;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.RequestMessage;
import dev.kmipjca.protocol.RequestPayload;
import dev.kmipjca.transport.BadResponseException;
import dev.kmipjca.transport.Connection;
import java.io.IOException;

/**
 * One connection lent by the transport, with the protocol version negotiated with its server: what a
 * {@link Caller.Step} works with. Valid only while the step runs.
 */
final class Session {
    private final Caller caller;
    private final Connection connection;
    private final ServerState state;
    private final ProtocolVersion version;

    Session(Caller caller, Connection connection, ServerState state, ProtocolVersion version) {
        this.caller = caller;
        this.connection = connection;
        this.state = state;
        this.version = version;
    }

    ServerAddress server() {
        return connection.server();
    }

    ProtocolVersion version() {
        return version;
    }

    ServerState state() {
        return state;
    }

    /** Sends a request of one item in the negotiated version. */
    Reply send(RequestPayload payload) throws IOException, BadResponseException {
        return send(RequestMessage.single(version, payload));
    }

    /** Sends a message (its items get fresh Unique Batch Item IDs) and checks the response against it. */
    Reply send(RequestMessage message) throws IOException, BadResponseException {
        return caller.send(connection, message);
    }
}
