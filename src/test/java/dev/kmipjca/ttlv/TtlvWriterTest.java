package dev.kmipjca.ttlv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link TtlvWriter}: Structure lengths filled in at close, misuse refused, buffers zeroed; {@link Ttlv#wipe}. */
class TtlvWriterTest {
    private static final byte[] KEY = TtlvFixture.hex("7367578051012A6D134A855E25C8CD5E4CA131455729D3C8");

    private static void assertAllZero(byte[] b) {
        assertArrayEquals(new byte[b.length], b);
    }

    @Test
    void nestedStructures_lengthsFilledAtClose_matchTestCase311() {
        TtlvWriter w = new TtlvWriter(16)
                .beginStructure(Tag.REQUEST_MESSAGE)
                .beginStructure(Tag.REQUEST_HEADER)
                .beginStructure(Tag.PROTOCOL_VERSION)
                .writeInteger(Tag.PROTOCOL_VERSION_MAJOR, 1)
                .writeInteger(Tag.PROTOCOL_VERSION_MINOR, 1)
                .endStructure()
                .writeInteger(Tag.BATCH_COUNT, 1)
                .endStructure()
                .beginStructure(Tag.BATCH_ITEM)
                .writeEnumeration(Tag.OPERATION, 0x14) // Destroy
                .beginStructure(Tag.REQUEST_PAYLOAD)
                .writeTextString(Tag.UNIQUE_IDENTIFIER, "fb4b5b9c-6188-4c63-8142-fe9c328129fc")
                .endStructure()
                .endStructure()
                .endStructure();
        assertArrayEquals(TtlvFixture.bytes("tc_1_1_3_1_1_destroy_request"), w.toByteArray());
        assertEquals(152, w.size());
    }

    @Test
    void getResponse_writtenItemByItem_matchesTestCase313() {
        TtlvWriter w = new TtlvWriter()
                .beginStructure(Tag.RESPONSE_MESSAGE)
                .beginStructure(Tag.RESPONSE_HEADER)
                .beginStructure(Tag.PROTOCOL_VERSION)
                .writeInteger(Tag.PROTOCOL_VERSION_MAJOR, 1).writeInteger(Tag.PROTOCOL_VERSION_MINOR, 1)
                .endStructure()
                .writeDateTime(Tag.TIME_STAMP, Instant.parse("2012-04-27T08:12:23Z"))
                .writeInteger(Tag.BATCH_COUNT, 1)
                .endStructure()
                .beginStructure(Tag.BATCH_ITEM)
                .writeEnumeration(Tag.OPERATION, 0x0A).writeEnumeration(Tag.RESULT_STATUS, 0)
                .beginStructure(Tag.RESPONSE_PAYLOAD)
                .writeEnumeration(Tag.OBJECT_TYPE, 2)
                .writeTextString(Tag.UNIQUE_IDENTIFIER, "49a1ca88-6bea-4fb2-b450-7e58802c3038")
                .beginStructure(Tag.SYMMETRIC_KEY).beginStructure(Tag.KEY_BLOCK)
                .writeEnumeration(Tag.KEY_FORMAT_TYPE, 1)
                .beginStructure(Tag.KEY_VALUE).writeByteString(Tag.KEY_MATERIAL, KEY).endStructure()
                .writeEnumeration(Tag.CRYPTOGRAPHIC_ALGORITHM, 2).writeInteger(Tag.CRYPTOGRAPHIC_LENGTH, 168)
                .endStructure().endStructure()
                .endStructure().endStructure().endStructure();
        assertArrayEquals(TtlvFixture.bytes("tc_1_1_3_1_3_get_response_3des_key"), w.toByteArray());
    }

    @Test
    void emptyStructure_lengthZero() {
        assertArrayEquals(TtlvFixture.hex("4200790100000000"),
                new TtlvWriter().beginStructure(Tag.REQUEST_PAYLOAD).endStructure().toByteArray());
    }

    @Test
    void byteStringSlice_writesOnlyTheSlice() {
        byte[] b = new TtlvWriter().writeByteString(Tag.NONCE_ID, new byte[] {9, 1, 2, 3, 9}, 1, 3).toByteArray();
        assertArrayEquals(TtlvFixture.hex("4200C908000000030102030000000000"), b);
    }

    @Test
    void toByteArray_withOpenStructure_refused() {
        TtlvWriter w = new TtlvWriter().beginStructure(Tag.REQUEST_MESSAGE).beginStructure(Tag.REQUEST_HEADER).endStructure();
        IllegalStateException e = assertThrows(IllegalStateException.class, w::toByteArray);
        assertEquals("1 structure(s) still open", e.getMessage());
    }

    @Test
    void endStructure_withoutBegin_refused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TtlvWriter().endStructure());
        assertEquals("endStructure without beginStructure", e.getMessage());
    }

    @Test
    void beginStructure_65Deep_refused() {
        TtlvWriter w = new TtlvWriter();
        for (int i = 0; i < 64; i++) {
            w.beginStructure(Tag.REQUEST_PAYLOAD);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.beginStructure(Tag.REQUEST_PAYLOAD));
        assertEquals("structures nested deeper than 64", e.getMessage());
    }

    @Test
    void wipe_zeroesBufferAndResets() {
        TtlvWriter w = new TtlvWriter().beginStructure(Tag.KEY_VALUE).writeByteString(Tag.KEY_MATERIAL, KEY).endStructure();
        w.wipe();
        assertAllZero(w.buffer());
        assertEquals(0, w.size());
        assertArrayEquals(new byte[0], w.toByteArray());
        assertArrayEquals(TtlvFixture.hex("4200790100000000"),
                w.beginStructure(Tag.REQUEST_PAYLOAD).endStructure().toByteArray(), "usable again after wipe");
    }

    @Test
    void growth_zeroesTheOutgrownBuffer() {
        TtlvWriter w = new TtlvWriter(16).writeByteString(Tag.KEY_MATERIAL, KEY, 0, 8);
        byte[] outgrown = w.buffer();
        w.writeByteString(Tag.KEY_MATERIAL, KEY);
        assertNotSame(outgrown, w.buffer());
        assertAllZero(outgrown);
    }

    @Test
    void ttlvWipe_zeroesEveryByteStringInTheTree() throws TtlvException {
        byte[] wire = TtlvFixture.bytes("vsphere_get_response_aes256_key");
        Ttlv tree = TtlvDecoder.defaults().decode(wire);
        Ttlv block = tree.child(Tag.BATCH_ITEM).child(Tag.RESPONSE_PAYLOAD).child(Tag.SYMMETRIC_KEY).child(Tag.KEY_BLOCK);
        Ttlv material = block.child(Tag.KEY_VALUE).child(Tag.KEY_MATERIAL);
        tree.wipe();
        assertAllZero(material.asBytes());
        assertAllZero(tree.child(Tag.BATCH_ITEM).child(Tag.UNIQUE_BATCH_ITEM_ID).asBytes());
        assertEquals(32, material.byteLength());
        assertEquals(256, block.child(Tag.CRYPTOGRAPHIC_LENGTH).asInt(), "other values untouched");
        assertArrayEquals(TtlvFixture.bytes("vsphere_get_response_aes256_key"), wire,
                "the decoder copied the key; the caller still owns (and must zero) its input");
    }

    @Test
    void ttlvBytes_copiesInAndOut() {
        byte[] key = KEY.clone();
        Ttlv t = Ttlv.bytes(Tag.KEY_MATERIAL, key);
        key[0] = 0;
        t.asBytes()[1] = 0;
        assertArrayEquals(KEY, t.asBytes());
    }
}
