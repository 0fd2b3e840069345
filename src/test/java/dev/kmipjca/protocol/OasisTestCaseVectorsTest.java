package dev.kmipjca.protocol;

import static dev.kmipjca.protocol.VectorSupport.hex;
import static dev.kmipjca.protocol.VectorSupport.onlyPayload;
import static dev.kmipjca.protocol.VectorSupport.request;
import static dev.kmipjca.protocol.VectorSupport.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.ttlv.Tag;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whole messages from the OASIS KMIP 1.1 Test Cases (3.1.1, 3.1.2, 3.1.3, 12.1, 16.1) and the KMIP
 * 1.0 Use Cases (4.1, 12.1); each fixture cites its source. Every message decodes into the typed
 * model and re-encodes byte for byte.
 */
class OasisTestCaseVectorsTest {

    @Test
    void createRequest_testCase3_1_1_decodesAttributesAndReencodesExactly() throws Exception {
        RequestMessage m = request("tc_1_1_3_1_1_create_request");
        assertEquals(ProtocolVersion.V1_1, m.version());
        assertEquals(Operation.CREATE, m.batchItems().get(0).operation());
        Create.Request p = onlyPayload(m, Create.Request.class);
        assertEquals(ObjectType.SYMMETRIC_KEY, p.objectType());
        assertEquals(CryptographicAlgorithm.AES, p.attributes().get(AttributeKey.CRYPTOGRAPHIC_ALGORITHM));
        assertEquals(128, p.attributes().get(AttributeKey.CRYPTOGRAPHIC_LENGTH));
        int mask = p.attributes().get(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK);
        assertEquals(CryptographicUsageMask.ENCRYPT | CryptographicUsageMask.DECRYPT, mask);
        assertEquals(List.of("Cryptographic Algorithm", "Cryptographic Length", "Cryptographic Usage Mask"),
                p.attributes().list().stream().map(Attribute::name).toList());
    }

    @Test
    void createResponse_testCase3_1_1_decodesIdentifierAndTimeStamp() throws Exception {
        ResponseMessage m = response("tc_1_1_3_1_1_create_response");
        assertEquals(Instant.parse("2012-04-27T08:12:21Z"), m.header().timeStamp());
        Create.Response p = onlyPayload(m, Create.Response.class);
        assertEquals(ObjectType.SYMMETRIC_KEY, p.objectType());
        assertEquals(UniqueId.of("fb4b5b9c-6188-4c63-8142-fe9c328129fc"), p.uniqueIdentifier());
        assertNull(p.attributes());
    }

    @Test
    void destroyRequestAndResponse_testCase3_1_1_carryTheIdentifier() throws Exception {
        Destroy.Request rq = onlyPayload(request("tc_1_1_3_1_1_destroy_request"), Destroy.Request.class);
        assertEquals("fb4b5b9c-6188-4c63-8142-fe9c328129fc", rq.uniqueIdentifier().text());
        ResponseMessage rs = response("tc_1_1_3_1_1_destroy_response");
        assertEquals(Operation.DESTROY, rs.batchItems().get(0).operation());
        assertEquals(rq.uniqueIdentifier(), onlyPayload(rs, Destroy.Response.class).uniqueIdentifier());
    }

    @Test
    void registerTemplateRequest_testCase3_1_2_keepsTheTemplateObjectRaw() throws Exception {
        Register.Request p = onlyPayload(request("tc_1_1_3_1_2_register_template_request"), Register.Request.class);
        assertEquals(ObjectType.TEMPLATE, p.objectType());
        assertTrue(p.attributes().isEmpty(), "the empty Template-Attribute is present and empty");
        RawObject template = assertInstanceOf(RawObject.class, p.object());
        assertEquals(Tag.TEMPLATE, template.item().tag());
        assertEquals(ObjectType.TEMPLATE, template.objectType());
        assertEquals(5, template.item().children(Tag.ATTRIBUTE).size());
    }

    @Test
    void registerResponse_testCase3_1_2_carriesTheNewIdentifier() throws Exception {
        Register.Response p = onlyPayload(response("tc_1_1_3_1_2_register_template_response"), Register.Response.class);
        assertEquals("5c9b81ef-4ee5-42cd-ba2d-c002fdd0c7b3", p.uniqueIdentifier().text());
    }

    @Test
    void getRequestAndResponse_testCase3_1_3_decodeThe3desKeyBlock() throws Exception {
        Get.Request rq = onlyPayload(request("tc_1_1_3_1_3_get_request"), Get.Request.class);
        assertEquals("49a1ca88-6bea-4fb2-b450-7e58802c3038", rq.uniqueIdentifier().text());
        assertNull(rq.keyFormatType());
        Get.Response rs = onlyPayload(response("tc_1_1_3_1_3_get_response_3des_key"), Get.Response.class);
        assertEquals(ObjectType.SYMMETRIC_KEY, rs.objectType());
        KeyBlock kb = assertInstanceOf(SymmetricKey.class, rs.object()).keyBlock();
        assertEquals(KeyFormatType.RAW, kb.keyFormatType());
        assertEquals(CryptographicAlgorithm.TRIPLE_DES, kb.cryptographicAlgorithm());
        assertEquals(168, kb.cryptographicLength());
        assertEquals("7367578051012A6D134A855E25C8CD5E4CA131455729D3C8", hex(kb.keyValue().keyMaterial()));
        assertTrue(kb.keyValue().attributes().isEmpty());
    }

    @Test
    void locateRequest_testCase3_1_3_decodesBareAttributeFilters() throws Exception {
        Locate.Request p = onlyPayload(request("tc_1_1_3_1_3_locate_request"), Locate.Request.class);
        assertEquals(ObjectType.SYMMETRIC_KEY, p.filter().get(AttributeKey.OBJECT_TYPE));
        assertEquals(Name.of("Key1"), p.filter().get(AttributeKey.NAME));
        assertNull(p.maximumItems());
    }

    @Test
    void locateResponse_testCase3_1_3_listsOneIdentifier() throws Exception {
        Locate.Response p = onlyPayload(response("tc_1_1_3_1_3_locate_response"), Locate.Response.class);
        assertEquals(List.of(UniqueId.of("49a1ca88-6bea-4fb2-b450-7e58802c3038")), p.uniqueIdentifiers());
        assertNull(p.locatedItems());
    }

    @Test
    void queryRequests_testCase12_1_carryMaximumResponseSizeAndFunctions() throws Exception {
        RequestMessage small = request("tc_1_1_12_1_query_maxsize256_request");
        assertEquals(256, small.header().maximumResponseSize());
        assertEquals(List.of(QueryFunction.QUERY_OPERATIONS, QueryFunction.QUERY_OBJECTS),
                onlyPayload(small, Query.Request.class).queryFunctions());
        RequestMessage large = request("tc_1_1_12_1_query_maxsize2048_request");
        assertEquals(2048, large.header().maximumResponseSize());
        assertEquals(QueryFunction.QUERY_SERVER_INFORMATION, onlyPayload(large, Query.Request.class).queryFunctions().get(2));
    }

    @Test
    void queryResponse_testCase12_1_listsOperationsObjectsAndVendor() throws Exception {
        Query.Response p = onlyPayload(response("tc_1_1_12_1_query_response"), Query.Response.class);
        assertEquals(26, p.operations().size());
        assertTrue(p.operations().contains(Operation.DISCOVER_VERSIONS));
        assertEquals(List.of(ObjectType.CERTIFICATE, ObjectType.SYMMETRIC_KEY, ObjectType.PUBLIC_KEY,
                ObjectType.PRIVATE_KEY, ObjectType.TEMPLATE, ObjectType.SECRET_DATA), p.objectTypes());
        assertEquals("IBM test server, not-TKLM 2.0.1.1 KMIP 2.0.0.1", p.vendorIdentification());
        assertTrue(p.serverInformation().children().isEmpty());
        assertTrue(p.extensions().isEmpty());
    }

    @Test
    void responseTooLarge_testCase12_1_isAFailedItemWithoutOperation() throws Exception {
        ResponseBatchItem item = response("tc_1_1_12_1_query_response_too_large_error").batchItems().get(0);
        assertNull(item.operation());
        assertEquals(ResultStatus.OPERATION_FAILED, item.resultStatus());
        assertEquals(ResultReason.RESPONSE_TOO_LARGE, item.resultReason());
        assertEquals("Response size: 648, Maximum Response Size indicated in request: 256", item.resultMessage());
        KmipResultException e = assertThrows(KmipResultException.class, () -> item.payload(Query.Response.class));
        assertEquals(ResultReason.RESPONSE_TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("Response Too Large (0x00000002)"), e.getMessage());
    }

    @Test
    void responseTooLarge_useCase1_0_12_1_decodesAtVersion1_0() throws Exception {
        ResponseMessage m = response("uc_1_0_12_1_query_response_too_large_error");
        assertEquals(ProtocolVersion.V1_0, m.version());
        assertEquals(ResultReason.RESPONSE_TOO_LARGE, m.batchItems().get(0).resultReason());
    }

    @Test
    void discoverVersions_testCase16_1_decodesEveryStep() throws Exception {
        assertEquals(List.of(), onlyPayload(request("tc_1_1_16_1_discover_versions_empty_request"),
                DiscoverVersions.Request.class).protocolVersions());
        assertEquals(List.of(ProtocolVersion.V1_1, ProtocolVersion.V1_0), onlyPayload(
                response("tc_1_1_16_1_discover_versions_response_1_1_and_1_0"), DiscoverVersions.Response.class).protocolVersions());
        assertEquals(List.of(ProtocolVersion.V1_0), onlyPayload(request("tc_1_1_16_1_discover_versions_1_0_request"),
                DiscoverVersions.Request.class).protocolVersions());
        assertEquals(List.of(ProtocolVersion.V1_0), onlyPayload(response("tc_1_1_16_1_discover_versions_1_0_response"),
                DiscoverVersions.Response.class).protocolVersions());
        assertEquals(List.of(new ProtocolVersion(9, 31)), onlyPayload(
                request("tc_1_1_16_1_discover_versions_9_31_request"), DiscoverVersions.Request.class).protocolVersions());
        assertEquals(List.of(), onlyPayload(response("tc_1_1_16_1_discover_versions_empty_response"),
                DiscoverVersions.Response.class).protocolVersions());
    }

    @Test
    void revokeRequest_useCase4_1_decodesReasonAndCompromiseDate() throws Exception {
        RequestMessage m = request("uc_1_0_4_1_revoke_compromised_request");
        assertEquals(ProtocolVersion.V1_0, m.version());
        Revoke.Request p = onlyPayload(m, Revoke.Request.class);
        assertEquals("21d28b8a-06df-43c0-b72f-2a161633ada9", p.uniqueIdentifier().text());
        assertEquals(RevocationReason.of(RevocationReasonCode.KEY_COMPROMISE), p.revocationReason());
        assertEquals(Instant.ofEpochSecond(6), p.compromiseOccurrenceDate());
    }

    @Test
    void addAttributeBatch_useCase4_1_pairsItemsByUniqueBatchItemId() throws Exception {
        RequestMessage rq = request("uc_1_0_4_1_add_attribute_batch_request");
        assertEquals(2, rq.batchItems().size());
        assertEquals("9D407FFB45C95672", hex(rq.batchItems().get(0).uniqueBatchItemId()));
        AddAttribute.Request second = (AddAttribute.Request) rq.batchItems().get(1).payload();
        assertEquals(Attribute.of("x-attribute2", "Value2"), second.attribute());
        assertTrue(second.attribute().isCustom());
        ResponseMessage rs = response("uc_1_0_4_1_add_attribute_batch_response");
        ResponseBatchItem answer = rs.item(rq.batchItems().get(1).uniqueBatchItemId());
        AddAttribute.Response p = answer.payload(AddAttribute.Response.class);
        assertEquals(second.attribute(), p.attribute());
        assertEquals(Instant.parse("2009-11-12T11:10:36Z"), rs.header().timeStamp());
    }

    @Test
    void getSymmetricKeyResponse_useCase4_1_decodesAes128() throws Exception {
        Get.Response p = onlyPayload(response("uc_1_0_4_1_get_symmetric_key_response"), Get.Response.class);
        KeyBlock kb = ((SymmetricKey) p.object()).keyBlock();
        assertEquals(CryptographicAlgorithm.AES, kb.cryptographicAlgorithm());
        assertEquals(128, kb.cryptographicLength());
        assertEquals("EF7833AB15F5A1EE5874BC0D9BBC4BE7", hex(kb.keyValue().symmetricKey()));
    }
}
