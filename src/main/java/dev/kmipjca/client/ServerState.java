package dev.kmipjca.client;

import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ProtocolVersion;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the client learnt about one server: the negotiated protocol version, its answer to Query and
 * the results of probes. Filled in on first contact and kept for the life of the client. Two threads
 * may learn the same thing at once; they learn the same answer, so the last write wins harmlessly.
 */
final class ServerState {
    volatile ProtocolVersion version;
    volatile Capabilities capabilities;
    final Map<Operation, Boolean> probes = new ConcurrentHashMap<>();
}
