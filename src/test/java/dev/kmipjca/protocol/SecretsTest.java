package dev.kmipjca.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Key bytes and passwords never show in toString; wipe() zeroes them. */
class SecretsTest {
    private static final String KEY_HEX = "00112233445566778899AABBCCDDEEFF";

    @Test
    void getResponseToString_showsLengthsNotKeyBytes() {
        Get.Response r = Get.Response.of(UniqueId.of("k"), new SymmetricKey(KeyBlock.raw(Bytes.ofHex(KEY_HEX),
                CryptographicAlgorithm.AES, 128)));
        String s = r.toString();
        assertFalse(s.toUpperCase().contains("00112233"), s);
        assertTrue(s.contains("Bytes[16]"), s);
    }

    @Test
    void transparentKeyToString_isRedactedByThePrinter() {
        KeyValue v = KeyValue.transparentSymmetricKey(Bytes.ofHex(KEY_HEX));
        assertFalse(v.toString().toUpperCase().contains("00112233"), v.toString());
        assertEquals(Bytes.ofHex(KEY_HEX), v.symmetricKey());
    }

    @Test
    void credentialToString_hidesThePassword() {
        RequestHeader h = new RequestHeader(ProtocolVersion.V1_2, null, null, null, null, null, null, null,
                Authentication.of(Credential.usernamePassword("alice", "hunter2")), null, null, null, null);
        assertFalse(h.toString().contains("hunter2"), h.toString());
        assertFalse(Messages.encodeRequest(RequestMessage.builder(ProtocolVersion.V1_2)
                .authentication(h.authentication()).add(Query.Request.of()).build()).toString().contains("hunter2"));
    }

    @Test
    void wipe_zeroesKeyBytes() {
        Bytes key = Bytes.ofHex(KEY_HEX);
        KeyBlock kb = KeyBlock.raw(key, CryptographicAlgorithm.AES, 128);
        kb.wipe();
        assertEquals(Bytes.of(new byte[16]), key);
    }

    @Test
    void bytes_copyOnTheWayInAndOut() {
        byte[] raw = {1, 2, 3};
        Bytes b = Bytes.of(raw);
        raw[0] = 9;
        b.toByteArray()[1] = 9;
        assertEquals(Bytes.ofHex("010203"), b);
    }
}
