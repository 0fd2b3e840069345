package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.BATCH_COUNT;
import static dev.kmipjca.ttlv.Tag.BATCH_ITEM;
import static dev.kmipjca.ttlv.Tag.OPERATION;
import static dev.kmipjca.ttlv.Tag.PROTOCOL_VERSION;
import static dev.kmipjca.ttlv.Tag.PROTOCOL_VERSION_MAJOR;
import static dev.kmipjca.ttlv.Tag.PROTOCOL_VERSION_MINOR;
import static dev.kmipjca.ttlv.Tag.RESPONSE_HEADER;
import static dev.kmipjca.ttlv.Tag.RESPONSE_MESSAGE;
import static dev.kmipjca.ttlv.Tag.RESPONSE_PAYLOAD;
import static dev.kmipjca.ttlv.Tag.RESULT_MESSAGE;
import static dev.kmipjca.ttlv.Tag.RESULT_REASON;
import static dev.kmipjca.ttlv.Tag.RESULT_STATUS;
import static dev.kmipjca.ttlv.Tag.TIME_STAMP;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.ttlv.Tag;
import dev.kmipjca.ttlv.Ttlv;
import dev.kmipjca.ttlv.TtlvDecoder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unknown enumeration values and 0x54 vendor tags in responses decode, are kept, and re-encode unchanged. */
class UnknownValuesTest {
    private static final Ttlv VENDOR = Ttlv.text(0x540001, "acme");

    private static Ttlv version(int major, int minor) {
        return Ttlv.structure(PROTOCOL_VERSION, Ttlv.integer(PROTOCOL_VERSION_MAJOR, major), Ttlv.integer(PROTOCOL_VERSION_MINOR, minor));
    }

    private static Ttlv header(int major, int minor, Ttlv... extra) {
        List<Ttlv> f = new java.util.ArrayList<>(List.of(version(major, minor), Ttlv.dateTime(TIME_STAMP, Instant.EPOCH)));
        f.addAll(List.of(extra));
        f.add(Ttlv.integer(BATCH_COUNT, 1));
        return Ttlv.structure(RESPONSE_HEADER, f);
    }

    private static ResponseMessage roundTrip(Ttlv message) throws Exception {
        byte[] wire = message.encode();
        ResponseMessage m = Messages.decodeResponse(TtlvDecoder.defaults().decode(wire));
        assertArrayEquals(wire, Messages.encodeResponse(m).encode(), "re-encodes to the same bytes");
        return m;
    }

    @Test
    void vendorResultReason_isKeptRawAndReachesTheException() throws Exception {
        Ttlv item = Ttlv.structure(BATCH_ITEM, Ttlv.enumeration(OPERATION, 0x0A), Ttlv.enumeration(RESULT_STATUS, 1),
                Ttlv.enumeration(RESULT_REASON, 0x8000ABCD), Ttlv.text(RESULT_MESSAGE, "vendor says no"));
        ResponseBatchItem decoded = roundTrip(Ttlv.structure(RESPONSE_MESSAGE, header(1, 4), item)).batchItems().get(0);
        ResultReason reason = decoded.resultReason();
        assertFalse(reason.isKnown());
        assertTrue(reason.isExtension());
        assertEquals(0x8000ABCDL, reason.unsignedValue());
        KmipResultException e = decoded.toException();
        assertEquals(0x8000ABCD, e.reasonValue());
        assertTrue(e.getMessage().contains("unknown reason (0x8000ABCD): vendor says no"), e.getMessage());
    }

    @Test
    void unknownEnumerationValues_inAGetResponse_areKept() throws Exception {
        Ttlv keyBlock = Ttlv.structure(Tag.KEY_BLOCK, Ttlv.enumeration(Tag.KEY_FORMAT_TYPE, 0x80000010),
                Ttlv.structure(Tag.KEY_VALUE, Ttlv.bytes(Tag.KEY_MATERIAL, new byte[8])),
                Ttlv.enumeration(Tag.CRYPTOGRAPHIC_ALGORITHM, 0x8000FFFF), Ttlv.integer(Tag.CRYPTOGRAPHIC_LENGTH, 64));
        Ttlv payload = Ttlv.structure(RESPONSE_PAYLOAD, Ttlv.enumeration(Tag.OBJECT_TYPE, 2),
                Ttlv.text(Tag.UNIQUE_IDENTIFIER, "k"), Ttlv.structure(Tag.SYMMETRIC_KEY, keyBlock));
        Ttlv item = Ttlv.structure(BATCH_ITEM, Ttlv.enumeration(OPERATION, 0x0A), Ttlv.enumeration(RESULT_STATUS, 0), payload);
        Get.Response get = roundTrip(Ttlv.structure(RESPONSE_MESSAGE, header(1, 2), item)).batchItems().get(0)
                .payload(Get.Response.class);
        KeyBlock kb = ((SymmetricKey) get.object()).keyBlock();
        assertEquals(CryptographicAlgorithm.of(0x8000FFFF), kb.cryptographicAlgorithm());
        assertEquals("0x8000FFFF", kb.cryptographicAlgorithm().toString());
        assertEquals(0x80000010, kb.keyFormatType().value());
    }

    @Test
    void unknownOperation_keepsItsPayloadRaw() throws Exception {
        Ttlv payload = Ttlv.structure(RESPONSE_PAYLOAD, Ttlv.text(Tag.UNIQUE_IDENTIFIER, "k"));
        Ttlv item = Ttlv.structure(BATCH_ITEM, Ttlv.enumeration(OPERATION, 0x80000001), Ttlv.enumeration(RESULT_STATUS, 0), payload);
        ResponseBatchItem decoded = roundTrip(Ttlv.structure(RESPONSE_MESSAGE, header(2, 1), item)).batchItems().get(0);
        assertEquals(payload, assertInstanceOf(RawPayload.class, decoded.payload()).item());
        assertFalse(decoded.operation().isKnown());
    }

    @Test
    void vendorTags_inHeaderBatchItemAndPayload_areKeptInExtensions() throws Exception {
        Ttlv payload = Ttlv.structure(RESPONSE_PAYLOAD, Ttlv.text(Tag.UNIQUE_IDENTIFIER, "k"), VENDOR);
        Ttlv item = Ttlv.structure(BATCH_ITEM, Ttlv.enumeration(OPERATION, 0x14), Ttlv.enumeration(RESULT_STATUS, 0), payload, VENDOR);
        ResponseMessage m = roundTrip(Ttlv.structure(RESPONSE_MESSAGE, header(1, 4, VENDOR), item));
        assertEquals(List.of(VENDOR), m.header().extensions());
        assertEquals(List.of(VENDOR), m.batchItems().get(0).extensions());
        assertEquals(List.of(VENDOR), m.batchItems().get(0).payload(Destroy.Response.class).extensions());
    }

    @Test
    void vendorAttribute_inKmip2Attributes_isKeptUnderItsHexName() throws Exception {
        Ttlv attrs = Ttlv.structure(Tag.ATTRIBUTES, Ttlv.enumeration(Tag.STATE, 2), Ttlv.text(0x540010, "blue"),
                Ttlv.enumeration(0x540011, 7));
        Ttlv payload = Ttlv.structure(RESPONSE_PAYLOAD, Ttlv.text(Tag.UNIQUE_IDENTIFIER, "k"), attrs);
        Ttlv item = Ttlv.structure(BATCH_ITEM, Ttlv.enumeration(OPERATION, 0x0B), Ttlv.enumeration(RESULT_STATUS, 0), payload);
        Attributes a = roundTrip(Ttlv.structure(RESPONSE_MESSAGE, header(2, 0), item)).batchItems().get(0)
                .payload(GetAttributes.Response.class).attributes();
        assertEquals(State.ACTIVE, a.get(AttributeKey.STATE));
        assertEquals("blue", a.get("0x540010").value());
        assertEquals(Ttlv.enumeration(0x540011, 7), a.get("0x540011").value());
    }

    @Test
    void newerMinorVersionFields_inAQueryResponse_areKeptInOrder() throws Exception {
        Ttlv capability = Ttlv.structure(Tag.CAPABILITY_INFORMATION, Ttlv.bool(Tag.STREAMING_CAPABILITY, true));
        Ttlv payload = Ttlv.structure(RESPONSE_PAYLOAD, Ttlv.enumeration(Tag.OPERATION, 1), capability);
        Ttlv item = Ttlv.structure(BATCH_ITEM, Ttlv.enumeration(OPERATION, 0x18), Ttlv.enumeration(RESULT_STATUS, 0), payload);
        Query.Response q = roundTrip(Ttlv.structure(RESPONSE_MESSAGE, header(1, 3), item)).batchItems().get(0)
                .payload(Query.Response.class);
        assertEquals(List.of(Operation.CREATE), q.operations());
        assertEquals(List.of(capability), q.extensions());
    }
}
