package dev.kmipjca.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kmipjca.ttlv.TtlvDecoder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every modelled payload, request and response, at every version where its operation exists:
 * encode to bytes, decode the bytes, get an equal model back, and re-encode to the same bytes.
 */
class PayloadRoundTripTest {

    static Stream<Arguments> requests() {
        List<Arguments> out = new ArrayList<>();
        for (ProtocolVersion v : ProtocolVersion.SUPPORTED) {
            for (RequestPayload p : PayloadSamples.requests(v)) {
                out.add(Arguments.of(v, Named.of(label(p), p)));
            }
        }
        return out.stream();
    }

    static Stream<Arguments> responses() {
        List<Arguments> out = new ArrayList<>();
        for (ProtocolVersion v : ProtocolVersion.SUPPORTED) {
            for (ResponsePayload p : PayloadSamples.responses(v)) {
                out.add(Arguments.of(v, Named.of(label(p), p)));
            }
        }
        return out.stream();
    }

    static Stream<ProtocolVersion> versions() {
        return ProtocolVersion.SUPPORTED.stream();
    }

    @ParameterizedTest(name = "{1} at KMIP {0}")
    @MethodSource("requests")
    void requestPayload_inAMessage_decodesToAnEqualModelAndTheSameBytes(ProtocolVersion v, RequestPayload p)
            throws Exception {
        RequestMessage m = RequestMessage.single(v, p);
        byte[] wire = Messages.encodeRequest(m).encode();
        RequestMessage back = Messages.decodeRequest(TtlvDecoder.defaults().decode(wire));
        assertEquals(m, back);
        assertArrayEquals(wire, Messages.encodeRequest(back).encode());
        assertEquals(p, Messages.decodeRequestPayload(Messages.operationOf(p), Messages.encodeRequestPayload(p, v), v));
    }

    @ParameterizedTest(name = "{1} at KMIP {0}")
    @MethodSource("responses")
    void responsePayload_inAMessage_decodesToAnEqualModelAndTheSameBytes(ProtocolVersion v, ResponsePayload p)
            throws Exception {
        ResponseMessage m = ResponseMessage.of(v, Instant.parse("2024-01-02T03:04:05Z"),
                List.of(ResponseBatchItem.success(null, Bytes.ofHex("01"), p)));
        byte[] wire = Messages.encodeResponse(m).encode();
        ResponseMessage back = Messages.decodeResponse(TtlvDecoder.defaults().decode(wire));
        assertEquals(m, back);
        assertArrayEquals(wire, Messages.encodeResponse(back).encode());
    }

    @ParameterizedTest(name = "KMIP {0}")
    @MethodSource("versions")
    void everyRequestPayload_inOneBatch_roundTripsWithAssignedBatchItemIds(ProtocolVersion v) throws Exception {
        RequestMessage m = RequestMessage.batch(v, PayloadSamples.requests(v));
        RequestMessage back = Messages.decodeRequest(TtlvDecoder.defaults().decode(Messages.encodeRequest(m).encode()));
        assertEquals(m, back);
        assertEquals(Bytes.ofHex("00000002"), back.batchItems().get(1).uniqueBatchItemId());
        assertEquals(Boolean.TRUE, back.header().batchOrderOption());
    }

    private static String label(Object payload) {
        Class<?> c = payload.getClass();
        return c.getEnclosingClass().getSimpleName() + "." + c.getSimpleName();
    }
}
