package dev.kmipjca.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.client.KmipClient;
import dev.kmipjca.client.ObjectSpec;
import dev.kmipjca.client.RetrievedObject;
import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.envelope.KeyWrapException.Kind;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.CryptographicUsageMask;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.RevocationReasonCode;
import dev.kmipjca.server.DevServer;
import dev.kmipjca.server.DevServerConfig;
import dev.kmipjca.server.Faults;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KmipKeyWrapService against the development server: server-side wrap, failure kinds, the opted-in fallback. */
class KmipKeyWrapServiceTest {
    private static final java.util.logging.Logger SERVER_LOG = java.util.logging.Logger.getLogger("dev.kmipjca.server");
    static final byte[] AAD = "kmip-jca test aad".getBytes(StandardCharsets.US_ASCII);
    static final int MASK = CryptographicUsageMask.ENCRYPT | CryptographicUsageMask.DECRYPT;
    @TempDir
    static Path dir;
    static DevServer server;
    static KmipClient client;

    @BeforeAll
    static void start() throws Exception {
        SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        server = DevServer.start(DevServerConfig.builder().dir(dir.resolve("server")).port(0).build());
        client = KmipClient.open(settings(server.port(), false), null);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @AfterEach
    void noFaults() {
        server.faults(Faults.NONE);
    }

    static KmipSettings settings(int port, boolean allowFetch) throws Exception {
        Map<String, String> m = new HashMap<>(Map.of("kmip.serverName", "127.0.0.1", "kmip.port", Integer.toString(port),
                "kmip.serverCAFile", server.caFile().toString(),
                "kmip.clientCertificateFile", server.dir().resolve("client.pem").toString(),
                "kmip.protocolVersionMin", "1.4", "kmip.protocolVersionMax", "1.4"));
        m.put("kmip.allowMasterKeyFetch", Boolean.toString(allowFetch));
        return KmipSettings.fromMap(m, dir);
    }

    static String masterKey() throws Exception {
        String uid = client.create(CryptographicAlgorithm.AES, 256, ObjectSpec.of("wrap test", MASK));
        client.activate(uid);
        return uid;
    }

    static byte[] keyBytes(String uid) throws Exception {
        try (RetrievedObject o = client.get(uid)) {
            return o.material().toByteArray();
        }
    }

    @Test
    void wrap_isServerSideAesGcm_thatSunJceOpensWithTheKeyBytes() throws Exception {
        String mk = masterKey();
        KmipKeyWrapService s = new KmipKeyWrapService(client, false);
        byte[] dataKey = new byte[32];
        dataKey[5] = 7;
        WrappedKey w = s.wrap(mk, dataKey, AAD);
        assertEquals(mk, w.masterKeyId());
        assertEquals(12, w.nonce().length);
        assertEquals(48, w.ciphertext().length);
        Cipher sun = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        sun.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keyBytes(mk), "AES"), new GCMParameterSpec(128, w.nonce()));
        sun.updateAAD(AAD);
        assertArrayEquals(dataKey, sun.doFinal(w.ciphertext()));
        assertArrayEquals(dataKey, s.unwrap(w, AAD));
        assertFalse(s.usesFetchedMasterKey());
    }

    @Test
    void unwrap_otherAad_isAuthenticationFailed() throws Exception {
        String mk = masterKey();
        KmipKeyWrapService s = new KmipKeyWrapService(client, false);
        WrappedKey w = s.wrap(mk, new byte[32], AAD);
        KeyWrapException e = assertThrows(KeyWrapException.class, () -> s.unwrap(w, new byte[] {1}));
        assertEquals(Kind.AUTHENTICATION_FAILED, e.kind());
        assertTrue(e.getMessage().contains("Cryptographic Failure"), e.getMessage());
    }

    @Test
    void unknownMasterKey_isKeyNotFound() {
        KmipKeyWrapService s = new KmipKeyWrapService(client, false);
        KeyWrapException e = assertThrows(KeyWrapException.class, () -> s.wrap("no-such-key", new byte[32], AAD));
        assertEquals(Kind.KEY_NOT_FOUND, e.kind());
        assertEquals("no-such-key", e.masterKeyId());
    }

    @Test
    void revokedMasterKey_wrapIsKeyNotUsable_andCheckedUnwrapRefusesIt() throws Exception {
        String mk = masterKey();
        KmipKeyWrapService plain = new KmipKeyWrapService(client, false);
        WrappedKey w = plain.wrap(mk, new byte[32], AAD);
        client.revoke(mk, RevocationReasonCode.CESSATION_OF_OPERATION, null, null);
        assertEquals(Kind.KEY_NOT_USABLE, assertThrows(KeyWrapException.class, () -> plain.wrap(mk, new byte[32], AAD)).kind());
        assertArrayEquals(new byte[32], plain.unwrap(w, AAD), "a Deactivated key may still decrypt");
        KeyWrapException e = assertThrows(KeyWrapException.class,
                () -> new KmipKeyWrapService(client, false, true).unwrap(w, AAD));
        assertEquals(Kind.KEY_NOT_USABLE, e.kind());
        assertTrue(e.getMessage().contains(mk + " is Deactivated"), e.getMessage());
    }

    @Test
    void unreachableServer_isUnavailable() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (KmipClient down = KmipClient.open(settings(closed, false), null)) {
            KeyWrapException e = assertThrows(KeyWrapException.class,
                    () -> new KmipKeyWrapService(down, false).wrap("mk", new byte[32], AAD));
            assertEquals(Kind.UNAVAILABLE, e.kind());
        }
    }

    @Test
    void serverWithoutEncrypt_withoutOptIn_namesTheServerAndTheOperation() throws Exception {
        String mk = masterKey();
        server.faults(Faults.builder().fail(Operation.ENCRYPT, ResultReason.OPERATION_NOT_SUPPORTED).build());
        try (KmipClient c = KmipClient.open(settings(server.port(), false), null)) {
            KeyWrapException e = assertThrows(KeyWrapException.class,
                    () -> new KmipKeyWrapService(c, false).wrap(mk, new byte[32], AAD));
            assertTrue(e.getMessage().contains("the KMIP server 127.0.0.1:" + server.port() + " does not support Encrypt"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("a probe says Operation Not Supported"), e.getMessage());
            assertTrue(e.getMessage().contains("kmip.allowMasterKeyFetch=true"), e.getMessage());
        }
    }

    @Test
    void serverWithoutEncrypt_withOptIn_wrapsLocallyAndByteIdentically() throws Exception {
        String mk = masterKey();
        server.faults(Faults.builder().fail(Operation.ENCRYPT, ResultReason.OPERATION_NOT_SUPPORTED).build());
        WrappedKey w;
        try (KmipClient c = KmipClient.open(settings(server.port(), true), null);
             KmipKeyWrapService s = new KmipKeyWrapService(c, true)) {
            w = s.wrap(mk, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, AAD);
            assertTrue(s.usesFetchedMasterKey());
            assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, s.unwrap(w, AAD));
        }
        server.faults(Faults.NONE);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16},
                new KmipKeyWrapService(client, false).unwrap(w, AAD), "the server's Decrypt opens a local wrap");
    }

    @Test
    void serverWithoutDecrypt_withOptIn_unwrapsAServerWrapLocally() throws Exception {
        String mk = masterKey();
        WrappedKey w = new KmipKeyWrapService(client, false).wrap(mk, new byte[32], AAD);
        server.faults(Faults.builder().fail(Operation.DECRYPT, ResultReason.OPERATION_NOT_SUPPORTED).build());
        try (KmipClient c = KmipClient.open(settings(server.port(), true), null);
             KmipKeyWrapService s = new KmipKeyWrapService(c, true, true)) {
            assertArrayEquals(new byte[32], s.unwrap(w, AAD));
            assertEquals(Kind.AUTHENTICATION_FAILED, assertThrows(KeyWrapException.class, () -> s.unwrap(w, new byte[1])).kind());
        }
    }

    @Test
    void closedService_isRefused_andToStringShowsNoSecrets() throws Exception {
        KmipKeyWrapService s = new KmipKeyWrapService(client, true);
        assertTrue(s.toString().contains("server-side Encrypt/Decrypt"), s.toString());
        s.close();
        assertThrows(IllegalStateException.class, () -> s.wrap("x", new byte[32], AAD));
    }
}
