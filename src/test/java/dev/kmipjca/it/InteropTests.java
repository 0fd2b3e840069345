package dev.kmipjca.it;

import static dev.kmipjca.protocol.CryptographicUsageMask.DECRYPT;
import static dev.kmipjca.protocol.CryptographicUsageMask.ENCRYPT;
import static dev.kmipjca.protocol.CryptographicUsageMask.SIGN;
import static dev.kmipjca.protocol.CryptographicUsageMask.VERIFY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.client.KmipClient;
import dev.kmipjca.client.LocateFilter;
import dev.kmipjca.client.ObjectSpec;
import dev.kmipjca.client.RetrievedObject;
import dev.kmipjca.it.KmipServerUnderTest.Identity;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.KeyFormatType;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.Name;
import dev.kmipjca.protocol.ObjectType;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.RevocationReasonCode;
import dev.kmipjca.protocol.SecretDataType;
import dev.kmipjca.protocol.State;
import dev.kmipjca.transport.PemCredentials;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operations every KMIP server under test must serve, at KMIP 1.0, 1.2, 1.4 and 2.0: discovery,
 * the key lifecycle, registration, owner isolation and the typed error paths. Cryptography, batches
 * and attribute changes are in {@link InteropCryptoTests}.
 */
abstract class InteropTests extends KmipInteropSuite {

    @Test
    void unpinnedClient_negotiatesTheServersHighestVersion() throws Exception {
        try (KmipClient c = KmipClient.open(server.settings(Identity.A).build(), null)) {
            assertEquals(ProtocolVersion.V2_0, c.protocolVersion());
            assertEquals(2, c.roundTrips(), "Discover Versions under 2.1 (Invalid Message), then under 2.0");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.2", "1.4", "2.0"})
    void discoverVersions_listsTheServersVersions(String version) throws Exception {
        if (version.equals("1.0")) {
            fails(version, "Discover Versions", KmipResultException.OperationNotSupported.class,
                    () -> a(version).discoverVersions());
            return;
        }
        assertEquals(List.of(ProtocolVersion.V2_0, ProtocolVersion.V1_4, ProtocolVersion.V1_3, ProtocolVersion.V1_2,
                ProtocolVersion.V1_1, ProtocolVersion.V1_0), a(version).discoverVersions());
        ok(version, "Discover Versions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.2", "1.4", "2.0"})
    void query_listsTheOperationsOfTheVersion(String version) throws Exception {
        var caps = a(version).capabilities();

        assertEquals(v(version), caps.protocolVersion());
        for (Operation op : List.of(Operation.CREATE, Operation.REGISTER, Operation.LOCATE, Operation.GET,
                Operation.GET_ATTRIBUTES, Operation.ACTIVATE, Operation.REVOKE, Operation.DESTROY, Operation.QUERY)) {
            assertTrue(caps.supports(op), op + " at " + version);
        }
        assertEquals(atLeast(version, "1.2"), caps.supports(Operation.ENCRYPT));
        assertEquals(atLeast(version, "1.1"), caps.supports(Operation.DISCOVER_VERSIONS));
        assertFalse(caps.supports(Operation.MODIFY_ATTRIBUTE), "PyKMIP under-reports Modify Attribute");
        assertTrue(a(version).probe(Operation.MODIFY_ATTRIBUTE), "but serves it");
        record(version, "Query (Operations, Objects, Server Information)", "ok: " + caps.operations().size()
                + " operations, vendor " + caps.vendorIdentification());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.2", "1.4", "2.0"})
    void keyLifecycle_createLocateGetActivateRevokeDestroy(String version) throws Exception {
        KmipClient c = a(version);
        String name = unique("lifecycle");

        String uid = c.create(CryptographicAlgorithm.AES, 256, ObjectSpec.of(name, ENCRYPT | DECRYPT));
        ok(version, "Create AES-256 (Name, Usage Mask)");
        assertEquals(List.of(uid), c.locate(LocateFilter.byName(name)).uniqueIdentifiers());
        ok(version, "Locate by Name");
        Attributes attrs = c.getAttributes(uid);
        assertEquals(State.PRE_ACTIVE, attrs.get(AttributeKey.STATE));
        assertEquals(CryptographicAlgorithm.AES, attrs.get(AttributeKey.CRYPTOGRAPHIC_ALGORITHM));
        assertEquals(256, attrs.get(AttributeKey.CRYPTOGRAPHIC_LENGTH));
        assertEquals(Name.of(name), attrs.get(AttributeKey.NAME));
        assertEquals(ENCRYPT | DECRYPT, attrs.get(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK));
        ok(version, "Get Attributes");
        assertTrue(c.getAttributeList(uid).contains("State"));
        ok(version, "Get Attribute List");

        c.activate(uid);
        assertEquals(State.ACTIVE, c.getAttributes(uid, "State").get(AttributeKey.STATE));
        ok(version, "Activate");
        try (RetrievedObject key = c.get(uid, KeyFormatType.RAW)) {
            assertEquals(ObjectType.SYMMETRIC_KEY, key.objectType());
            assertEquals(KeyFormatType.RAW, key.keyFormatType());
            assertEquals(CryptographicAlgorithm.AES, key.algorithm());
            assertEquals(32, key.material().length());
        }
        ok(version, "Get (Raw)");
        fails(version, "Destroy while Active", KmipResultException.PermissionDenied.class, () -> c.destroy(uid));

        c.revoke(uid, RevocationReasonCode.CESSATION_OF_OPERATION, "retired by the IT", null);
        assertEquals(State.DEACTIVATED, c.getAttributes(uid, "State").get(AttributeKey.STATE));
        ok(version, "Revoke (Cessation of Operation)");
        c.destroy(uid);
        ok(version, "Destroy");
        fails(version, "Get after Destroy", KmipResultException.ItemNotFound.class, () -> c.get(uid));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.2", "1.4", "2.0"})
    void revokeForKeyCompromise_worksFromAnyState(String version) throws Exception {
        KmipClient c = a(version);
        String uid = c.create(CryptographicAlgorithm.AES, 128, ObjectSpec.of(unique("compromised"), ENCRYPT));

        c.revoke(uid, RevocationReasonCode.KEY_COMPROMISE, null, Instant.now().minusSeconds(60));

        assertEquals(State.COMPROMISED, c.getAttributes(uid, "State").get(AttributeKey.STATE));
        c.destroy(uid);
        ok(version, "Revoke (Key Compromise, with date)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.2", "1.4", "2.0"})
    void register_symmetricKeySecretDataPrivateKeyAndCertificate_comeBackUnchanged(String version) throws Exception {
        KmipClient c = a(version);
        byte[] aes = random(16);
        String key = c.registerSymmetricKey(aes, CryptographicAlgorithm.AES, ObjectSpec.of(unique("reg"), ENCRYPT));
        try (RetrievedObject o = c.get(key)) {
            assertBytes(aes, o.material().toByteArray(), "registered key");
            assertEquals(128, o.lengthBits());
        }
        ok(version, "Register Symmetric Key");

        byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
        String secret = c.registerSecretData(password, SecretDataType.PASSWORD,
                ObjectSpec.of(unique("secret"), VERIFY));
        try (RetrievedObject o = c.get(secret)) {
            assertEquals(ObjectType.SECRET_DATA, o.objectType());
            assertBytes(password, o.material().toByteArray(), "registered secret");
        }
        ok(version, "Register Secret Data");

        byte[] pkcs8 = KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate().getEncoded();
        String priv = c.registerPrivateKey(pkcs8, CryptographicAlgorithm.EC, 256,
                ObjectSpec.of(unique("private"), SIGN));
        try (RetrievedObject o = c.get(priv)) {
            assertEquals(ObjectType.PRIVATE_KEY, o.objectType());
            assertEquals(KeyFormatType.PKCS_8, o.keyFormatType());
            assertBytes(pkcs8, o.material().toByteArray(), "registered PKCS#8");
        }
        ok(version, "Register Private Key (PKCS#8)");

        byte[] der = PemCredentials.loadCertificates(server.credentials().caFile()).get(0)
                .getEncoded();
        String cert = c.registerCertificate(der, ObjectSpec.of(unique("cert"),
                VERIFY));
        try (RetrievedObject o = c.get(cert)) {
            assertEquals(ObjectType.CERTIFICATE, o.objectType());
            assertBytes(der, o.material().toByteArray(), "registered certificate");
        }
        ok(version, "Register Certificate (X.509)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.2", "1.4", "2.0"})
    void anotherIdentity_cannotLocateOrGetTheObject(String version) throws Exception {
        String name = unique("isolated");
        String uid = a(version).create(CryptographicAlgorithm.AES, 256, ObjectSpec.of(name, ENCRYPT));
        KmipClient b = client(Identity.B, version);

        assertEquals(List.of(), b.locate(LocateFilter.byName(name)).uniqueIdentifiers());
        record(version, "Locate as another identity", "nothing found");
        fails(version, "Get as another identity", KmipResultException.PermissionDenied.class, () -> b.get(uid));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.2", "1.4", "2.0"})
    void objectUnderTheSharedPolicy_isVisibleToAnotherIdentity(String version) throws Exception {
        ObjectSpec spec = ObjectSpec.builder().name(unique("shared")).usageMask(ENCRYPT)
                .operationPolicyName(server.sharedPolicyName()).build();
        if (atLeast(version, "2.0")) {
            fails(version, "Create with Operation Policy Name", KmipResultException.InvalidMessage.class,
                    () -> a(version).create(CryptographicAlgorithm.AES, 256, spec));
            return;
        }
        String uid = a(version).create(CryptographicAlgorithm.AES, 256, spec);
        ok(version, "Create with Operation Policy Name");

        try (RetrievedObject o = client(Identity.B, version).get(uid)) {
            assertBytes(rawKey(version, uid), o.material().toByteArray(), "the same key");
        }
        ok(version, "Get as another identity (Operation Policy Name shared)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.2", "1.4", "2.0"})
    void errors_surfaceAsTypedExceptions(String version) throws Exception {
        KmipClient c = a(version);
        KmipResultException e = fails(version, "Get unknown id", KmipResultException.ItemNotFound.class,
                () -> c.get("987654321"));
        assertEquals(Operation.GET, e.operation());

        fails(version, "Re-key", KmipResultException.OperationNotSupported.class, () -> c.reKey("987654321"));
        assertFalse(c.probeReKey());
        assertNull(c.capabilities().operations().stream().filter(Operation.REKEY::equals).findAny().orElse(null));
    }
}
