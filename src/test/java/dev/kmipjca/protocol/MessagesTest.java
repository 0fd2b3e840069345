package dev.kmipjca.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.ttlv.Tag;
import dev.kmipjca.ttlv.Ttlv;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The entry points and builders that the client and the development server use. */
class MessagesTest {

    @Test
    void errorResponse_forAnUnparseableRequest_hasNoOperationAndInvalidMessage() throws Exception {
        ResponseMessage m = Messages.errorResponse(ProtocolVersion.V1_4, ResultReason.INVALID_MESSAGE, "unsupported version 3.0");
        Ttlv wire = Messages.encodeResponse(m);
        ResponseBatchItem item = Messages.decodeResponse(wire).batchItems().get(0);
        assertNull(item.operation());
        assertEquals(ResultStatus.OPERATION_FAILED, item.resultStatus());
        assertEquals(ResultReason.INVALID_MESSAGE, item.resultReason());
        assertNull(wire.children().get(1).child(Tag.OPERATION));
        assertEquals(ProtocolVersion.V1_4, Messages.peekVersion(wire));
    }

    @Test
    void singleRequest_takesTheOperationFromThePayloadAndHasNoBatchItemId() {
        RequestMessage m = RequestMessage.single(ProtocolVersion.V2_1, Get.Request.of("k"));
        assertEquals(Operation.GET, m.batchItems().get(0).operation());
        assertNull(m.batchItems().get(0).uniqueBatchItemId());
        assertEquals(1, Messages.encodeRequest(m).child(Tag.REQUEST_HEADER).child(Tag.BATCH_COUNT).asInt());
    }

    @Test
    void builder_setsHeaderFieldsAndAssignsIds() throws Exception {
        RequestMessage m = RequestMessage.builder(ProtocolVersion.V1_4)
                .maximumResponseSize(4096)
                .authentication(Authentication.of(Credential.usernamePassword("alice", "s3cret")))
                .batchErrorContinuationOption(BatchErrorContinuationOption.STOP)
                .batchOrderOption(true)
                .clientCorrelationValue("req-1")
                .timeStamp(Instant.parse("2024-01-01T00:00:00Z"))
                .add(Create.Request.symmetricKey(CryptographicAlgorithm.AES, 256, 0x3C, null))
                .add(Operation.ACTIVATE, new Activate.Request(null))
                .build();
        RequestMessage back = Messages.decodeRequest(Messages.encodeRequest(m));
        assertEquals(m, back);
        assertEquals("alice", back.header().authentication().credentials().get(0).username());
        assertEquals("s3cret", back.header().authentication().credentials().get(0).password());
        assertEquals(List.of(Bytes.ofHex("00000001"), Bytes.ofHex("00000002")),
                back.batchItems().stream().map(RequestBatchItem::uniqueBatchItemId).toList());
    }

    @Test
    void asynchronousIndicator_isBooleanIn1_xAndEnumerationIn2_x() throws Exception {
        RequestHeader h1 = new RequestHeader(ProtocolVersion.V1_4, null, null, null, true, null, null, null, null, null,
                null, null, null);
        Ttlv e1 = MessageCodec.encodeHeader(h1, Tag.REQUEST_HEADER, 1, ProtocolVersion.V1_4);
        assertEquals(Ttlv.bool(Tag.ASYNCHRONOUS_INDICATOR, true), e1.child(Tag.ASYNCHRONOUS_INDICATOR));
        RequestHeader h2 = new RequestHeader(ProtocolVersion.V2_0, null, null, null, null, AsynchronousIndicator.OPTIONAL,
                null, null, null, null, null, null, null);
        Ttlv e2 = MessageCodec.encodeHeader(h2, Tag.REQUEST_HEADER, 1, ProtocolVersion.V2_0);
        assertEquals(Ttlv.enumeration(Tag.ASYNCHRONOUS_INDICATOR, 2), e2.child(Tag.ASYNCHRONOUS_INDICATOR));
        Ttlv message = Ttlv.structure(Tag.REQUEST_MESSAGE, e2, RecordCodec.encode(RequestBatchItem.of(Query.Request.of()),
                Tag.BATCH_ITEM, ProtocolVersion.V2_0));
        assertEquals(AsynchronousIndicator.OPTIONAL, Messages.decodeRequest(message).header().asynchronousMode());
    }

    @Test
    void aFieldOfALaterVersion_cannotBeEncodedInAnEarlierOne() {
        Locate.Request p = new Locate.Request(null, 5, null, null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Messages.encodeRequestPayload(p, ProtocolVersion.V1_2));
        assertTrue(e.getMessage().contains("Locate.Request.offsetItems is not defined in KMIP 1.2"), e.getMessage());
    }

    @Test
    void aMissingRequiredField_cannotBeEncoded() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Messages.encodeResponsePayload(new Destroy.Response(null), ProtocolVersion.V1_0));
        assertTrue(e.getMessage().contains("Destroy.Response.uniqueIdentifier is required"), e.getMessage());
    }

    @Test
    void failedItem_payloadThrowsTheMatchingSubclass() {
        ResponseBatchItem item = ResponseBatchItem.failure(Operation.GET, null, ResultReason.ITEM_NOT_FOUND, "no such key");
        KmipResultException e = assertThrows(KmipResultException.ItemNotFound.class, () -> item.payload(Get.Response.class));
        e.setServer("kms1:5696");
        assertEquals("KMIP Get failed: Item Not Found (0x00000001): no such key [server kms1:5696]", e.getMessage());
        assertInstanceOf(KmipResultException.ItemNotFound.class,
                ResponseBatchItem.failure(Operation.GET, null, ResultReason.OBJECT_NOT_FOUND, null).toException());
        assertInstanceOf(KmipResultException.PermissionDenied.class,
                ResponseBatchItem.failure(Operation.DESTROY, null, ResultReason.PERMISSION_DENIED, null).toException());
        assertInstanceOf(KmipResultException.OperationNotSupported.class,
                ResponseBatchItem.failure(null, null, ResultReason.OPERATION_NOT_SUPPORTED, null).toException());
        assertEquals(KmipResultException.class,
                ResponseBatchItem.failure(null, null, ResultReason.INVALID_FIELD, null).toException().getClass());
    }

    @Test
    void successfulItemOfAnotherOperation_payloadIsAProtocolError() {
        ResponseBatchItem item = ResponseBatchItem.success(null, null, new Destroy.Response(UniqueId.of("k")));
        KmipProtocolException e = assertThrows(KmipProtocolException.class, () -> item.payload(Get.Response.class));
        assertEquals(Tag.RESPONSE_PAYLOAD, e.tag());
        assertTrue(e.problem().contains("expected a Get.Response payload, found Destroy.Response"), e.problem());
    }

    @Test
    void managedObjectsAndAttributes_haveStorageEncodings() throws Exception {
        SymmetricKey key = new SymmetricKey(KeyBlock.raw(Bytes.ofHex("0001020304050607"), CryptographicAlgorithm.AES, 64));
        assertEquals(key, Messages.decodeObject(Messages.encodeObject(key, ProtocolVersion.V2_1), ProtocolVersion.V2_1));
        Attributes a = PayloadSamples.richAttributes(ProtocolVersion.V2_1);
        assertEquals(a, Messages.decodeAttributes(Messages.encodeAttributes(a)));
        assertFalse(Messages.encodeAttributes(a).children().isEmpty());
    }
}
