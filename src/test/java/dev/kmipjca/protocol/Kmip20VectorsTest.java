package dev.kmipjca.protocol;

import static dev.kmipjca.protocol.VectorSupport.hex;
import static dev.kmipjca.protocol.VectorSupport.onlyPayload;
import static dev.kmipjca.protocol.VectorSupport.response;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kmipjca.ttlv.Tag;
import dev.kmipjca.ttlv.Ttlv;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * KMIP 2.0 encodings published by independent implementations (libkmip, PyKMIP, kmip-php): each is
 * decoded, re-encoded, and also built from scratch with the typed model; all three must give the
 * published bytes.
 */
class Kmip20VectorsTest {
    private static final ProtocolVersion V2 = ProtocolVersion.V2_0;

    private static Attributes aes128EncryptDecrypt() {
        return Attributes.builder()
                .add(AttributeKey.CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm.AES)
                .add(AttributeKey.CRYPTOGRAPHIC_LENGTH, 128)
                .add(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK, CryptographicUsageMask.ENCRYPT | CryptographicUsageMask.DECRYPT)
                .build();
    }

    @Test
    void createResponseMessage_kmipPhp_decodesVersion2_0AndIdentifier() throws Exception {
        ResponseMessage m = response("kmip20_create_response");
        assertEquals(V2, m.version());
        Create.Response p = onlyPayload(m, Create.Response.class);
        assertEquals(UniqueId.of("143"), p.uniqueIdentifier());
        assertEquals(ObjectType.SYMMETRIC_KEY, p.objectType());
        ResponseMessage built = ResponseMessage.of(V2, Instant.parse("2024-11-28T09:22:59Z"),
                List.of(ResponseBatchItem.success(null, null, Create.Response.of(ObjectType.SYMMETRIC_KEY, UniqueId.of("143")))));
        assertArrayEquals(Fixtures.bytes("kmip20_create_response"), Messages.encodeResponse(built).encode());
    }

    @Test
    void createRequestPayload_libkmipTwoMasks_matchesPublishedBytes() throws Exception {
        Create.Request built = new Create.Request(ObjectType.SYMMETRIC_KEY, aes128EncryptDecrypt(), ProtectionStorageMasks.of(9, 528));
        checkRequestPayload("kmip20_create_request_payload_attributes_psm2", Operation.CREATE, built);
    }

    @Test
    void createRequestPayload_pykmipOneMask_matchesPublishedBytes() throws Exception {
        Create.Request built = new Create.Request(ObjectType.SYMMETRIC_KEY, aes128EncryptDecrypt(), ProtectionStorageMasks.of(3));
        checkRequestPayload("kmip20_create_request_payload_attributes_psm1", Operation.CREATE, built);
    }

    @Test
    void modifyAttributeRequestPayload_pykmipCurrentAndNew_matchesPublishedBytes() throws Exception {
        ModifyAttribute.Request built = new ModifyAttribute.Request(UniqueId.of("b4faee10-aa2a-4446-8ad4-0881f3422959"),
                Attribute.of(AttributeKey.CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm.AES),
                Attribute.of(AttributeKey.CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm.RSA));
        checkRequestPayload("kmip20_modify_attribute_request_payload_current_new", Operation.MODIFY_ATTRIBUTE, built);
    }

    @Test
    void getResponsePayload_kmipPhpAes256_matchesPublishedBytes() throws Exception {
        Ttlv published = Fixtures.ttlv("kmip20_get_response_payload_aes256");
        Get.Response decoded = (Get.Response) Messages.decodeResponsePayload(Operation.GET, published, V2);
        KeyBlock kb = ((SymmetricKey) decoded.object()).keyBlock();
        assertEquals("60A5908002C0E36AFE77EC9329D121AABFB640975FD6BE668AD75A88F9B32D0F", hex(kb.keyValue().keyMaterial()));
        Get.Response built = Get.Response.of(UniqueId.of("150"), new SymmetricKey(KeyBlock.raw(
                Bytes.ofHex("60A5908002C0E36AFE77EC9329D121AABFB640975FD6BE668AD75A88F9B32D0F"), CryptographicAlgorithm.AES, 256)));
        assertEquals(built, decoded);
        assertArrayEquals(Fixtures.bytes("kmip20_get_response_payload_aes256"), Messages.encodeResponsePayload(built, V2).encode());
    }

    @Test
    void responseHeader_libkmipWithNonceAndCorrelationValues_matchesPublishedBytes() throws Exception {
        ResponseHeader header = new ResponseHeader(V2, Instant.parse("2012-04-27T08:12:21Z"),
                new Nonce(Bytes.ofHex("01020304"), Bytes.ofHex("FFFFFFFFFFFF")),
                Bytes.ofHex("301EC144E9C6C4F64C29C01C3E11839C97D6E7D2BC0C5DBC68377B679AE51D4D"),
                List.of(AttestationType.TPM_QUOTE, AttestationType.SAML_ASSERTION), "client 1", "server 1", null);
        Ttlv published = Fixtures.ttlv("kmip20_response_header_full");
        assertEquals(published, MessageCodec.encodeHeader(header, Tag.RESPONSE_HEADER, 1, V2));
        ResponseBatchItem item = ResponseBatchItem.success(null, null, new Destroy.Response(UniqueId.of("1")));
        Ttlv message = Ttlv.structure(Tag.RESPONSE_MESSAGE, published, RecordCodec.encode(item, Tag.BATCH_ITEM, V2));
        assertEquals(header, Messages.decodeResponse(message).header());
    }

    @Test
    void requestBatchItem_libkmipWithEphemeral_matchesPublishedBytes() throws Exception {
        RequestBatchItem item = new RequestBatchItem(Operation.GET, false, null,
                Get.Request.of("49a1ca88-6bea-4fb2-b450-7e58802c3038"), null, null);
        Ttlv published = Fixtures.ttlv("kmip20_request_batch_item_get_ephemeral");
        assertEquals(published, RecordCodec.encode(item, Tag.BATCH_ITEM, V2));
        Ttlv message = Ttlv.structure(Tag.REQUEST_MESSAGE,
                MessageCodec.encodeHeader(RequestHeader.of(V2), Tag.REQUEST_HEADER, 1, V2), published);
        assertEquals(item, Messages.decodeRequest(message).batchItems().get(0));
    }

    private static void checkRequestPayload(String fixture, Operation op, RequestPayload built) throws Exception {
        Ttlv published = Fixtures.ttlv(fixture);
        RequestPayload decoded = Messages.decodeRequestPayload(op, published, V2);
        assertEquals(built, decoded, fixture + " decodes to the model built from scratch");
        assertArrayEquals(Fixtures.bytes(fixture), Messages.encodeRequestPayload(decoded, V2).encode());
        assertArrayEquals(Fixtures.bytes(fixture), Messages.encodeRequestPayload(built, V2).encode());
    }
}
