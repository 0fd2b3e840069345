package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.PROTOCOL_VERSION;

import dev.kmipjca.ttlv.Ttlv;
import java.util.List;

/** Discover Versions (KMIP 1.1 and later): the client's versions, most preferred first, and the server's. */
public final class DiscoverVersions {
    private DiscoverVersions() {}

    /** An empty list asks for every version the server supports. */
    public record Request(@TtlvField(PROTOCOL_VERSION) List<ProtocolVersion> protocolVersions) implements RequestPayload {
        public Request {
            protocolVersions = Lists.copy(protocolVersions);
        }

        public static Request of(ProtocolVersion... versions) {
            return new Request(List.of(versions));
        }
    }

    /** An empty list means no version in common. */
    public record Response(@TtlvField(PROTOCOL_VERSION) List<ProtocolVersion> protocolVersions,
            @TtlvField.Extensions List<Ttlv> extensions) implements ResponsePayload {
        public Response {
            extensions = Lists.copy(extensions);
            protocolVersions = Lists.copy(protocolVersions);
        }

        /** Without extensions. */
        public Response(List<ProtocolVersion> protocolVersions) {
            this(protocolVersions, List.of());
        }
    }
}
