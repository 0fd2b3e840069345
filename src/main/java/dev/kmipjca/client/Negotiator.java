package dev.kmipjca.client;

import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.protocol.DiscoverVersions;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.RequestMessage;
import dev.kmipjca.protocol.ResponseBatchItem;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.ResultStatus;
import dev.kmipjca.transport.BadResponseException;
import dev.kmipjca.transport.Connection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Negotiates the protocol version with a server on first contact. The candidates are the versions
 * this client speaks (2.1, 2.0, 1.4, 1.3, 1.2, 1.1, 1.0) within {@code kmip.protocolVersionMin/Max}.
 * <ul>
 *   <li>One candidate (the range is pinned): it is used as it is, without a round trip.</li>
 *   <li>Otherwise Discover Versions is sent with the candidates, under a header of the highest
 *       candidate, and the highest version in both lists wins.</li>
 *   <li>Invalid Message or Unsupported Protocol Version means the server does not know the header's
 *       version (PyKMIP answers 2.1 so, under a 1.0 header): the next lower header is tried, and
 *       versions at or above a refused header are no longer chosen.</li>
 *   <li>Operation Not Supported means a KMIP 1.0 server (Discover Versions is 1.1): 1.0 is used.</li>
 * </ul>
 * Any other failure (a refused client certificate, say) ends the negotiation with that failure.
 */
final class Negotiator {
    private final List<ProtocolVersion> candidates;

    Negotiator(List<ProtocolVersion> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no protocol version to offer");
        }
        this.candidates = List.copyOf(candidates);
    }

    /** The versions between min and max that this client speaks, newest first. */
    static List<ProtocolVersion> candidates(KmipSettings.Version min, KmipSettings.Version max) {
        ProtocolVersion lo = new ProtocolVersion(min.major(), min.minor());
        ProtocolVersion hi = new ProtocolVersion(max.major(), max.minor());
        List<ProtocolVersion> out = new ArrayList<>();
        for (ProtocolVersion v : ProtocolVersion.SUPPORTED) {
            if (!v.isBefore(lo) && !hi.isBefore(v)) {
                out.add(v);
            }
        }
        return out;
    }

    ProtocolVersion negotiate(Connection c, Caller caller) throws IOException, BadResponseException {
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        ProtocolVersion refused = null;
        for (ProtocolVersion header : candidates) {
            if (header.equals(ProtocolVersion.V1_0)) {
                break;
            }
            Reply reply = caller.send(c, RequestMessage.single(header, new DiscoverVersions.Request(candidates)));
            ResponseBatchItem item = reply.item(0);
            if (item.isSuccess()) {
                return choose(c, item.payload() instanceof DiscoverVersions.Response r ? r.protocolVersions() : List.of(),
                        refused);
            }
            int reason = item.resultReason() == null ? -1 : item.resultReason().value();
            if (reason == ResultReason.INVALID_MESSAGE.value() || reason == ResultReason.UNSUPPORTED_PROTOCOL_VERSION.value()) {
                refused = header;
            } else if (reason == ResultReason.OPERATION_NOT_SUPPORTED.value()) {
                return lowest(c, "it does not support Discover Versions, so it speaks KMIP 1.0");
            } else {
                throw new Caller.NegotiationFailed(reply.failure(0));
            }
        }
        return lowest(c, "it refused every version from " + candidates.get(0) + " down with Invalid Message");
    }

    private ProtocolVersion choose(Connection c, List<ProtocolVersion> theirs, ProtocolVersion refused) {
        for (ProtocolVersion v : candidates) {
            if (theirs.contains(v) && (refused == null || v.isBefore(refused))) {
                return v;
            }
        }
        throw failure(c, "no KMIP version in common: the server supports " + (theirs.isEmpty() ? "none of" : theirs)
                + (theirs.isEmpty() ? " " : ", we offer ") + candidates + " (kmip.protocolVersionMin/Max)");
    }

    private ProtocolVersion lowest(Connection c, String why) {
        if (candidates.contains(ProtocolVersion.V1_0)) {
            return ProtocolVersion.V1_0;
        }
        throw failure(c, "the server cannot speak " + candidates + ": " + why
                + ", and kmip.protocolVersionMin excludes 1.0");
    }

    private static Caller.NegotiationFailed failure(Connection c, String message) {
        KmipResultException e = KmipResultException.of(Operation.DISCOVER_VERSIONS, ResultStatus.OPERATION_FAILED,
                ResultReason.UNSUPPORTED_PROTOCOL_VERSION, message);
        e.setServer(c.server().toString());
        return new Caller.NegotiationFailed(e);
    }
}
