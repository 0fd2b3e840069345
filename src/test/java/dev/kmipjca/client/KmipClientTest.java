package dev.kmipjca.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.BlockCipherMode;
import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.Create;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.CryptographicParameters;
import dev.kmipjca.protocol.CryptographicUsageMask;
import dev.kmipjca.protocol.EncodingOption;
import dev.kmipjca.protocol.Get;
import dev.kmipjca.protocol.Name;
import dev.kmipjca.protocol.ObjectType;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.PaddingMethod;
import dev.kmipjca.protocol.ReKey;
import dev.kmipjca.protocol.Register;
import dev.kmipjca.protocol.RequestBatchItem;
import dev.kmipjca.protocol.RequestHeader;
import dev.kmipjca.protocol.RequestMessage;
import dev.kmipjca.protocol.SecretData;
import dev.kmipjca.protocol.SecretDataType;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KmipClientTest {
    private static final CryptographicParameters GCM = CryptographicParameters.builder()
            .blockCipherMode(BlockCipherMode.GCM).cryptographicAlgorithm(CryptographicAlgorithm.AES).tagLength(16).build();
    private static final CryptographicParameters CBC = CryptographicParameters.builder()
            .blockCipherMode(BlockCipherMode.CBC).paddingMethod(PaddingMethod.PKCS5)
            .cryptographicAlgorithm(CryptographicAlgorithm.AES).build();

    @TempDir
    Path dir;

    @Test
    void create_sendsAlgorithmLengthUsageAndName_andReturnsTheIdentifier() throws Exception {
        try (Harness h = Harness.pinned(dir, "1.4")) {
            int usage = CryptographicUsageMask.ENCRYPT | CryptographicUsageMask.DECRYPT;
            String uid = h.client.create(CryptographicAlgorithm.AES, 256, ObjectSpec.builder().name("kek-1")
                    .usageMask(usage).operationPolicyName("shared").build());

            assertEquals("1", uid);
            Create.Request sent = (Create.Request) h.server.lastRequest().batchItems().get(0).payload();
            assertEquals(ObjectType.SYMMETRIC_KEY, sent.objectType());
            Attributes a = sent.attributes();
            assertEquals(List.of("Cryptographic Algorithm", "Cryptographic Length", "Cryptographic Usage Mask", "Name",
                    "Operation Policy Name"), a.list().stream().map(x -> x.name()).toList());
            assertEquals(CryptographicAlgorithm.AES, a.get(AttributeKey.CRYPTOGRAPHIC_ALGORITHM));
            assertEquals(256, a.get(AttributeKey.CRYPTOGRAPHIC_LENGTH));
            assertEquals(usage, a.get(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK));
            assertEquals(Name.of("kek-1"), a.get(AttributeKey.NAME));
        }
    }

    @Test
    void requests_carryAFreshBatchItemIdAndNoTimeStampCorrelationOrAttestation() throws Exception {
        try (Harness h = Harness.pinned(dir, "1.4")) {
            h.client.get("1").close();
            h.client.getAttributes("1");
            h.client.activate("1");

            Set<Bytes> ids = new HashSet<>();
            for (RequestMessage m : h.server.requests) {
                RequestHeader header = m.header();
                assertNull(header.timeStamp());
                assertNull(header.clientCorrelationValue());
                assertNull(header.attestationCapableIndicator());
                assertTrue(header.attestationTypes().isEmpty());
                assertNull(header.asynchronousIndicator());
                RequestBatchItem item = m.batchItems().get(0);
                assertEquals(8, item.uniqueBatchItemId().length());
                assertTrue(ids.add(item.uniqueBatchItemId()), "IDs are not reused");
            }
        }
    }

    @Test
    void get_returnsTheKeyInAHolderThatWipesOnClose() throws Exception {
        try (Harness h = Harness.pinned(dir, "2.0")) {
            RetrievedObject o = h.client.get("42");
            KeyMaterial key = o.material();

            assertEquals(ObjectType.SYMMETRIC_KEY, o.objectType());
            assertEquals(CryptographicAlgorithm.AES, o.algorithm());
            assertEquals(256, o.lengthBits());
            assertFalse(o.isWrapped());
            assertArrayEquals(FakeKmip.keyOf("42"), key.toByteArray());
            assertEquals("KeyMaterial[32 bytes]", key.toString());
            assertEquals("RetrievedObject{42, Symmetric Key, Raw, KeyMaterial[32 bytes]}", o.toString());

            o.close();

            assertTrue(key.isWiped());
            assertEquals("the key material was wiped",
                    assertThrows(IllegalStateException.class, key::toByteArray).getMessage());
        }
    }

    @Test
    void getWrapped_asksForNistKeyWrap_withNoEncodingFrom11() throws Exception {
        for (String version : List.of("1.0", "1.4")) {
            try (Harness h = Harness.pinned(dir, version)) {
                h.client.getWrapped("7", "9").close();

                Get.Request sent = (Get.Request) h.server.lastRequest().batchItems().get(0).payload();
                var spec = sent.keyWrappingSpecification();
                assertEquals("9", spec.encryptionKeyInformation().uniqueIdentifier().toString());
                assertEquals(BlockCipherMode.NIST_KEY_WRAP,
                        spec.encryptionKeyInformation().cryptographicParameters().blockCipherMode());
                assertEquals(version.equals("1.0") ? null : EncodingOption.NO_ENCODING, spec.encodingOption());
            }
        }
    }

    @Test
    void register_sendsTheObjectWithItsAttributes() throws Exception {
        try (Harness h = Harness.pinned(dir, "2.0")) {
            byte[] secret = "hunter2".getBytes(UTF_8);
            String uid = h.client.registerSecretData(secret, SecretDataType.PASSWORD, ObjectSpec.of("pw",
                    CryptographicUsageMask.VERIFY));

            assertEquals("1", uid);
            assertArrayEquals("hunter2".getBytes(UTF_8), secret, "the caller's array is left alone");
            Register.Request sent = (Register.Request) h.server.lastRequest().batchItems().get(0).payload();
            SecretData object = (SecretData) sent.object();
            assertEquals(SecretDataType.PASSWORD, object.secretDataType());
            assertArrayEquals(secret, object.keyBlock().keyValue().keyMaterial().toByteArray());
            assertEquals(Name.of("pw"), sent.attributes().get(AttributeKey.NAME));
        }
    }

    @Test
    void encryptAndDecrypt_carryParametersIvAadAndTag() throws Exception {
        try (Harness h = Harness.pinned(dir, "1.4")) {
            EncryptResult r = h.client.encrypt("5", GCM, new byte[] {1, 2, 3}, new byte[12], new byte[] {9});

            assertArrayEquals(new byte[] {1, 2, 3}, r.ciphertext().toByteArray());
            assertEquals(12, r.iv().length());
            assertEquals(16, r.tag().length());
            try (KeyMaterial plain = h.client.decrypt("5", GCM, new byte[] {4, 5}, new byte[12], new byte[] {9}, new byte[16])) {
                assertArrayEquals(new byte[] {4, 5}, plain.toByteArray());
            }
        }
    }

    @Test
    void aesGcmBelow14_isRefusedBeforeAnythingIsSent() throws Exception {
        try (Harness h = Harness.pinned(dir, "1.2")) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> h.client.encrypt("5", GCM, new byte[16], null, null));

            assertEquals("AES-GCM Encrypt needs KMIP 1.4 or later (the Authenticated Encryption Tag and Additional Data"
                    + " fields); the version negotiated with 127.0.0.1:" + h.server.port() + " is 1.2", e.getMessage());
            assertTrue(h.server.requests.isEmpty());
            h.client.encrypt("5", CBC, new byte[16], null, null);
            assertEquals(List.of("Encrypt"), h.server.operations());
        }
    }

    @Test
    void encryptBelow12_isRefusedBeforeAnythingIsSent() throws Exception {
        try (Harness h = Harness.pinned(dir, "1.0")) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> h.client.decrypt("5", CBC, new byte[16], null, null, null));

            assertEquals("Decrypt is a KMIP 1.2 operation; the version negotiated with 127.0.0.1:" + h.server.port()
                    + " is 1.0", e.getMessage());
            assertTrue(h.server.requests.isEmpty());
        }
    }

    @Test
    void locateWithOffsetBelow13_isRefused_andAt14ReturnsTheCount() throws Exception {
        LocateFilter filter = LocateFilter.builder().name("kek").objectType(ObjectType.SYMMETRIC_KEY).maxItems(5)
                .offsetItems(1).build();
        try (Harness h = Harness.pinned(dir, "1.2")) {
            assertThrows(UnsupportedOperationException.class, () -> h.client.locate(filter));
        }
        try (Harness h = Harness.pinned(dir, "1.4")) {
            assertEquals(new LocateResult(List.of("1"), 1), h.client.locate(filter));
        }
    }

    @Test
    void capabilities_areAskedOncePerServer() throws Exception {
        try (Harness h = Harness.pinned(dir, "2.0")) {
            Capabilities c = h.client.capabilities();

            assertEquals("Fake KMIP", c.vendorIdentification());
            assertEquals(List.of(ObjectType.SYMMETRIC_KEY), c.objectTypes());
            assertTrue(h.client.supports(Operation.ENCRYPT));
            assertFalse(h.client.supports(Operation.REKEY));
            assertEquals(c, h.client.capabilities(h.client.servers().get(0)));
            assertEquals(List.of("Query"), h.server.operations());
        }
    }

    @Test
    void probe_readsOperationNotSupported_andIsCached() throws Exception {
        try (Harness h = Harness.pinned(dir, "1.4")) {
            assertFalse(h.client.probeReKey());
            assertFalse(h.client.probeReKey());
            assertTrue(h.client.probe(Operation.MODIFY_ATTRIBUTE));
            assertFalse(h.client.probe(Operation.SET_ATTRIBUTE), "a 2.0 operation, not asked at 1.4");

            assertEquals(List.of("Re-key", "Modify Attribute"), h.server.operations());
            assertEquals(Requests.PROBE_ID, ((ReKey.Request) h.server.requests.get(0).batchItems().get(0).payload())
                    .uniqueIdentifier().toString());
            assertThrows(IllegalArgumentException.class, () -> h.client.probe(Operation.CREATE));
        }
    }
}
