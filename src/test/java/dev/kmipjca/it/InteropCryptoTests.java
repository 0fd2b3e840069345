package dev.kmipjca.it;

import static dev.kmipjca.protocol.CryptographicUsageMask.ENCRYPT;
import static dev.kmipjca.protocol.CryptographicUsageMask.WRAP_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.client.BatchResult;
import dev.kmipjca.client.EncryptResult;
import dev.kmipjca.client.KeyMaterial;
import dev.kmipjca.client.KmipClient;
import dev.kmipjca.client.ObjectSpec;
import dev.kmipjca.client.RetrievedObject;
import dev.kmipjca.it.KmipServerUnderTest.Difference;
import dev.kmipjca.protocol.Attribute;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.BlockCipherMode;
import dev.kmipjca.protocol.Create;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.CryptographicParameters;
import dev.kmipjca.protocol.GetAttributes;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.Name;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.PaddingMethod;
import dev.kmipjca.protocol.QueryFunction;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.State;
import dev.kmipjca.protocol.WrappingMethod;
import java.security.Key;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Server-side Encrypt/Decrypt (checked against a local SunJCE decryption with the key from Get), Get
 * wrapped with NIST key wrap (unwrapped locally with SunJCE AESWrap), batches and attribute changes.
 */
abstract class InteropCryptoTests extends InteropTests {
    static final CryptographicParameters CBC = CryptographicParameters.builder().blockCipherMode(BlockCipherMode.CBC)
            .paddingMethod(PaddingMethod.PKCS5).cryptographicAlgorithm(CryptographicAlgorithm.AES).build();
    static final CryptographicParameters GCM = CryptographicParameters.builder().blockCipherMode(BlockCipherMode.GCM)
            .cryptographicAlgorithm(CryptographicAlgorithm.AES).tagLength(16).build();

    @ParameterizedTest
    @MethodSource("versions")
    void aesCbc_serverCiphertextDecryptsLocally_andBack(String version) throws Exception {
        if (!atLeast(version, "1.2")) {
            assertThrows(UnsupportedOperationException.class, () -> a(version).encrypt("1", CBC, new byte[16], null, null));
            record(version, "Encrypt / Decrypt AES-CBC-PKCS5", "not sent (a 1.2 operation)");
            return;
        }
        KmipClient c = a(version);
        String uid = encryptionKey(version);
        byte[] plaintext = random(40);

        EncryptResult r = c.encrypt(uid, CBC, plaintext, null, null);

        assertEquals(16, r.iv().length(), "the server chose a 16-byte IV");
        assertEquals(48, r.ciphertext().length());
        Cipher local = Cipher.getInstance("AES/CBC/PKCS5Padding", "SunJCE");
        local.init(Cipher.DECRYPT_MODE, aes(version, uid), new IvParameterSpec(r.iv().toByteArray()));
        assertBytes(plaintext, local.doFinal(r.ciphertext().toByteArray()), "SunJCE decryption of the server's CBC");
        try (KeyMaterial back = c.decrypt(uid, CBC, r.ciphertext().toByteArray(), r.iv().toByteArray(), null, null)) {
            assertBytes(plaintext, back.toByteArray(), "server decryption");
        }
        ok(version, "Encrypt / Decrypt AES-CBC-PKCS5");
    }

    @ParameterizedTest
    @MethodSource("versions")
    void aesGcm_withAadAndTag_decryptsLocally_andAWrongTagFails(String version) throws Exception {
        KmipClient c = a(version);
        if (!atLeast(version, "1.4")) {
            assertThrows(UnsupportedOperationException.class, () -> c.encrypt("1", GCM, new byte[16], null, null));
            record(version, "Encrypt / Decrypt AES-GCM (AAD, tag)", atLeast(version, "1.2") ? "not sent (needs 1.4)"
                    : "not sent (a 1.2 operation)");
            return;
        }
        String uid = encryptionKey(version);
        byte[] plaintext = random(32);
        byte[] nonce = random(12);
        byte[] aad = "keystore v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        EncryptResult r = c.encrypt(uid, GCM, plaintext, nonce, aad);

        assertEquals(32, r.ciphertext().length());
        assertEquals(16, r.tag().length());
        Cipher local = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        local.init(Cipher.DECRYPT_MODE, aes(version, uid), new GCMParameterSpec(128, nonce));
        local.updateAAD(aad);
        local.update(r.ciphertext().toByteArray());
        assertBytes(plaintext, local.doFinal(r.tag().toByteArray()), "SunJCE decryption of the server's GCM");
        try (KeyMaterial back = c.decrypt(uid, GCM, r.ciphertext().toByteArray(), nonce, aad, r.tag().toByteArray())) {
            assertBytes(plaintext, back.toByteArray(), "server decryption");
        }
        ok(version, "Encrypt / Decrypt AES-GCM (AAD, tag)");
        byte[] badTag = r.tag().toByteArray();
        badTag[0] ^= 1;
        failsWith(version, "Decrypt AES-GCM with a wrong tag", expected(Difference.GCM_WRONG_TAG, version),
                () -> c.decrypt(uid, GCM, r.ciphertext().toByteArray(), nonce, aad, badTag));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void getWrappedWithNistKeyWrap_unwrapsLocallyToTheKey(String version) throws Exception {
        KmipClient c = a(version);
        String kek = activeKey(version, WRAP_KEY);
        String key = c.create(CryptographicAlgorithm.AES, 256, ObjectSpec.of(unique("wrapped"), ENCRYPT));
        ResultReason refused = expected(Difference.GET_WRAPPED, version);
        if (refused != null) { // PyKMIP needs Encoding Option, a 1.1 field
            failsWith(version, "Get wrapped (NIST key wrap)", refused, () -> c.getWrapped(key, kek));
            return;
        }

        try (RetrievedObject wrapped = c.getWrapped(key, kek)) {
            assertTrue(wrapped.isWrapped());
            assertEquals(WrappingMethod.ENCRYPT, wrapped.keyWrappingData().wrappingMethod());
            assertEquals(40, wrapped.material().length(), "RFC 3394 adds 8 bytes");
            Cipher unwrap = Cipher.getInstance("AESWrap", "SunJCE");
            unwrap.init(Cipher.UNWRAP_MODE, aes(version, kek));
            Key k = unwrap.unwrap(wrapped.material().toByteArray(), "AES", Cipher.SECRET_KEY);
            assertBytes(rawKey(version, key), k.getEncoded(), "the unwrapped key");
        }
        ok(version, "Get wrapped (NIST key wrap)");
    }

    @ParameterizedTest
    @MethodSource("versions")
    void batch_createGetAttributesAndGetWithThePlaceholder_inOneRoundTrip(String version) throws Exception {
        KmipClient c = a(version);
        c.capabilities();
        long before = c.roundTrips();

        BatchResult r = c.batch().create(CryptographicAlgorithm.AES, 256, ObjectSpec.of(unique("batch"), ENCRYPT))
                .getAttributes(null, "State").get(null).execute();

        assertEquals(before + 1, c.roundTrips());
        assertTrue(r.allSucceeded());
        String uid = r.item(0).payload(Create.Response.class).uniqueIdentifier().toString();
        assertEquals(State.PRE_ACTIVE, r.item(1).payload(GetAttributes.Response.class).attributes().get(AttributeKey.STATE));
        try (RetrievedObject o = r.item(2).retrievedObject()) {
            assertEquals(uid, o.uniqueIdentifier());
            assertEquals(32, o.material().length());
        }
        ok(version, "Batch: Create + Get Attributes + Get (ID Placeholder)");

        BatchResult stop = c.batch().get("987654321").query(QueryFunction.QUERY_OPERATIONS).execute();
        assertEquals(ResultReason.ITEM_NOT_FOUND, stop.item(0).reason());
        assertFalse(stop.item(1).executed());
        BatchResult cont = c.batch().get("987654321").query(QueryFunction.QUERY_OPERATIONS).continueOnError().execute();
        assertEquals(ResultReason.ITEM_NOT_FOUND, cont.item(0).reason());
        assertTrue(cont.item(1).isSuccess());
        ok(version, "Batch with a failed item (Stop, Continue)");
    }

    @ParameterizedTest
    @MethodSource("versions")
    void attributeChanges_inTheVersionsForm(String version) throws Exception {
        KmipClient c = a(version);
        String name = unique("attrs");
        String uid = c.create(CryptographicAlgorithm.AES, 128, ObjectSpec.builder().name(name).usageMask(ENCRYPT)
                .objectGroup("group-1").build());
        Attribute renamed = Attribute.of(AttributeKey.NAME, Name.of(name + "-renamed"));

        c.modifyAttribute(uid, Attribute.of(AttributeKey.NAME, Name.of(name)), renamed);
        assertEquals(Name.of(name + "-renamed"), c.getAttributes(uid, "Name").get(AttributeKey.NAME));
        ok(version, "Modify Attribute (Name)");
        Attribute group = Attribute.of(AttributeKey.OBJECT_GROUP, "group-1");
        ResultReason byName = expected(Difference.DELETE_ATTRIBUTE_BY_NAME, version);
        if (byName != null) {
            failsWith(version, "Delete Attribute by name (Attribute Reference)", byName,
                    () -> c.deleteAttribute(uid, "Object Group"));
        } else {
            c.deleteAttribute(uid, "Object Group");
            assertNull(c.getAttributes(uid).get(AttributeKey.OBJECT_GROUP));
            ok(version, "Delete Attribute by name (Attribute Reference)");
        }
        if (atLeast(version, "2.0")) {
            String other = c.create(CryptographicAlgorithm.AES, 128, ObjectSpec.builder().name(unique("attrs"))
                    .usageMask(ENCRYPT).objectGroup("group-1").build());
            c.deleteAttribute(other, group);
            assertNull(c.getAttributes(other).get(AttributeKey.OBJECT_GROUP));
            ok(version, "Delete Attribute by value (Current Attribute)");
            if (byName != null) {
                c.deleteAttribute(uid, group);
            }
        }
        // all attributes: at 2.0 PyKMIP cannot encode an answer without attributes and sends nothing
        assertNull(c.getAttributes(uid).get(AttributeKey.OBJECT_GROUP));
        Attribute group2 = Attribute.of(AttributeKey.OBJECT_GROUP, "group-2");
        ResultReason add = expected(Difference.ADD_ATTRIBUTE, version);
        if (add != null) {
            failsWith(version, "Add Attribute", add, () -> c.addAttribute(uid, group2));
        } else {
            c.addAttribute(uid, group2);
            assertEquals("group-2", c.getAttributes(uid).get(AttributeKey.OBJECT_GROUP));
            ok(version, "Add Attribute");
        }
        assertEquals(add == null, c.probe(Operation.ADD_ATTRIBUTE));
        if (atLeast(version, "2.0")) {
            c.setAttribute(uid, Attribute.of(AttributeKey.SENSITIVE, true));
            assertEquals(Boolean.TRUE, c.getAttributes(uid, "Sensitive").get(AttributeKey.SENSITIVE));
            ok(version, "Set Attribute (Sensitive)");
        }
    }

    private Key aes(String version, String uid) throws Exception {
        byte[] raw = rawKey(version, uid);
        try {
            return new SecretKeySpec(raw, "AES");
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
    }
}
