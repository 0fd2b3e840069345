package dev.kmipjca.protocol;

import static dev.kmipjca.protocol.VectorSupport.hex;
import static dev.kmipjca.protocol.VectorSupport.onlyPayload;
import static dev.kmipjca.protocol.VectorSupport.request;
import static dev.kmipjca.protocol.VectorSupport.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real client captures (VMware vSphere, MongoDB; kept in Cosmian/kms tests) and PyKMIP's error
 * response: decoded into the typed model and re-encoded byte for byte.
 */
class CaptureVectorsTest {

    @Test
    void pykmipErrorResponse_withoutOperation_decodesReasonAndMessage() throws Exception {
        ResponseMessage m = response("pykmip_invalid_message_error_response");
        ResponseBatchItem item = m.batchItems().get(0);
        assertNull(item.operation());
        assertEquals(ResultReason.INVALID_MESSAGE, item.resultReason());
        assertEquals("Default response. No operations supported.", item.resultMessage());
        assertInstanceOf(KmipResultException.InvalidMessage.class, item.toException());
    }

    @Test
    void vsphereDiscoverVersions_requestAndResponse_echoTheBatchItemId() throws Exception {
        RequestMessage rq = request("vsphere_discover_versions_request");
        assertEquals("514C4B4301000000", hex(rq.batchItems().get(0).uniqueBatchItemId()));
        assertEquals(List.of(), onlyPayload(rq, DiscoverVersions.Request.class).protocolVersions());
        ResponseMessage rs = response("vsphere_discover_versions_response_2_0_to_1_0");
        assertEquals(rq.batchItems().get(0).uniqueBatchItemId(), rs.batchItems().get(0).uniqueBatchItemId());
        assertEquals(List.of(ProtocolVersion.V2_0, ProtocolVersion.V1_4, ProtocolVersion.V1_3, ProtocolVersion.V1_2,
                ProtocolVersion.V1_1, ProtocolVersion.V1_0), onlyPayload(rs, DiscoverVersions.Response.class).protocolVersions());
    }

    @Test
    void vsphereGet_requestAndResponse_decodeAes256Key() throws Exception {
        assertEquals(UniqueId.of("2"), onlyPayload(request("vsphere_get_request"), Get.Request.class).uniqueIdentifier());
        Get.Response p = onlyPayload(response("vsphere_get_response_aes256_key"), Get.Response.class);
        KeyBlock kb = ((SymmetricKey) p.object()).keyBlock();
        assertEquals(256, kb.cryptographicLength());
        assertEquals(CryptographicAlgorithm.AES, kb.cryptographicAlgorithm());
        assertEquals(32, kb.keyValue().keyMaterial().length());
        assertEquals("1C5D9DE2A8BAF74903D662382546C085EDB2FEED0C279465394B418CC7A613BD", hex(kb.keyValue().keyMaterial()));
    }

    @Test
    void vsphereAddAttributeBatch_threeItems_keepCustomAttributes() throws Exception {
        RequestMessage m = request("vsphere_add_attribute_batch3_request");
        assertEquals(3, m.batchItems().size());
        List<String> names = m.batchItems().stream()
                .map(i -> ((AddAttribute.Request) i.payload()).attribute().name()).toList();
        assertEquals(List.of("x-Product_Version", "x-Vendor", "x-Product"), names);
        assertEquals("VMware vSphere", ((AddAttribute.Request) m.batchItems().get(2).payload()).attribute().value());
    }

    @Test
    void mongodbRegisterSecretData_version1_0_decodesSeedInOpaqueKeyBlock() throws Exception {
        RequestMessage m = request("mongodb_register_secret_data_request");
        assertEquals(ProtocolVersion.V1_0, m.version());
        Register.Request p = onlyPayload(m, Register.Request.class);
        assertEquals(ObjectType.SECRET_DATA, p.objectType());
        assertEquals(0, p.attributes().get(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK));
        SecretData secret = assertInstanceOf(SecretData.class, p.object());
        assertEquals(SecretDataType.SEED, secret.secretDataType());
        assertEquals(KeyFormatType.OPAQUE, secret.keyBlock().keyFormatType());
        assertEquals(96, secret.keyBlock().keyValue().keyMaterial().length());
        assertNull(secret.keyBlock().cryptographicAlgorithm());
        assertNull(secret.keyBlock().cryptographicLength());
        assertTrue(secret.keyBlock().keyValue().attributes().isEmpty());
    }
}
