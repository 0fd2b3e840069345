package dev.kmipjca.server;

import static dev.kmipjca.server.Kmip.KEK_MASK;
import static dev.kmipjca.server.Kmip.V1_0;
import static dev.kmipjca.server.Kmip.V1_4;
import static dev.kmipjca.server.Kmip.V2_0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.protocol.Activate;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.Create;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.Destroy;
import dev.kmipjca.protocol.Get;
import dev.kmipjca.protocol.ObjectType;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.RevocationReason;
import dev.kmipjca.protocol.RevocationReasonCode;
import dev.kmipjca.protocol.Revoke;
import dev.kmipjca.protocol.State;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Create, Activate, Revoke and Destroy, and the state rules between them, at KMIP 1.2, 1.4 and 2.0. */
class LifecycleTest {
    @TempDir
    static Path dir;
    static DevServer server;
    static TestClient client;

    @BeforeAll
    static void start() throws IOException {
        server = Kmip.start(dir);
        client = TestClient.connect(server);
    }

    @AfterAll
    static void stop() throws IOException {
        client.close();
        server.close();
    }

    static final java.util.List<ProtocolVersion> VERSIONS = Kmip.VERSIONS;

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void create_aes256_setsServerAttributesAndStartsPreActive(ProtocolVersion v) throws IOException {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Create.Response r = client.ok(v, Kmip.aes(256, KEK_MASK, "key-" + v), Create.Response.class);
        assertEquals(ObjectType.SYMMETRIC_KEY, r.objectType());
        String uid = r.uniqueIdentifier().text();
        Attributes a = Kmip.attributes(client, v, uid);
        assertEquals(uid, a.get(AttributeKey.UNIQUE_IDENTIFIER).text());
        assertEquals(ObjectType.SYMMETRIC_KEY, a.get(AttributeKey.OBJECT_TYPE));
        assertEquals(CryptographicAlgorithm.AES, a.get(AttributeKey.CRYPTOGRAPHIC_ALGORITHM));
        assertEquals(256, a.get(AttributeKey.CRYPTOGRAPHIC_LENGTH));
        assertEquals(KEK_MASK, a.get(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK));
        assertEquals("key-" + v, a.get(AttributeKey.NAME).value());
        assertEquals(State.PRE_ACTIVE, a.get(AttributeKey.STATE));
        assertTrue(!a.get(AttributeKey.INITIAL_DATE).isBefore(before), "Initial Date " + a.get(AttributeKey.INITIAL_DATE));
        assertEquals(32, Kmip.keyBytes(client, v, uid).length);
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void create_eachAesLength_makesKeyOfThatLength(ProtocolVersion v) throws IOException {
        for (int bits : new int[] {128, 192, 256}) {
            assertEquals(bits / 8, Kmip.keyBytes(client, v, Kmip.create(client, v, bits, KEK_MASK)).length);
        }
    }

    @Test
    void create_atKmip10_works() throws IOException {
        String uid = Kmip.create(client, V1_0, 128, KEK_MASK);
        assertEquals(State.PRE_ACTIVE, Kmip.state(client, V1_0, uid));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void create_withPastActivationDate_startsActive(ProtocolVersion v) throws IOException {
        Instant past = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        Attributes extra = Attributes.builder().add(AttributeKey.ACTIVATION_DATE, past).build();
        String uid = client.ok(v, Kmip.aes(128, KEK_MASK, extra), Create.Response.class).uniqueIdentifier().text();
        Attributes a = Kmip.attributes(client, v, uid);
        assertEquals(State.ACTIVE, a.get(AttributeKey.STATE));
        assertEquals(past, a.get(AttributeKey.ACTIVATION_DATE));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void create_withFutureActivationDate_staysPreActive(ProtocolVersion v) throws IOException {
        Attributes extra = Attributes.builder().add(AttributeKey.ACTIVATION_DATE, Instant.now().plusSeconds(3600)).build();
        String uid = client.ok(v, Kmip.aes(128, KEK_MASK, extra), Create.Response.class).uniqueIdentifier().text();
        assertEquals(State.PRE_ACTIVE, Kmip.state(client, v, uid));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void create_withoutAlgorithmLengthOrMask_isMissingData(ProtocolVersion v) throws IOException {
        Attributes noAlg = Attributes.builder().add(AttributeKey.CRYPTOGRAPHIC_LENGTH, 128)
                .add(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK, 12).build();
        Attributes noLen = Attributes.builder().add(AttributeKey.CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm.AES)
                .add(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK, 12).build();
        Attributes noMask = Attributes.builder().add(AttributeKey.CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm.AES)
                .add(AttributeKey.CRYPTOGRAPHIC_LENGTH, 128).build();
        assertTrue(client.fails(v, Create.Request.of(ObjectType.SYMMETRIC_KEY, noAlg), ResultReason.MISSING_DATA)
                .resultMessage().contains("Cryptographic Algorithm"));
        assertTrue(client.fails(v, Create.Request.of(ObjectType.SYMMETRIC_KEY, noLen), ResultReason.MISSING_DATA)
                .resultMessage().contains("Cryptographic Length"));
        assertTrue(client.fails(v, Create.Request.of(ObjectType.SYMMETRIC_KEY, noMask), ResultReason.MISSING_DATA)
                .resultMessage().contains("Cryptographic Usage Mask"));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void create_otherAlgorithmLengthOrType_isInvalidField(ProtocolVersion v) throws IOException {
        client.fails(v, Create.Request.symmetricKey(CryptographicAlgorithm.TRIPLE_DES, 168, 12, null),
                ResultReason.INVALID_FIELD);
        assertTrue(client.fails(v, Kmip.aes(512, 12, (String) null), ResultReason.INVALID_FIELD)
                .resultMessage().contains("512"));
        Attributes a = Kmip.aes(128, 12, (String) null).attributes();
        assertTrue(client.fails(v, Create.Request.of(ObjectType.SECRET_DATA, a), ResultReason.INVALID_FIELD)
                .resultMessage().contains("Symmetric Keys only"));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void create_withReadOnlyAttribute_isRefused(ProtocolVersion v) throws IOException {
        Attributes extra = Attributes.builder().add(AttributeKey.STATE, State.ACTIVE).build();
        ResultReason expected = v.isKmip2() ? ResultReason.ATTRIBUTE_READ_ONLY : ResultReason.INVALID_FIELD;
        assertTrue(client.fails(v, Kmip.aes(128, 12, extra), expected).resultMessage().contains("State"));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void activate_preActiveKey_becomesActiveWithActivationDate(ProtocolVersion v) throws IOException {
        String uid = Kmip.create(client, v, 128, KEK_MASK);
        assertEquals(uid, client.ok(v, Activate.Request.of(uid), Activate.Response.class).uniqueIdentifier().text());
        Attributes a = Kmip.attributes(client, v, uid);
        assertEquals(State.ACTIVE, a.get(AttributeKey.STATE));
        assertNotNull(a.get(AttributeKey.ACTIVATION_DATE));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void activate_activeKey_isWrongStateForTheVersion(ProtocolVersion v) throws IOException {
        String uid = Kmip.activeKey(client, v);
        ResultReason expected = v.isKmip2() ? ResultReason.WRONG_KEY_LIFECYCLE_STATE : ResultReason.PERMISSION_DENIED;
        assertTrue(client.fails(v, Activate.Request.of(uid), expected).resultMessage().contains("Pre-Active"));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void activate_unknownUid_isItemNotFound(ProtocolVersion v) throws IOException {
        assertTrue(client.fails(v, Activate.Request.of("no-such-key"), ResultReason.ITEM_NOT_FOUND)
                .resultMessage().contains("no-such-key"));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void revoke_activeKeySuperseded_becomesDeactivated(ProtocolVersion v) throws IOException {
        String uid = Kmip.activeKey(client, v);
        client.ok(v, Revoke.Request.of(uid, RevocationReasonCode.SUPERSEDED), Revoke.Response.class);
        Attributes a = Kmip.attributes(client, v, uid);
        assertEquals(State.DEACTIVATED, a.get(AttributeKey.STATE));
        assertNotNull(a.get(AttributeKey.DEACTIVATION_DATE));
        assertEquals(RevocationReasonCode.SUPERSEDED, a.get(AttributeKey.REVOCATION_REASON).code());
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void revoke_keyCompromise_becomesCompromisedWithOccurrenceDate(ProtocolVersion v) throws IOException {
        String uid = Kmip.create(client, v, 128, KEK_MASK);
        Instant when = Instant.parse("2024-01-02T03:04:05Z");
        client.ok(v, new Revoke.Request(Kmip.id(uid), RevocationReason.of(RevocationReasonCode.KEY_COMPROMISE), when),
                Revoke.Response.class);
        Attributes a = Kmip.attributes(client, v, uid);
        assertEquals(State.COMPROMISED, a.get(AttributeKey.STATE));
        assertEquals(when, a.get(AttributeKey.COMPROMISE_OCCURRENCE_DATE));
        assertNotNull(a.get(AttributeKey.COMPROMISE_DATE));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void revoke_keyCompromiseWithoutOccurrenceDate_isMissingData(ProtocolVersion v) throws IOException {
        String uid = Kmip.activeKey(client, v);
        client.fails(v, Revoke.Request.of(uid, RevocationReasonCode.KEY_COMPROMISE), ResultReason.MISSING_DATA);
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void revoke_preActiveKeyForNonCompromise_isWrongState(ProtocolVersion v) throws IOException {
        String uid = Kmip.create(client, v, 128, KEK_MASK);
        ResultReason expected = v.isKmip2() ? ResultReason.WRONG_KEY_LIFECYCLE_STATE : ResultReason.PERMISSION_DENIED;
        client.fails(v, Revoke.Request.of(uid, RevocationReasonCode.CESSATION_OF_OPERATION), expected);
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void destroy_activeKey_isRefusedUntilRevoked(ProtocolVersion v) throws IOException {
        String uid = Kmip.activeKey(client, v);
        ResultReason expected = v.isKmip2() ? ResultReason.WRONG_KEY_LIFECYCLE_STATE : ResultReason.PERMISSION_DENIED;
        assertTrue(client.fails(v, Destroy.Request.of(uid), expected).resultMessage().contains("Active"));
        client.ok(v, Revoke.Request.of(uid, RevocationReasonCode.SUPERSEDED), Revoke.Response.class);
        client.ok(v, Destroy.Request.of(uid), Destroy.Response.class);
        Attributes a = Kmip.attributes(client, v, uid);
        assertEquals(State.DESTROYED, a.get(AttributeKey.STATE));
        assertNotNull(a.get(AttributeKey.DESTROY_DATE));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void destroy_preActiveKey_deletesMaterialAndGetFails(ProtocolVersion v) throws IOException {
        String uid = Kmip.create(client, v, 128, KEK_MASK);
        client.ok(v, Destroy.Request.of(uid), Destroy.Response.class);
        ResultReason gone = v.isKmip2() ? ResultReason.OBJECT_DESTROYED : ResultReason.ITEM_NOT_FOUND;
        assertTrue(client.fails(v, Get.Request.of(uid), gone).resultMessage().contains("destroyed"));
        client.fails(v, Destroy.Request.of(uid), gone);
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void destroy_compromisedKey_becomesDestroyedCompromised(ProtocolVersion v) throws IOException {
        String uid = Kmip.activeKey(client, v);
        client.ok(v, new Revoke.Request(Kmip.id(uid), RevocationReason.of(RevocationReasonCode.KEY_COMPROMISE),
                Instant.now()), Revoke.Response.class);
        client.ok(v, Destroy.Request.of(uid), Destroy.Response.class);
        assertEquals(State.DESTROYED_COMPROMISED, Kmip.state(client, v, uid));
    }

    @Test
    void activationDateSetWhilePreActive_activatesWhenItComes() throws IOException {
        String uid = Kmip.create(client, V2_0, 128, KEK_MASK);
        client.ok(V2_0, new dev.kmipjca.protocol.SetAttribute.Request(Kmip.id(uid), dev.kmipjca.protocol.Attribute.of(
                AttributeKey.ACTIVATION_DATE, Instant.now().minusSeconds(1))), dev.kmipjca.protocol.SetAttribute.Response.class);
        assertEquals(State.ACTIVE, Kmip.state(client, V1_4, uid));
    }
}
