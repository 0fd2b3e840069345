package dev.kmipjca.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.kmipjca.ttlv.Ttlv;
import java.util.HexFormat;

/** Decodes a fixture message into the typed model and checks that it re-encodes to the same bytes. */
final class VectorSupport {
    private VectorSupport() {}

    static RequestMessage request(String fixture) throws KmipProtocolException {
        RequestMessage m = Messages.decodeRequest(Fixtures.ttlv(fixture));
        assertArrayEquals(Fixtures.bytes(fixture), Messages.encodeRequest(m).encode(),
                fixture + ": the typed model re-encodes to the original bytes");
        return m;
    }

    static ResponseMessage response(String fixture) throws KmipProtocolException {
        ResponseMessage m = Messages.decodeResponse(Fixtures.ttlv(fixture));
        assertArrayEquals(Fixtures.bytes(fixture), Messages.encodeResponse(m).encode(),
                fixture + ": the typed model re-encodes to the original bytes");
        return m;
    }

    static <P> P onlyPayload(RequestMessage m, Class<P> type) {
        return type.cast(m.batchItems().get(0).payload());
    }

    static <P extends ResponsePayload> P onlyPayload(ResponseMessage m, Class<P> type) throws KmipException {
        return m.batchItems().get(0).payload(type);
    }

    static Bytes hex(String hex) {
        return Bytes.ofHex(hex);
    }

    static String hex(Bytes b) {
        return HexFormat.of().withUpperCase().formatHex(b.toByteArray());
    }

    static byte[] encode(Ttlv t) {
        return t.encode();
    }
}
