package dev.kmipjca.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.KmipKeyStoreParameter;
import dev.kmipjca.client.ObjectSpec;
import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.State;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading and storing KMIP keystores against the development server: new files, reloads, streams, paths. */
class KeystoreLoadTest {
    @TempDir
    static Path dir;
    static DevServerFixture fx;

    @BeforeAll
    static void start() throws IOException {
        fx = DevServerFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static char[] pw() {
        return "changeit".toCharArray();
    }

    @Test
    void newFile_masterKeyCreatedOnFirstNeed_isActiveAndStoreRecordsIt() throws Exception {
        Path file = fx.newKeystoreFile();
        KeyStore ks = fx.keyStore();
        ks.load(new KmipKeyStoreParameter(file, pw()));
        assertEquals(List.of(), Collections.list(ks.aliases()), "the master key is created on first need");
        String master = ((KmipKey) ks.getKey("kmip:master", null)).uniqueIdentifier();
        Attributes a = fx.client().getAttributes(master, "State", "Name", "Cryptographic Length", "Cryptographic Usage Mask");
        assertEquals(State.ACTIVE, a.get(AttributeKey.STATE));
        assertEquals(256, a.get(AttributeKey.CRYPTOGRAPHIC_LENGTH));
        assertEquals(MasterKeys.KEK_MASK, a.get(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK));
        assertTrue(a.get(AttributeKey.NAME).value().startsWith("kmip-jca master "), a.get(AttributeKey.NAME).value());
        assertTrue(!Files.readString(file).contains("kmipjca."), "load never writes");
        assertEquals(List.of("kmip:master"), Collections.list(ks.aliases()));

        ks.store(null);
        String text = Files.readString(file);
        assertTrue(text.contains("kmip.keyIdentifier=" + master), text);
        assertTrue(text.contains("kmipjca.masterKeyId=" + master), text);
        KeyStore again = fx.keyStore();
        again.load(new KmipKeyStoreParameter(file, pw()));
        assertEquals(master, ((KmipKey) again.getKey("kmip:master", null)).uniqueIdentifier());
    }

    @Test
    void newFile_loadedAndListedTwice_createsNothingOnTheServer() throws Exception {
        int before = fx.client().locate(dev.kmipjca.client.LocateFilter.builder().build()).uniqueIdentifiers().size();
        Path file = fx.newKeystoreFile();
        for (int i = 0; i < 2; i++) {
            KeyStore ks = fx.keyStore();
            ks.load(new KmipKeyStoreParameter(file, null));
            assertEquals(0, ks.size());
            assertTrue(ks.containsAlias("kmip:master"));
        }
        assertEquals(before, fx.client().locate(dev.kmipjca.client.LocateFilter.builder().build()).uniqueIdentifiers().size());
    }

    @Test
    void storedEntries_reloadFromStreamAndPath_comeBackEqual() throws Exception {
        Path file = fx.newKeystoreFile();
        KeyStore ks = fx.keyStore();
        ks.load(new KmipKeyStoreParameter(file, pw()));
        SecretKeySpec aes = new SecretKeySpec(new byte[32], "AES");
        ks.setKeyEntry("Data-Key", aes, null, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, pw());
        Files.write(file, out.toByteArray());

        KeyStore fromStream = fx.keyStore();
        try (InputStream in = Files.newInputStream(file)) {
            fromStream.load(in, pw());
        }
        assertEquals(aes, fromStream.getKey("data-key", null));
        KeyStore fromPath = fx.keyStore();
        fromPath.load(new KmipKeyStoreParameter(file, null));
        assertArrayEquals(aes.getEncoded(), fromPath.getKey("DATA-KEY", "ignored".toCharArray()).getEncoded());
    }

    @Test
    void keyIdentifier_namingAnActiveKey_isUsedAsMasterKey() throws Exception {
        String uid = fx.client().create(CryptographicAlgorithm.AES, 256, ObjectSpec.of("chosen master", MasterKeys.KEK_MASK));
        fx.client().activate(uid);
        Path file = fx.newKeystoreFile("kmip.keyIdentifier=" + uid);
        KeyStore ks = fx.keyStore();
        ks.load(new KmipKeyStoreParameter(file, null));
        assertEquals(uid, ((KmipKey) ks.getKey("kmip:master", null)).uniqueIdentifier());
    }

    @Test
    void keyIdentifier_preActiveKey_isRefusedNamingTheState() throws Exception {
        String uid = fx.client().create(CryptographicAlgorithm.AES, 256, ObjectSpec.of("not active", MasterKeys.KEK_MASK));
        Path file = fx.newKeystoreFile("kmip.keyIdentifier=" + uid);
        IOException e = assertThrows(IOException.class, () -> fx.keyStore().load(new KmipKeyStoreParameter(file, null)));
        assertTrue(e.getMessage().contains("kmip.keyIdentifier=" + uid + " is Pre-Active"), e.getMessage());
    }

    @Test
    void keyIdentifier_unknownKey_isRefusedNamingTheServer() throws Exception {
        Path file = fx.newKeystoreFile("kmip.keyIdentifier=no-such-key");
        IOException e = assertThrows(IOException.class, () -> fx.keyStore().load(new KmipKeyStoreParameter(file, null)));
        assertTrue(e.getMessage().contains("kmip.keyIdentifier=no-such-key: the KMIP server [127.0.0.1:" + fx.server.port()
                + "] has no such key"), e.getMessage());
    }

    @Test
    void keyIdentifier_secretDataNotAKey_isRefused() throws Exception {
        String uid = fx.client().registerSecretData("pw".getBytes(StandardCharsets.US_ASCII),
                dev.kmipjca.protocol.SecretDataType.PASSWORD, ObjectSpec.of("a password", 0));
        Path file = fx.newKeystoreFile("kmip.keyIdentifier=" + uid);
        IOException e = assertThrows(IOException.class, () -> fx.keyStore().load(new KmipKeyStoreParameter(file, null)));
        assertTrue(e.getMessage().contains("names a Secret Data"), e.getMessage());
    }

    @Test
    void activateKeysFalse_firstChange_createsPreActiveKeyAndExplainsWhatToDo() throws Exception {
        Path file = fx.newKeystoreFile("kmip.activateKeys=false");
        byte[] before = Files.readAllBytes(file);
        KeyStore ks = fx.keyStore();
        ks.load(new KmipKeyStoreParameter(file, null));
        var ke = assertThrows(java.security.KeyStoreException.class,
                () -> ks.setKeyEntry("k", new SecretKeySpec(new byte[16], "AES"), null, null));
        IOException e = assertInstanceOf(IOException.class, ke.getCause());
        assertTrue(e.getMessage().contains("without activating it (kmip.activateKeys=false)"), e.getMessage());
        assertTrue(e.getMessage().contains("set kmip.keyIdentifier="), e.getMessage());
        String uid = e.getMessage().replaceAll("(?s).*set kmip.keyIdentifier=(\\S+) .*", "$1");
        assertEquals(State.PRE_ACTIVE, fx.client().getAttributes(uid, "State").get(AttributeKey.STATE));
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void pathLoad_relativeSettings_resolveAgainstTheFilesDirectory() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("relative"));
        Files.copy(fx.server.caFile(), sub.resolve("ca.pem"));
        Files.copy(fx.server.dir().resolve("client.pem"), sub.resolve("client.pem"));
        Path file = sub.resolve("rel.kmip");
        Files.writeString(file, fx.settings().replace(fx.server.caFile().toString(), "ca.pem")
                .replace(fx.server.dir().resolve("client.pem").toString(), "client.pem"));
        KeyStore ks = fx.keyStore();
        ks.load(new KmipKeyStoreParameter(file, null));
        assertNotNull(ks.getKey("kmip:master", null));
        // from a stream the same file resolves against the current directory, which has no client.pem
        IOException e = assertThrows(IOException.class, () -> {
            try (InputStream in = Files.newInputStream(file)) {
                fx.keyStore().load(in, null);
            }
        });
        assertTrue(e.getMessage().contains("relative paths in it resolve against the current directory"), e.getMessage());
    }

    @Test
    void providerConfiguredWithAFile_loadNull_opensAKeystoreWithAbsolutePaths() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("configured"));
        Files.copy(fx.server.caFile(), sub.resolve("ca.pem"));
        Files.copy(fx.server.dir().resolve("client.pem"), sub.resolve("client.pem"));
        Path config = sub.resolve("kmip.properties");
        Files.writeString(config, fx.settings().replace(fx.server.caFile().toString(), "ca.pem")
                .replace(fx.server.dir().resolve("client.pem").toString(), "client.pem"));
        KeyStore ks = KeyStore.getInstance("KMIP", fx.provider.configure(config.toString()));
        ks.load(null, null);
        ks.setKeyEntry("k", new SecretKeySpec(new byte[16], "AES"), null, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, null);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("kmip.clientCertificateFile=" + sub.resolve("client.pem")), text);
        KeyStore copy = fx.keyStore();
        copy.load(new ByteArrayInputStream(out.toByteArray()), null);
        assertEquals(new SecretKeySpec(new byte[16], "AES"), copy.getKey("k", null));
    }

    @Test
    void unconfiguredProvider_loadNull_isEmptyAndRefusesWrites() throws Exception {
        KeyStore ks = fx.keyStore();
        ks.load(null, null);
        assertEquals(0, ks.size());
        var e = assertThrows(java.security.KeyStoreException.class,
                () -> ks.setKeyEntry("k", new SecretKeySpec(new byte[16], "AES"), null, null));
        assertTrue(e.getMessage().contains("has no settings"), e.getMessage());
    }

    @Test
    void settingsFileAlsoReadBySettingsLoader_afterStore() throws Exception {
        Path file = fx.newKeystoreFile();
        KeyStore ks = fx.keyStore();
        ks.load(new KmipKeyStoreParameter(file, null));
        ks.store(null);
        assertEquals(fx.server.port(), KmipSettings.load(file).port());
        assertInstanceOf(KmipKey.class, ks.getKey("kmip:master", null));
    }
}
