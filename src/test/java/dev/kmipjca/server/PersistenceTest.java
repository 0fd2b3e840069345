package dev.kmipjca.server;

import static dev.kmipjca.server.Kmip.KEK_MASK;
import static dev.kmipjca.server.Kmip.V1_4;
import static dev.kmipjca.server.Kmip.V2_0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.Destroy;
import dev.kmipjca.protocol.KeyBlock;
import dev.kmipjca.protocol.KeyFormatType;
import dev.kmipjca.protocol.Register;
import dev.kmipjca.protocol.SecretData;
import dev.kmipjca.protocol.SecretDataType;
import dev.kmipjca.protocol.State;
import dev.kmipjca.protocol.SymmetricKey;
import dev.kmipjca.transport.PemCredentials;
import dev.kmipjca.ttlv.Ttlv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the server keeps in its directory, and that it survives restarts, crashes and casual reading. */
class PersistenceTest {
    @TempDir
    Path dir;

    static final byte[] KEY = HexFormat.of().parseHex("8899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF0011223344556677");

    @Test
    void restart_onTheSameDirectory_keepsObjectsAndTheirKeys() throws IOException {
        String uid;
        byte[] bytes;
        try (DevServer s = Kmip.start(dir); TestClient c = TestClient.connect(s)) {
            uid = Kmip.activeKey(c, V1_4);
            bytes = Kmip.keyBytes(c, V1_4, uid);
        }
        try (DevServer s = Kmip.start(dir); TestClient c = TestClient.connect(s)) {
            assertArrayEquals(bytes, Kmip.keyBytes(c, V2_0, uid));
            Attributes a = Kmip.attributes(c, V2_0, uid);
            assertEquals(State.ACTIVE, a.get(AttributeKey.STATE));
            assertEquals(KEK_MASK, a.get(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK));
        }
    }

    @Test
    void firstStart_writesCredentialsAndKeystoreFileOwnerOnly() throws Exception {
        try (DevServer s = DevServer.start(DevServerConfig.builder().dir(dir).port(0).build())) {
            for (String f : List.of("ca-key.pem", "server.pem", "client.pem", "client.kmip", "storage.key")) {
                assertEquals("rw-------", perms(dir.resolve(f)), f);
            }
            assertEquals("rw-r--r--", perms(dir.resolve("ca.pem")));
            assertEquals("rwx------", perms(dir.resolve("objects")));
            X509 client = new X509(PemCredentials.load(dir.resolve("client.pem"), null));
            assertEquals("CN=kmip-client", client.subject());
            assertTrue(client.clientAuth(), "client.pem has EKU clientAuth");
            KmipSettings settings = KmipSettings.load(s.clientKeystore());
            assertEquals("127.0.0.1", settings.servers().get(0).host());
            assertEquals(s.port(), settings.port());
            assertEquals(dir.resolve("ca.pem").toAbsolutePath(), settings.serverCAFile().orElseThrow());
            assertEquals(dir.resolve("client.pem").toAbsolutePath(), settings.clientCertificateFile().orElseThrow());
            assertTrue(Files.readString(s.clientKeystore()).startsWith("# kmip-jca keystore file"));
        }
    }

    /** The few facts of a certificate these tests check. */
    record X509(PemCredentials c) {
        String subject() {
            return c.leaf().getSubjectX500Principal().getName();
        }

        boolean clientAuth() throws Exception {
            return c.leaf().getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2");
        }
    }

    @Test
    void restartOnAnotherPort_rewritesOnlyThePortLineOfEachKeystoreFile() throws IOException {
        int first;
        try (DevServer s = Kmip.start(dir)) {
            first = s.port();
            s.newIdentity("dave");
        }
        Files.writeString(dir.resolve("client.kmip"), "# added by a keystore\nentry.x=1\n",
                java.nio.file.StandardOpenOption.APPEND);
        try (DevServer s = Kmip.start(dir)) {
            for (String f : List.of("client.kmip", "client-dave.kmip")) {
                KmipSettings settings;
                try {
                    settings = KmipSettings.load(dir.resolve(f));
                } catch (dev.kmipjca.config.KmipSettingsException e) {
                    throw new AssertionError(e);
                }
                assertEquals(s.port(), settings.port(), f + " (first port " + first + ")");
                assertEquals("rw-------", perms(dir.resolve(f)));
            }
            assertTrue(Files.readString(dir.resolve("client.kmip")).endsWith("# added by a keystore\nentry.x=1\n"));
        }
    }

    @Test
    void newIdentity_addsCertificateAndKeystoreFileForThatName() throws Exception {
        try (DevServer s = Kmip.start(dir)) {
            Path kmip = s.newIdentity("erin");
            assertEquals(dir.resolve("client-erin.kmip"), kmip);
            assertEquals("CN=erin", new X509(PemCredentials.load(dir.resolve("client-erin.pem"), null)).subject());
            assertEquals("rw-------", perms(dir.resolve("client-erin.pem")));
            assertTrue(Files.readString(kmip).contains("kmip.clientCertificateFile=" + kmip.toAbsolutePath().getParent().resolve("client-erin.pem")));
            try (TestClient c = TestClient.connect(s, dir.resolve("client-erin.pem"))) {
                Kmip.create(c, V1_4, 128, KEK_MASK);
            }
            assertThrows(IllegalArgumentException.class, () -> s.newIdentity("../escape"));
        }
    }

    @Test
    void identitiesInTheConfiguration_areCreatedAtStart() throws Exception {
        Kmip.seed(dir);
        try (DevServer s = DevServer.start(DevServerConfig.builder().dir(dir).port(0).identity("frank").build())) {
            assertEquals("CN=frank", new X509(PemCredentials.load(dir.resolve("client-frank.pem"), null)).subject());
            assertEquals(s.port(), KmipSettings.load(dir.resolve("client-frank.kmip")).port());
        }
        assertThrows(IllegalArgumentException.class, () -> DevServerConfig.builder().identity("").build());
    }

    @Test
    void temporaryFileOfACrashedWrite_isIgnoredAndRemovedAtStart() throws IOException {
        String uid;
        try (DevServer s = Kmip.start(dir); TestClient c = TestClient.connect(s)) {
            uid = Kmip.create(c, V1_4, 128, KEK_MASK);
        }
        Path objects = dir.resolve("objects");
        Path torn = objects.resolve("." + uid + ".obj12345.tmp");
        Files.write(torn, new byte[] {0x42, 0x00, 0x01});
        try (DevServer s = Kmip.start(dir); TestClient c = TestClient.connect(s)) {
            assertEquals(State.PRE_ACTIVE, Kmip.state(c, V1_4, uid));
        }
        assertFalse(Files.exists(torn));
    }

    @Test
    void damagedObjectFile_stopsTheStartNamingTheFile() throws IOException {
        String uid;
        try (DevServer s = Kmip.start(dir); TestClient c = TestClient.connect(s)) {
            uid = Kmip.create(c, V1_4, 128, KEK_MASK);
        }
        Path file = dir.resolve("objects").resolve(uid + ".obj");
        byte[] b = Files.readAllBytes(file);
        b[b.length - 20] ^= 1;
        Files.write(file, b);
        IOException e = assertThrows(IOException.class, () -> Kmip.start(dir).close());
        assertTrue(e.getMessage().contains(uid + ".obj"), e.getMessage());
    }

    @Test
    void keyMaterialAtRest_isNotInPlaintextAnywhereInTheDirectory() throws IOException {
        byte[] secret = "a-password-nobody-should-read-on-disk".getBytes(StandardCharsets.UTF_8);
        try (DevServer s = Kmip.start(dir); TestClient c = TestClient.connect(s)) {
            c.ok(V1_4, Register.Request.of(new SymmetricKey(KeyBlock.raw(Bytes.of(KEY), CryptographicAlgorithm.AES, 256)),
                    Attributes.empty()), Register.Response.class);
            c.ok(V2_0, Register.Request.of(new SecretData(SecretDataType.PASSWORD, KeyBlock.of(KeyFormatType.OPAQUE,
                    Bytes.of(secret))), Attributes.empty()), Register.Response.class);
            for (int i = 0; i < 5; i++) {
                assertFalse(containsAnywhere(dir, Kmip.keyBytes(c, V1_4, Kmip.create(c, V1_4, 256, KEK_MASK))));
            }
        }
        assertFalse(containsAnywhere(dir, KEY));
        assertFalse(containsAnywhere(dir, secret));
        try (Stream<Path> files = Files.list(dir.resolve("objects"))) {
            files.forEach(f -> assertEquals("rw-------", perms(f), f.toString()));
        }
    }

    @Test
    void destroyedObjectFile_keepsAttributesButNoSealedKey() throws Exception {
        String uid;
        try (DevServer s = Kmip.start(dir); TestClient c = TestClient.connect(s)) {
            uid = Kmip.create(c, V1_4, 128, KEK_MASK);
            c.ok(V1_4, Destroy.Request.of(uid), Destroy.Response.class);
        }
        Ttlv file = Vectors.ttlv(Files.readAllBytes(dir.resolve("objects").resolve(uid + ".obj")));
        assertNull(file.child(0x540004), "no sealed object after Destroy");
        try (DevServer s = Kmip.start(dir); TestClient c = TestClient.connect(s)) {
            assertEquals(State.DESTROYED, Kmip.state(c, V1_4, uid));
        }
    }

    static boolean containsAnywhere(Path root, byte[] needle) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path f : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                if (indexOf(Files.readAllBytes(f), needle) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String perms(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
