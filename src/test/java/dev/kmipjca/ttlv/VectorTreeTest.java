package dev.kmipjca.ttlv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoded trees of selected vectors carry the values their test-case documents describe. */
class VectorTreeTest {

    private static Ttlv decode(String fixture) throws TtlvException {
        return TtlvDecoder.defaults().decode(TtlvFixture.bytes(fixture));
    }

    /** Follows the first child with each tag in turn; fails if one is missing. */
    private static Ttlv at(Ttlv root, int... tags) {
        Ttlv t = root;
        for (int tag : tags) {
            Ttlv next = t.child(tag);
            assertNotNull(next, () -> "no " + TagNames.describe(tag) + " under " + TagNames.describe(root.tag()));
            t = next;
        }
        return t;
    }

    @Test
    void createRequest_3_1_1_createsAes128KeyWithThreeTemplateAttributes() throws TtlvException {
        Ttlv m = decode("tc_1_1_3_1_1_create_request");
        assertEquals(Tag.REQUEST_MESSAGE, m.tag());
        assertEquals(1, at(m, Tag.REQUEST_HEADER, Tag.PROTOCOL_VERSION, Tag.PROTOCOL_VERSION_MAJOR).asInt());
        assertEquals(1, at(m, Tag.REQUEST_HEADER, Tag.PROTOCOL_VERSION, Tag.PROTOCOL_VERSION_MINOR).asInt());
        assertEquals(1, at(m, Tag.REQUEST_HEADER, Tag.BATCH_COUNT).asInt());
        Ttlv op = at(m, Tag.BATCH_ITEM, Tag.OPERATION);
        assertEquals("Create", TagNames.enumName(op.tag(), op.asEnum()));
        Ttlv payload = at(m, Tag.BATCH_ITEM, Tag.REQUEST_PAYLOAD);
        assertEquals(2, payload.child(Tag.OBJECT_TYPE).asEnum()); // Symmetric Key
        List<Ttlv> attrs = at(payload, Tag.TEMPLATE_ATTRIBUTE).children(Tag.ATTRIBUTE);
        assertEquals(List.of("Cryptographic Algorithm", "Cryptographic Length", "Cryptographic Usage Mask"),
                attrs.stream().map(a -> a.child(Tag.ATTRIBUTE_NAME).asText()).toList());
        assertEquals(3, attrs.get(0).child(Tag.ATTRIBUTE_VALUE).asEnum()); // AES, an Enumeration here
        assertEquals(128, attrs.get(1).child(Tag.ATTRIBUTE_VALUE).asInt());
        assertEquals(12, attrs.get(2).child(Tag.ATTRIBUTE_VALUE).asInt()); // Encrypt | Decrypt
    }

    @Test
    void getResponse_3_1_3_carries3desKeyAndTimeStamp() throws TtlvException {
        Ttlv m = decode("tc_1_1_3_1_3_get_response_3des_key");
        assertEquals(Instant.parse("2012-04-27T08:12:23Z"), at(m, Tag.RESPONSE_HEADER, Tag.TIME_STAMP).asInstant());
        Ttlv item = at(m, Tag.BATCH_ITEM);
        assertEquals(0, item.child(Tag.RESULT_STATUS).asEnum()); // Success
        Ttlv payload = at(item, Tag.RESPONSE_PAYLOAD);
        assertEquals("49a1ca88-6bea-4fb2-b450-7e58802c3038", payload.child(Tag.UNIQUE_IDENTIFIER).asText());
        Ttlv block = at(payload, Tag.SYMMETRIC_KEY, Tag.KEY_BLOCK);
        assertEquals(1, block.child(Tag.KEY_FORMAT_TYPE).asEnum()); // Raw
        assertArrayEquals(TtlvFixture.hex("7367578051012A6D134A855E25C8CD5E4CA131455729D3C8"),
                at(block, Tag.KEY_VALUE, Tag.KEY_MATERIAL).asBytes());
        assertEquals(2, block.child(Tag.CRYPTOGRAPHIC_ALGORITHM).asEnum()); // 3DES
        assertEquals(168, block.child(Tag.CRYPTOGRAPHIC_LENGTH).asInt());
    }

    @Test
    void queryResponse_12_1_lists26OperationsAnd6ObjectTypes() throws TtlvException {
        Ttlv payload = at(decode("tc_1_1_12_1_query_response"), Tag.BATCH_ITEM, Tag.RESPONSE_PAYLOAD);
        List<Ttlv> ops = payload.children(Tag.OPERATION);
        assertEquals(26, ops.size());
        assertEquals("Create", TagNames.enumName(Tag.OPERATION, ops.get(0).asEnum()));
        assertEquals("Discover Versions", TagNames.enumName(Tag.OPERATION, ops.get(25).asEnum()));
        assertEquals(6, payload.children(Tag.OBJECT_TYPE).size());
        assertEquals("IBM test server, not-TKLM 2.0.1.1 KMIP 2.0.0.1", payload.child(Tag.VENDOR_IDENTIFICATION).asText());
        assertEquals(List.of(), payload.child(Tag.SERVER_INFORMATION).children());
    }

    @Test
    void invalidMessageErrorResponse_batchItemWithoutOperation() throws TtlvException {
        Ttlv item = at(decode("pykmip_invalid_message_error_response"), Tag.BATCH_ITEM);
        assertNull(item.child(Tag.OPERATION));
        assertEquals(1, item.child(Tag.RESULT_STATUS).asEnum()); // Operation Failed
        assertEquals("Invalid Message", TagNames.enumName(Tag.RESULT_REASON, item.child(Tag.RESULT_REASON).asEnum()));
        assertEquals("Default response. No operations supported.", item.child(Tag.RESULT_MESSAGE).asText());
    }

    @Test
    void addAttributeBatch_4_1_twoItemsPairedByUniqueBatchItemId() throws TtlvException {
        Ttlv m = decode("uc_1_0_4_1_add_attribute_batch_request");
        assertEquals(0, at(m, Tag.REQUEST_HEADER, Tag.PROTOCOL_VERSION, Tag.PROTOCOL_VERSION_MINOR).asInt());
        List<Ttlv> items = m.children(Tag.BATCH_ITEM);
        assertEquals(2, items.size());
        assertArrayEquals(TtlvFixture.hex("9D407FFB45C95672"), items.get(0).child(Tag.UNIQUE_BATCH_ITEM_ID).asBytes());
        assertArrayEquals(TtlvFixture.hex("D62107C3158409D8"), items.get(1).child(Tag.UNIQUE_BATCH_ITEM_ID).asBytes());
        assertEquals("x-attribute2",
                at(items.get(1), Tag.REQUEST_PAYLOAD, Tag.ATTRIBUTE, Tag.ATTRIBUTE_NAME).asText());
    }

    @Test
    void revokeRequest_4_1_keyCompromiseWithOccurrenceDate() throws TtlvException {
        Ttlv payload = at(decode("uc_1_0_4_1_revoke_compromised_request"), Tag.BATCH_ITEM, Tag.REQUEST_PAYLOAD);
        assertEquals(2, at(payload, Tag.REVOCATION_REASON, Tag.REVOCATION_REASON_CODE).asEnum()); // Key Compromise
        assertEquals(Instant.ofEpochSecond(6), payload.child(Tag.COMPROMISE_OCCURRENCE_DATE).asInstant());
    }

    @Test
    void vsphereDiscoverVersionsResponse_listsSixVersionsNewestFirst() throws TtlvException {
        Ttlv payload = at(decode("vsphere_discover_versions_response_2_0_to_1_0"), Tag.BATCH_ITEM, Tag.RESPONSE_PAYLOAD);
        assertEquals(List.of("2.0", "1.4", "1.3", "1.2", "1.1", "1.0"), payload.children(Tag.PROTOCOL_VERSION).stream()
                .map(v -> v.child(Tag.PROTOCOL_VERSION_MAJOR).asInt() + "." + v.child(Tag.PROTOCOL_VERSION_MINOR).asInt())
                .toList());
    }

    @Test
    void kmip20CreatePayload_attributesAndProtectionStorageMasks() throws TtlvException {
        Ttlv p = decode("kmip20_create_request_payload_attributes_psm2");
        assertEquals(Tag.REQUEST_PAYLOAD, p.tag());
        Ttlv attrs = p.child(Tag.ATTRIBUTES);
        assertEquals(3, attrs.child(Tag.CRYPTOGRAPHIC_ALGORITHM).asEnum());
        assertEquals(128, attrs.child(Tag.CRYPTOGRAPHIC_LENGTH).asInt());
        assertEquals(List.of(9, 528), p.child(Tag.PROTECTION_STORAGE_MASKS).children(Tag.PROTECTION_STORAGE_MASK)
                .stream().map(Ttlv::asInt).toList());
    }

    @Test
    void kmip20BatchItem_ephemeralFalse() throws TtlvException {
        Ttlv item = decode("kmip20_request_batch_item_get_ephemeral");
        assertFalse(item.child(Tag.EPHEMERAL).asBoolean());
        assertEquals("Get", TagNames.enumName(Tag.OPERATION, item.child(Tag.OPERATION).asEnum()));
    }

    @Test
    void kmip20ResponseHeader_nonceAttestationAndCorrelationValues() throws TtlvException {
        Ttlv h = decode("kmip20_response_header_full");
        assertEquals(2, at(h, Tag.PROTOCOL_VERSION, Tag.PROTOCOL_VERSION_MAJOR).asInt());
        assertArrayEquals(TtlvFixture.hex("01020304"), at(h, Tag.NONCE, Tag.NONCE_ID).asBytes());
        assertArrayEquals(TtlvFixture.hex("FFFFFFFFFFFF"), at(h, Tag.NONCE, Tag.NONCE_VALUE).asBytes());
        assertEquals(List.of(1, 3), h.children(Tag.ATTESTATION_TYPE).stream().map(Ttlv::asEnum).toList());
        assertEquals("client 1", h.child(Tag.CLIENT_CORRELATION_VALUE).asText());
        assertEquals("server 1", h.child(Tag.SERVER_CORRELATION_VALUE).asText());
    }
}
