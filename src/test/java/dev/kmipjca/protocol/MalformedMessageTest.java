package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.BATCH_COUNT;
import static dev.kmipjca.ttlv.Tag.BATCH_ITEM;
import static dev.kmipjca.ttlv.Tag.CRYPTOGRAPHIC_LENGTH;
import static dev.kmipjca.ttlv.Tag.MAXIMUM_RESPONSE_SIZE;
import static dev.kmipjca.ttlv.Tag.OBJECT_TYPE;
import static dev.kmipjca.ttlv.Tag.OPERATION;
import static dev.kmipjca.ttlv.Tag.PROTOCOL_VERSION;
import static dev.kmipjca.ttlv.Tag.PROTOCOL_VERSION_MAJOR;
import static dev.kmipjca.ttlv.Tag.PROTOCOL_VERSION_MINOR;
import static dev.kmipjca.ttlv.Tag.REQUEST_HEADER;
import static dev.kmipjca.ttlv.Tag.REQUEST_MESSAGE;
import static dev.kmipjca.ttlv.Tag.REQUEST_PAYLOAD;
import static dev.kmipjca.ttlv.Tag.RESPONSE_HEADER;
import static dev.kmipjca.ttlv.Tag.RESPONSE_MESSAGE;
import static dev.kmipjca.ttlv.Tag.RESPONSE_PAYLOAD;
import static dev.kmipjca.ttlv.Tag.RESULT_STATUS;
import static dev.kmipjca.ttlv.Tag.TIME_STAMP;
import static dev.kmipjca.ttlv.Tag.UNIQUE_IDENTIFIER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.ttlv.Tag;
import dev.kmipjca.ttlv.Ttlv;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Messages that are valid TTLV but not valid KMIP: each error names the tag and what was wrong. */
class MalformedMessageTest {

    private static Ttlv version(int major, int minor) {
        return Ttlv.structure(PROTOCOL_VERSION, Ttlv.integer(PROTOCOL_VERSION_MAJOR, major),
                Ttlv.integer(PROTOCOL_VERSION_MINOR, minor));
    }

    private static Ttlv requestHeader(Ttlv... extra) {
        List<Ttlv> fields = new ArrayList<>();
        fields.add(version(1, 4));
        fields.addAll(List.of(extra));
        fields.add(Ttlv.integer(BATCH_COUNT, 1));
        return Ttlv.structure(REQUEST_HEADER, fields);
    }

    private static Ttlv requestItem(int operation, Ttlv... payloadFields) {
        return Ttlv.structure(BATCH_ITEM, Ttlv.enumeration(OPERATION, operation), Ttlv.structure(REQUEST_PAYLOAD, payloadFields));
    }

    private static Ttlv responseMessage(Ttlv... payloadFields) {
        return Ttlv.structure(RESPONSE_MESSAGE,
                Ttlv.structure(RESPONSE_HEADER, version(1, 4), Ttlv.dateTime(TIME_STAMP, Instant.EPOCH), Ttlv.integer(BATCH_COUNT, 1)),
                Ttlv.structure(BATCH_ITEM, Ttlv.enumeration(OPERATION, 1), Ttlv.enumeration(RESULT_STATUS, 0),
                        Ttlv.structure(RESPONSE_PAYLOAD, payloadFields)));
    }

    private static KmipProtocolException fails(Executable e, int tag, String problem) {
        KmipProtocolException x = assertThrows(KmipProtocolException.class, e);
        assertEquals(tag, x.tag(), x.getMessage());
        assertTrue(x.problem().contains(problem), "problem \"" + x.problem() + "\" mentions \"" + problem + "\"");
        assertTrue(x.getMessage().contains(String.format("0x%06X", tag)), x.getMessage());
        return x;
    }

    @Test
    void duplicateUniqueIdentifier_inCreateResponse_isInvalidMessageNamingTheTag() {
        Ttlv m = responseMessage(Ttlv.enumeration(OBJECT_TYPE, 2), Ttlv.text(UNIQUE_IDENTIFIER, "a"), Ttlv.text(UNIQUE_IDENTIFIER, "b"));
        KmipProtocolException x = fails(() -> Messages.decodeResponse(m), UNIQUE_IDENTIFIER, "duplicate field");
        assertEquals(ResultReason.INVALID_MESSAGE, x.resultReason());
        assertTrue(x.getMessage().contains("Create.Response"), x.getMessage());
    }

    @Test
    void duplicateMaximumResponseSize_inRequestHeader_isRejected() {
        Ttlv m = Ttlv.structure(REQUEST_MESSAGE, requestHeader(Ttlv.integer(MAXIMUM_RESPONSE_SIZE, 1), Ttlv.integer(MAXIMUM_RESPONSE_SIZE, 2)),
                requestItem(0x14));
        fails(() -> Messages.decodeRequest(m), MAXIMUM_RESPONSE_SIZE, "duplicate field");
    }

    @Test
    void duplicateBatchCount_isRejected() {
        Ttlv header = Ttlv.structure(REQUEST_HEADER, version(1, 0), Ttlv.integer(BATCH_COUNT, 1), Ttlv.integer(BATCH_COUNT, 1));
        fails(() -> Messages.decodeRequest(Ttlv.structure(REQUEST_MESSAGE, header, requestItem(0x14))), BATCH_COUNT, "duplicate field");
    }

    @Test
    void responseMessage_givenToTheRequestDecoder_isTheWrongTopLevelItem() {
        fails(() -> Messages.decodeRequest(responseMessage()), RESPONSE_MESSAGE, "must be a Request Message (0x420078) Structure");
    }

    @Test
    void primitiveTopLevelItem_isRejected() {
        fails(() -> Messages.decodeResponse(Ttlv.integer(RESPONSE_MESSAGE, 1)), RESPONSE_MESSAGE, "found Response Message (0x42007B) Integer");
    }

    @Test
    void batchCountTwo_withOneItem_isAMismatch() {
        Ttlv header = Ttlv.structure(REQUEST_HEADER, version(1, 4), Ttlv.integer(BATCH_COUNT, 2));
        fails(() -> Messages.decodeRequest(Ttlv.structure(REQUEST_MESSAGE, header, requestItem(0x14))), BATCH_COUNT,
                "Batch Count is 2 but the message holds 1 Batch Item");
    }

    @Test
    void missingBatchCount_isMissingData() {
        Ttlv header = Ttlv.structure(REQUEST_HEADER, version(1, 4));
        KmipProtocolException x = fails(() -> Messages.decodeRequest(Ttlv.structure(REQUEST_MESSAGE, header, requestItem(0x14))),
                BATCH_COUNT, "missing required field");
        assertEquals(ResultReason.MISSING_DATA, x.resultReason());
    }

    @Test
    void createResponseWithoutUniqueIdentifier_isMissingARequiredField() {
        KmipProtocolException x = fails(() -> Messages.decodeResponse(responseMessage(Ttlv.enumeration(OBJECT_TYPE, 2))),
                UNIQUE_IDENTIFIER, "missing required field");
        assertEquals(ResultReason.MISSING_DATA, x.resultReason());
    }

    @Test
    void requestItemWithoutOperation_isMissingARequiredField() {
        Ttlv item = Ttlv.structure(BATCH_ITEM, Ttlv.structure(REQUEST_PAYLOAD));
        fails(() -> Messages.decodeRequest(Ttlv.structure(REQUEST_MESSAGE, requestHeader(), item)), OPERATION, "missing required field");
    }

    @Test
    void cryptographicLengthAsText_inKeyBlock_isTheWrongType() {
        Ttlv keyBlock = Ttlv.structure(Tag.KEY_BLOCK, Ttlv.enumeration(Tag.KEY_FORMAT_TYPE, 1),
                Ttlv.structure(Tag.KEY_VALUE, Ttlv.bytes(Tag.KEY_MATERIAL, new byte[16])),
                Ttlv.enumeration(Tag.CRYPTOGRAPHIC_ALGORITHM, 3), Ttlv.text(CRYPTOGRAPHIC_LENGTH, "128"));
        Ttlv m = responseMessage(Ttlv.enumeration(OBJECT_TYPE, 2), Ttlv.text(UNIQUE_IDENTIFIER, "k"),
                Ttlv.structure(Tag.SYMMETRIC_KEY, keyBlock));
        Ttlv get = Ttlv.structure(RESPONSE_MESSAGE, m.children().get(0), Ttlv.structure(BATCH_ITEM,
                Ttlv.enumeration(OPERATION, 0x0A), Ttlv.enumeration(RESULT_STATUS, 0), m.children().get(1).child(RESPONSE_PAYLOAD)));
        KmipProtocolException x = fails(() -> Messages.decodeResponse(get), CRYPTOGRAPHIC_LENGTH,
                "must be an Integer, found a Text String");
        assertEquals(ResultReason.INVALID_FIELD, x.resultReason());
        assertTrue(x.getMessage().contains("Key Block"), x.getMessage());
    }

    @Test
    void attributeValueOfTheWrongType_in1_xTemplate_namesTheAttribute() {
        Ttlv attribute = Ttlv.structure(Tag.ATTRIBUTE, Ttlv.text(Tag.ATTRIBUTE_NAME, "Cryptographic Length"),
                Ttlv.text(Tag.ATTRIBUTE_VALUE, "256"));
        Ttlv m = Ttlv.structure(REQUEST_MESSAGE, requestHeader(),
                requestItem(0x01, Ttlv.enumeration(OBJECT_TYPE, 2), Ttlv.structure(Tag.TEMPLATE_ATTRIBUTE, attribute)));
        KmipProtocolException x = fails(() -> Messages.decodeRequest(m), Tag.ATTRIBUTE_VALUE, "value must be an Integer");
        assertTrue(x.getMessage().contains("attribute Cryptographic Length"), x.getMessage());
    }

    @Test
    void unexpectedStandardField_inARequestPayload_isRejected() {
        Ttlv m = Ttlv.structure(REQUEST_MESSAGE, requestHeader(),
                requestItem(0x14, Ttlv.text(UNIQUE_IDENTIFIER, "k"), Ttlv.enumeration(OBJECT_TYPE, 2)));
        fails(() -> Messages.decodeRequest(m), OBJECT_TYPE, "unexpected field");
    }

    @Test
    void enumerationUniqueIdentifier_in1_x_isTheWrongType() {
        Ttlv m = Ttlv.structure(REQUEST_MESSAGE, requestHeader(), requestItem(0x14, Ttlv.enumeration(UNIQUE_IDENTIFIER, 1)));
        fails(() -> Messages.decodeRequest(m), UNIQUE_IDENTIFIER, "must be a Text String");
    }

    @Test
    void dateTimeExtended_in1_x_isTheWrongTypeButAcceptedIn2_x() throws Exception {
        Ttlv revoke = Ttlv.structure(Tag.REVOCATION_REASON, Ttlv.enumeration(Tag.REVOCATION_REASON_CODE, 1));
        Ttlv date = Ttlv.dateTimeExtended(Tag.COMPROMISE_OCCURRENCE_DATE, Instant.ofEpochSecond(6));
        Ttlv m1 = Ttlv.structure(REQUEST_MESSAGE, requestHeader(), requestItem(0x13, revoke, date));
        fails(() -> Messages.decodeRequest(m1), Tag.COMPROMISE_OCCURRENCE_DATE, "must be a Date-Time");
        Ttlv header2 = Ttlv.structure(REQUEST_HEADER, version(2, 0), Ttlv.integer(BATCH_COUNT, 1));
        Revoke.Request r = (Revoke.Request) Messages.decodeRequest(Ttlv.structure(REQUEST_MESSAGE, header2,
                requestItem(0x13, revoke, date))).batchItems().get(0).payload();
        assertEquals(Instant.ofEpochSecond(6), r.compromiseOccurrenceDate());
    }

    @Test
    void newAttributeHoldingTwoItems_isRejected() {
        Ttlv header2 = Ttlv.structure(REQUEST_HEADER, version(2, 0), Ttlv.integer(BATCH_COUNT, 1));
        Ttlv twoItems = Ttlv.structure(Tag.NEW_ATTRIBUTE, Ttlv.text(Tag.OBJECT_GROUP, "a"), Ttlv.text(Tag.OBJECT_GROUP, "b"));
        Ttlv m = Ttlv.structure(REQUEST_MESSAGE, header2, requestItem(0x31, twoItems));
        fails(() -> Messages.decodeRequest(m), Tag.NEW_ATTRIBUTE, "must hold exactly one attribute, found 2");
    }

    @Test
    void majorVersion3_isUnsupportedButPeekableForTheErrorResponse() throws Exception {
        Ttlv header = Ttlv.structure(REQUEST_HEADER, version(3, 0), Ttlv.integer(BATCH_COUNT, 1));
        Ttlv m = Ttlv.structure(REQUEST_MESSAGE, header, requestItem(0x14));
        fails(() -> Messages.decodeRequest(m), PROTOCOL_VERSION, "unsupported protocol version 3.0");
        assertEquals(new ProtocolVersion(3, 0), Messages.peekVersion(m));
    }

    @Test
    void requestWithoutBatchItems_isMissingData() {
        Ttlv header = Ttlv.structure(REQUEST_HEADER, version(1, 4), Ttlv.integer(BATCH_COUNT, 0));
        fails(() -> Messages.decodeRequest(Ttlv.structure(REQUEST_MESSAGE, header)), BATCH_ITEM, "missing required field");
    }

    @Test
    void keyBlockWithPlaintextAndWrappedKeyValue_isRejectedAsDuplicate() {
        Ttlv keyBlock = Ttlv.structure(Tag.KEY_BLOCK, Ttlv.enumeration(Tag.KEY_FORMAT_TYPE, 1),
                Ttlv.structure(Tag.KEY_VALUE, Ttlv.bytes(Tag.KEY_MATERIAL, new byte[16])),
                Ttlv.bytes(Tag.KEY_VALUE, new byte[24]));
        Ttlv payload = Ttlv.structure(RESPONSE_PAYLOAD, Ttlv.enumeration(OBJECT_TYPE, 2), Ttlv.text(UNIQUE_IDENTIFIER, "k"),
                Ttlv.structure(Tag.SYMMETRIC_KEY, keyBlock));
        fails(() -> Messages.decodeResponsePayload(Operation.GET, payload, ProtocolVersion.V1_4), Tag.KEY_VALUE, "duplicate field");
    }
}
