package dev.kmipjca.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsSourcesTest {
    @TempDir
    Path dir;

    @Test
    void perconaFlagNames_matchTheKeys() {
        assertEquals(List.of("--kmipServerName", "--kmipPort", "--kmipServerCAFile", "--kmipClientCertificateFile",
                "--kmipClientCertificatePassword", "--kmipKeyIdentifier", "--kmipRotateMasterKey", "--kmipRetireOldMasterKey",
                "--kmipConnectRetries", "--kmipConnectTimeoutMS", "--kmipActivateKeys",
                "--kmipKeyStatePollingSeconds", "--kmipPoolSize", "--kmipPoolIdleSeconds",
                "--kmipProtocolVersionMin", "--kmipProtocolVersionMax", "--kmipMaxResponseBytes",
                "--kmipServerCooldownSeconds", "--kmipAllowMasterKeyFetch", "--kmipBulkProvider",
                "--kmipDataKeyMaxMessages", "--kmipDataKeyMaxBytes", "--kmipDataKeyMaxAgeSeconds",
                "--kmipDataKeyCacheSize", "--kmipDataKeyCacheMaxAgeSeconds"),
                KmipSettings.keys().stream().map(KmipSettings::flagName).toList());
    }

    @Test
    void relativePathsInAFile_resolveAgainstTheFilesDirectory() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(sub.resolve("certs"));
        Path ca = Files.writeString(sub.resolve("certs/ca.pem"), "x");
        Path client = Files.writeString(dir.resolve("client.pem"), "x");
        Path file = Files.writeString(sub.resolve("client.kmip"), """
                # a keystore file's settings section
                kmip.serverName = kmip.example.com
                kmip.serverCAFile = certs/ca.pem
                kmip.clientCertificateFile = ../client.pem
                keystore.entries = not ours
                """);
        KmipSettings s = KmipSettings.load(file);
        assertEquals(Optional.of(ca), s.serverCAFile());
        assertEquals(Optional.of(client), s.clientCertificateFile());
    }

    @Test
    void unreadableSettingsFile_isRefusedNamingIt() {
        Path missing = dir.resolve("missing.properties");
        KmipSettingsException e = assertThrows(KmipSettingsException.class, () -> KmipSettings.load(missing));
        assertTrue(e.getMessage().startsWith("cannot read settings file " + missing + ": "), e.getMessage());
    }

    @Test
    void unknownKmipKey_isRefusedWithTheNearestKnownKey() {
        KmipSettingsException e = assertThrows(KmipSettingsException.class,
                () -> KmipSettings.fromMap(Map.of("kmip.serverNmae", "x"), dir));
        assertEquals("unknown setting kmip.serverNmae; did you mean kmip.serverName?", e.getMessage());
        e = assertThrows(KmipSettingsException.class,
                () -> KmipSettings.fromMap(Map.of("KMIP.PORT", "1"), dir));
        assertEquals("unknown setting KMIP.PORT; did you mean kmip.port?", e.getMessage());
        e = assertThrows(KmipSettingsException.class,
                () -> KmipSettings.fromMap(Map.of("kmip.somethingElseEntirely", "1"), dir));
        assertEquals("unknown setting kmip.somethingElseEntirely", e.getMessage());
    }

    @Test
    void nonKmipKeys_areIgnored() throws Exception {
        Properties p = new Properties();
        p.setProperty("keystore.version", "1");
        p.setProperty("kmipServerName", "not a kmip. key");
        p.setProperty("kmip.port", "7000");
        assertEquals(7000, KmipSettings.fromProperties(p, dir).port());
    }

    @Test
    void flags_overrideTheBaseAndKeepTheRest() throws Exception {
        Path client = Files.writeString(dir.resolve("client.pem"), "x");
        KmipSettings base = KmipSettings.builder().serverName("old.example").port(7000).connectRetries(2)
                .clientCertificatePassword("base".toCharArray()).build();
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("--kmipServerName", "new1.example,new2.example");
        flags.put("--kmipConnectTimeoutMS", "2000");
        flags.put("--kmipClientCertificateFile", "client.pem");
        flags.put("--kmipRotateMasterKey", null);
        flags.put("kmipActivateKeys", "false");
        flags.put("--verbose", "ignored");
        KmipSettings s = base.withFlags(flags, dir);
        assertEquals("[new1.example:7000, new2.example:7000]", s.servers().toString());
        assertEquals(2000, s.connectTimeoutMS());
        assertEquals(2, s.connectRetries());
        assertEquals(Optional.of(client), s.clientCertificateFile(), "relative to the given directory");
        assertTrue(s.rotateMasterKey(), "a boolean flag without a value means true");
        assertEquals(false, s.activateKeys());
        assertArrayEquals("base".toCharArray(), s.clientCertificatePassword());
        assertEquals("[old.example:7000]", base.servers().toString(), "the base is unchanged");
    }

    @Test
    void everyPerconaFlag_setsItsKey() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "x");
        Map<String, String> flags = new HashMap<>();
        flags.put("--kmipServerName", "h1");
        flags.put("--kmipPort", "5697");
        flags.put("--kmipServerCAFile", ca.toString());
        flags.put("--kmipClientCertificateFile", ca.toString());
        flags.put("--kmipClientCertificatePassword", "pw");
        flags.put("--kmipKeyIdentifier", "7");
        flags.put("--kmipRotateMasterKey", "true");
        flags.put("--kmipConnectRetries", "3");
        flags.put("--kmipConnectTimeoutMS", "1500");
        flags.put("--kmipActivateKeys", "false");
        flags.put("--kmipKeyStatePollingSeconds", "60");
        KmipSettings s = KmipSettings.builder().build().withFlags(flags, dir);
        assertEquals("[h1:5697]", s.servers().toString());
        assertEquals(Optional.of(ca), s.serverCAFile());
        assertEquals(Optional.of(ca), s.clientCertificateFile());
        assertArrayEquals("pw".toCharArray(), s.clientCertificatePassword());
        assertEquals("7", s.keyIdentifier());
        assertTrue(s.rotateMasterKey());
        assertEquals(3, s.connectRetries());
        assertEquals(1500, s.connectTimeoutMS());
        assertEquals(false, s.activateKeys());
        assertEquals(60, s.keyStatePollingSeconds());
    }

    @Test
    void unknownOrEmptyFlag_isRefused() throws Exception {
        KmipSettings base = KmipSettings.builder().build();
        KmipSettingsException e = assertThrows(KmipSettingsException.class,
                () -> base.withFlags(Map.of("--kmipServerNmae", "x"), dir));
        assertEquals("unknown setting --kmipServerNmae; did you mean --kmipServerName?", e.getMessage());
        e = assertThrows(KmipSettingsException.class, () -> base.withFlags(Map.of("--kmipPort", ""), dir));
        assertEquals("--kmipPort needs a value", e.getMessage());
        e = assertThrows(KmipSettingsException.class, () -> base.withFlags(Map.of("--kmipPort", "0"), dir));
        assertEquals("kmip.port=0: must be from 1 to 65535", e.getMessage());
    }

    @Test
    void flagName_ofUnknownKey_fails() {
        assertEquals("--kmipConnectTimeoutMS", KmipSettings.flagName("kmip.connectTimeoutMS"));
        assertThrows(IllegalArgumentException.class, () -> KmipSettings.flagName("kmip.nope"));
    }
}
