package dev.kmipjca.client;

import dev.kmipjca.config.ServerAddress;
import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.KmipProtocolException;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.Messages;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.RawPayload;
import dev.kmipjca.protocol.RequestBatchItem;
import dev.kmipjca.protocol.RequestMessage;
import dev.kmipjca.protocol.ResponseMessage;
import dev.kmipjca.transport.BadResponseException;
import dev.kmipjca.transport.Connection;
import dev.kmipjca.transport.Exchange;
import dev.kmipjca.transport.KmipTransport;
import dev.kmipjca.ttlv.Ttlv;
import dev.kmipjca.ttlv.TtlvDecoder;
import dev.kmipjca.ttlv.TtlvException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mechanics under {@link KmipClient}: runs a {@link Step} on a connection from the transport,
 * after negotiating the protocol version when the connection's server is new; encodes, sends,
 * decodes and checks each message; counts and observes every round trip. Thread-safe.
 */
final class Caller {
    /** The work done with one connection; usually one {@link Session#send}. */
    interface Step<T> {
        T run(Session session) throws IOException, BadResponseException;
    }

    /** Carries a negotiation failure out of the transport's exchange (which discards the connection). */
    static final class NegotiationFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient KmipResultException failure;

        NegotiationFailed(KmipResultException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }

    private final KmipTransport transport;
    private final Negotiator negotiator;
    private final TtlvDecoder decoder;
    private final Map<ServerAddress, ServerState> states = new ConcurrentHashMap<>();
    private final AtomicLong roundTrips = new AtomicLong();
    private final AtomicLong nextId = new AtomicLong(new SecureRandom().nextLong() >>> 16);

    Caller(KmipTransport transport, List<ProtocolVersion> candidates, int maxResponseBytes) {
        this.transport = transport;
        this.negotiator = new Negotiator(candidates);
        this.decoder = new TtlvDecoder(maxResponseBytes, TtlvDecoder.DEFAULT_MAX_DEPTH, false);
    }

    KmipTransport transport() {
        return transport;
    }

    long roundTrips() {
        return roundTrips.get();
    }

    ServerState state(ServerAddress server) {
        return states.computeIfAbsent(server, k -> new ServerState());
    }

    /**
     * Runs {@code step} on a server: {@code only}, or the first one the transport can reach. A request
     * that is not safe to repeat, sent before any server was negotiated (or to {@code only} before it
     * was), is preceded by a repeatable exchange that negotiates, so that a connection failure during
     * negotiation is not reported as an unknown outcome. (After a failover to a server not yet
     * negotiated, negotiation happens on the same connection as the request.)
     */
    <T> T run(boolean idempotent, ServerAddress only, Step<T> step)
            throws IOException, BadResponseException, KmipResultException {
        if (!idempotent && !negotiated(only)) {
            run(true, only, s -> null);
        }
        Exchange<T> exchange = c -> step.run(session(c));
        try {
            return only == null ? transport.execute(idempotent, exchange) : transport.executeOn(only, idempotent, exchange);
        } catch (NegotiationFailed f) {
            throw f.failure;
        }
    }

    private boolean negotiated(ServerAddress only) {
        if (only != null) {
            return state(only).version != null;
        }
        for (ServerState s : states.values()) {
            if (s.version != null) {
                return true;
            }
        }
        return false;
    }

    private Session session(Connection c) throws IOException, BadResponseException {
        ServerState st = state(c.server());
        ProtocolVersion v = st.version;
        if (v == null) {
            v = negotiator.negotiate(c, this);
            st.version = v;
            Trace.LOG.log(Level.DEBUG, "KMIP {0} negotiated with {1}", v, c.server());
        }
        return new Session(this, c, st, v);
    }

    /** Gives every item a fresh Unique Batch Item ID, sends the message and checks the response. */
    Reply send(Connection c, RequestMessage message) throws IOException, BadResponseException {
        RequestMessage request = stamp(message);
        Trace trace = new Trace(request, c.server());
        Ttlv tree = Messages.encodeRequest(request);
        byte[] bytes = tree.encode();
        if (request.batchItems().stream().noneMatch(i -> i.payload() instanceof RawPayload)) {
            tree.wipe(); // its Byte Strings are copies, except those of raw payloads, which are the caller's
        }
        byte[] response = null;
        roundTrips.incrementAndGet();
        try {
            response = c.roundTrip(bytes);
            Ttlv decoded = decode(c.server(), response, request.version());
            ResponseMessage m = decodeMessage(c.server(), decoded);
            ResponseCheck.check(c.server(), request, m);
            trace.succeeded(bytes.length, response.length, m);
            return new Reply(c.server(), request, m, decoded);
        } catch (IOException e) {
            trace.failed(bytes.length, response, "I/O failure", e);
            throw e;
        } catch (BadResponseException e) {
            trace.failed(bytes.length, response,
                    e instanceof ResponseMismatchException ? "mismatched response" : "bad response", e);
            throw e;
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (response != null) {
                Arrays.fill(response, (byte) 0);
            }
        }
    }

    private RequestMessage stamp(RequestMessage m) {
        List<RequestBatchItem> items = new ArrayList<>(m.batchItems().size());
        for (RequestBatchItem item : m.batchItems()) {
            items.add(item.withId(Bytes.of(ByteBuffer.allocate(8).putLong(nextId.getAndIncrement()).array())));
        }
        return new RequestMessage(m.header(), items);
    }

    private Ttlv decode(ServerAddress server, byte[] response, ProtocolVersion version) throws BadResponseException {
        try {
            return decoder.withDateTimeExtended(version.isKmip2()).decode(response);
        } catch (TtlvException e) {
            throw new BadResponseException("malformed response from " + server + ": " + e.getMessage()
                    + " (connection discarded)", e);
        }
    }

    private static ResponseMessage decodeMessage(ServerAddress server, Ttlv tree) throws BadResponseException {
        try {
            return Messages.decodeResponse(tree);
        } catch (KmipProtocolException e) {
            throw new BadResponseException("malformed response from " + server + ": " + e.getMessage()
                    + " (connection discarded)", e);
        }
    }
}
