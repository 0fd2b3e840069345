package dev.kmipjca.it;

import static dev.kmipjca.protocol.CryptographicUsageMask.DECRYPT;
import static dev.kmipjca.protocol.CryptographicUsageMask.ENCRYPT;
import static dev.kmipjca.protocol.CryptographicUsageMask.SIGN;
import static dev.kmipjca.protocol.CryptographicUsageMask.VERIFY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kmipjca.client.KmipClient;
import dev.kmipjca.client.LocateFilter;
import dev.kmipjca.client.ObjectSpec;
import dev.kmipjca.client.RetrievedObject;
import dev.kmipjca.it.KmipServerUnderTest.Difference;
import dev.kmipjca.it.KmipServerUnderTest.Identity;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.KeyFormatType;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.Link;
import dev.kmipjca.protocol.LinkType;
import dev.kmipjca.protocol.Name;
import dev.kmipjca.protocol.ObjectType;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.RevocationReasonCode;
import dev.kmipjca.protocol.SecretDataType;
import dev.kmipjca.protocol.State;
import dev.kmipjca.protocol.UniqueId;
import dev.kmipjca.transport.PemCredentials;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operations every KMIP server under test must serve, at each of {@link #versions()}: discovery,
 * the key lifecycle, registration, owner isolation, Re-key where served, and the typed error paths.
 * Cryptography, batches and attribute changes are in {@link InteropCryptoTests}.
 */
abstract class InteropTests extends KmipInteropSuite {

    @Test
    void unpinnedClient_negotiatesTheServersHighestVersion() throws Exception {
        try (KmipClient c = KmipClient.open(server.settings(Identity.A).build(), null)) {
            ProtocolVersion highest = server.versions().get(0);
            assertEquals(highest, c.protocolVersion());
            // a server without 2.1 answers Discover Versions under 2.1 with Invalid Message; the client asks again under 2.0
            assertEquals(highest.equals(ProtocolVersion.V2_1) ? 1 : 2, c.roundTrips());
            record(highest.toString(), "Negotiation with the default range 1.0-2.1", highest + ", in " + c.roundTrips()
                    + (c.roundTrips() == 1 ? " round trip" : " round trips"));
        }
    }

    @ParameterizedTest
    @MethodSource("versions")
    void discoverVersions_listsTheServersVersions(String version) throws Exception {
        if (version.equals("1.0")) {
            fails(version, "Discover Versions", KmipResultException.OperationNotSupported.class,
                    () -> a(version).discoverVersions());
            return;
        }
        assertEquals(server.versions(), a(version).discoverVersions());
        ok(version, "Discover Versions");
    }

    @ParameterizedTest
    @MethodSource("versions")
    void query_listsTheOperationsOfTheVersion(String version) throws Exception {
        var caps = a(version).capabilities();

        assertEquals(v(version), caps.protocolVersion());
        for (Operation op : List.of(Operation.CREATE, Operation.REGISTER, Operation.LOCATE, Operation.GET,
                Operation.GET_ATTRIBUTES, Operation.ACTIVATE, Operation.REVOKE, Operation.DESTROY, Operation.QUERY)) {
            assertTrue(caps.supports(op), op + " at " + version);
        }
        assertEquals(atLeast(version, "1.2"), caps.supports(Operation.ENCRYPT));
        assertEquals(atLeast(version, "1.1"), caps.supports(Operation.DISCOVER_VERSIONS));
        assertEquals(server.queryListsEveryOperation(), caps.supports(Operation.MODIFY_ATTRIBUTE),
                "PyKMIP under-reports Modify Attribute");
        assertTrue(a(version).probe(Operation.MODIFY_ATTRIBUTE), "every server under test serves it");
        assertEquals(expected(Difference.REKEY, version) == null, caps.supports(Operation.REKEY));
        record(version, "Query (Operations, Objects, Server Information)", "ok: " + caps.operations().size()
                + " operations, vendor " + caps.vendorIdentification());
    }

    @ParameterizedTest
    @MethodSource("versions")
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
        failsWith(version, "Destroy while Active", expected(Difference.DESTROY_WHILE_ACTIVE, version), () -> c.destroy(uid));

        c.revoke(uid, RevocationReasonCode.CESSATION_OF_OPERATION, "retired by the IT", null);
        assertEquals(State.DEACTIVATED, c.getAttributes(uid, "State").get(AttributeKey.STATE));
        ok(version, "Revoke (Cessation of Operation)");
        c.destroy(uid);
        ok(version, "Destroy");
        failsWith(version, "Get after Destroy", expected(Difference.GET_AFTER_DESTROY, version), () -> c.get(uid));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void revokeForKeyCompromise_worksFromAnyState(String version) throws Exception {
        KmipClient c = a(version);
        String uid = c.create(CryptographicAlgorithm.AES, 128, ObjectSpec.of(unique("compromised"), ENCRYPT));

        c.revoke(uid, RevocationReasonCode.KEY_COMPROMISE, null, Instant.now().minusSeconds(60));

        assertEquals(State.COMPROMISED, c.getAttributes(uid, "State").get(AttributeKey.STATE));
        c.destroy(uid);
        ok(version, "Revoke (Key Compromise, with date)");
    }

    @ParameterizedTest
    @MethodSource("versions")
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
    @MethodSource("versions")
    void anotherIdentity_cannotLocateOrGetTheObject(String version) throws Exception {
        String name = unique("isolated");
        String uid = a(version).create(CryptographicAlgorithm.AES, 256, ObjectSpec.of(name, ENCRYPT));
        KmipClient b = client(Identity.B, version);

        assertEquals(List.of(), b.locate(LocateFilter.byName(name)).uniqueIdentifiers());
        record(version, "Locate as another identity", "nothing found");
        failsWith(version, "Get as another identity", expected(Difference.GET_FOREIGN_OBJECT, version), () -> b.get(uid));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void objectUnderTheSharedPolicy_isVisibleToAnotherIdentity(String version) throws Exception {
        String policy = server.sharedPolicyName() != null ? server.sharedPolicyName() : "shared";
        ObjectSpec spec = ObjectSpec.builder().name(unique("shared")).usageMask(ENCRYPT).operationPolicyName(policy).build();
        ResultReason refused = expected(Difference.CREATE_WITH_POLICY_NAME, version);
        if (refused != null) {
            failsWith(version, "Create with Operation Policy Name", refused,
                    () -> a(version).create(CryptographicAlgorithm.AES, 256, spec));
            return;
        }
        String uid = a(version).create(CryptographicAlgorithm.AES, 256, spec);
        ok(version, "Create with Operation Policy Name");

        if (server.sharedPolicyName() == null) { // no such policy: the object stays A's
            failsWith(version, "Get as another identity (Operation Policy Name shared)",
                    expected(Difference.GET_FOREIGN_OBJECT, version), () -> client(Identity.B, version).get(uid));
            return;
        }
        try (RetrievedObject o = client(Identity.B, version).get(uid)) {
            assertBytes(rawKey(version, uid), o.material().toByteArray(), "the same key");
        }
        ok(version, "Get as another identity (Operation Policy Name shared)");
    }

    @ParameterizedTest
    @MethodSource("versions")
    void errors_surfaceAsTypedExceptions(String version) throws Exception {
        KmipClient c = a(version);
        KmipResultException e = fails(version, "Get unknown id", KmipResultException.ItemNotFound.class,
                () -> c.get("987654321"));
        assertEquals(Operation.GET, e.operation());

        ResultReason reKey = expected(Difference.REKEY, version);
        if (reKey != null) {
            failsWith(version, "Re-key", reKey, () -> c.reKey("987654321"));
            assertFalse(c.probeReKey());
            assertNull(c.capabilities().operations().stream().filter(Operation.REKEY::equals).findAny().orElse(null));
        } else {
            assertTrue(c.probeReKey());
        }
    }

    @ParameterizedTest
    @MethodSource("versions")
    void reKey_replacesTheKeyAndLinksBothWays_whereServed(String version) throws Exception {
        assumeTrue(expected(Difference.REKEY, version) == null,
                "the server does not serve Re-key (errors_surfaceAsTypedExceptions checks its answer)");
        KmipClient c = a(version);
        String name = unique("rekey");
        String old = c.create(CryptographicAlgorithm.AES, 256, ObjectSpec.of(name, ENCRYPT | DECRYPT));
        c.activate(old);

        String replacement = c.reKey(old);

        Attributes n = c.getAttributes(replacement);
        assertEquals(List.of(new Link(LinkType.REPLACED_OBJECT_LINK, UniqueId.of(old))), n.getAll(AttributeKey.LINK));
        assertEquals(List.of(new Link(LinkType.REPLACEMENT_OBJECT_LINK, UniqueId.of(replacement))),
                c.getAttributes(old).getAll(AttributeKey.LINK));
        assertEquals(256, n.get(AttributeKey.CRYPTOGRAPHIC_LENGTH));
        assertEquals(List.of(replacement), c.locate(LocateFilter.byName(name)).uniqueIdentifiers(), "the Name moved");
        assertFalse(java.util.Arrays.equals(rawKey(version, old), rawKey(version, replacement)), "fresh key material");
        ok(version, "Re-key");
    }
}
