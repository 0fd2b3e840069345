package dev.kmipjca.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KmipSettingsTest {
    @TempDir
    Path dir;

    private static KmipSettingsException refused(Map<String, String> entries) {
        return assertThrows(KmipSettingsException.class, () -> KmipSettings.fromMap(entries, Path.of("/")));
    }

    @Test
    void emptySource_givesEveryDefault() throws Exception {
        KmipSettings s = KmipSettings.fromMap(Map.of(), Path.of("/"));
        assertEquals(List.of(), s.servers());
        assertEquals(5696, s.port());
        assertEquals(Optional.empty(), s.serverCAFile());
        assertEquals(Optional.empty(), s.clientCertificateFile());
        assertFalse(s.hasClientCertificatePassword());
        assertNull(s.clientCertificatePassword());
        assertEquals("", s.keyIdentifier());
        assertFalse(s.rotateMasterKey());
        assertEquals(0, s.connectRetries());
        assertEquals(5000, s.connectTimeoutMS());
        assertTrue(s.activateKeys());
        assertEquals(900, s.keyStatePollingSeconds());
        assertEquals(4, s.poolSize());
        assertEquals(60, s.poolIdleSeconds());
        assertEquals(new KmipSettings.Version(1, 0), s.protocolVersionMin());
        assertEquals(new KmipSettings.Version(2, 1), s.protocolVersionMax());
        assertEquals(16 * 1024 * 1024, s.maxResponseBytes());
        assertEquals(30, s.serverCooldownSeconds());
        assertFalse(s.allowMasterKeyFetch());
        assertEquals(BulkProvider.AUTO, s.bulkProvider());
        assertEquals(1L << 24, s.dataKeyMaxMessages());
        assertEquals(1L << 36, s.dataKeyMaxBytes());
        assertEquals(300, s.dataKeyMaxAgeSeconds());
        assertEquals(1000, s.dataKeyCacheSize());
        assertEquals(300, s.dataKeyCacheMaxAgeSeconds());
    }

    @Test
    void refuseRotateMasterKey_true_refusedSayingWhereItIsReadAndHowToRotate_falsePasses() throws Exception {
        KmipSettings on = KmipSettings.fromMap(Map.of("kmip.rotateMasterKey", "true"), Path.of("/"));
        KmipSettingsException e = assertThrows(KmipSettingsException.class,
                () -> on.refuseRotateMasterKey("in the KMIP provider's configuration file /etc/app.kmip"));
        assertEquals("kmip.rotateMasterKey=true in the KMIP provider's configuration file /etc/app.kmip: the setting is"
                + " read only from a keystore file, when KeyStore.load opens it (docs/rotation.md, \"Three ways in\");"
                + " remove it here and rotate with java -jar kmip-jca.jar rotate --keystore FILE or"
                + " dev.kmipjca.KmipRotation.rotate", e.getMessage());
        KmipSettings.fromMap(Map.of("kmip.rotateMasterKey", "false"), Path.of("/")).refuseRotateMasterKey("anywhere");
    }

    @Test
    void everyKey_isReadFromText() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "x");
        Path client = Files.writeString(dir.resolve("client.pem"), "x");
        KmipSettings s = KmipSettings.fromMap(Map.ofEntries(
                Map.entry("kmip.serverName", "kmip1.example.com, 10.0.0.2"),
                Map.entry("kmip.port", "5697"),
                Map.entry("kmip.serverCAFile", ca.toString()),
                Map.entry("kmip.clientCertificateFile", client.toString()),
                Map.entry("kmip.clientCertificatePassword", "pw"),
                Map.entry("kmip.keyIdentifier", "42"),
                Map.entry("kmip.rotateMasterKey", "TRUE"),
                Map.entry("kmip.connectRetries", "2"),
                Map.entry("kmip.connectTimeoutMS", "1000"),
                Map.entry("kmip.activateKeys", "false"),
                Map.entry("kmip.keyStatePollingSeconds", "-1"),
                Map.entry("kmip.poolSize", "8"),
                Map.entry("kmip.poolIdleSeconds", "5"),
                Map.entry("kmip.protocolVersionMin", "1.2"),
                Map.entry("kmip.protocolVersionMax", "1.4"),
                Map.entry("kmip.maxResponseBytes", "1024"),
                Map.entry("kmip.serverCooldownSeconds", "0"),
                Map.entry("kmip.allowMasterKeyFetch", "true"),
                Map.entry("kmip.bulkProvider", "sunjce"),
                Map.entry("kmip.dataKeyMaxMessages", "4294967296"),
                Map.entry("kmip.dataKeyMaxBytes", "1048576"),
                Map.entry("kmip.dataKeyMaxAgeSeconds", "60"),
                Map.entry("kmip.dataKeyCacheSize", "0"),
                Map.entry("kmip.dataKeyCacheMaxAgeSeconds", "86400")), dir);
        assertEquals("[kmip1.example.com:5697, 10.0.0.2:5697]", s.servers().toString());
        assertEquals(Optional.of(ca), s.serverCAFile());
        assertEquals(Optional.of(client), s.clientCertificateFile());
        assertArrayEquals("pw".toCharArray(), s.clientCertificatePassword());
        assertEquals("42", s.keyIdentifier());
        assertTrue(s.rotateMasterKey());
        assertEquals(2, s.connectRetries());
        assertEquals(1000, s.connectTimeoutMS());
        assertFalse(s.activateKeys());
        assertEquals(-1, s.keyStatePollingSeconds());
        assertEquals(8, s.poolSize());
        assertEquals(5, s.poolIdleSeconds());
        assertEquals("1.2", s.protocolVersionMin().toString());
        assertEquals("1.4", s.protocolVersionMax().toString());
        assertEquals(1024, s.maxResponseBytes());
        assertEquals(0, s.serverCooldownSeconds());
        assertTrue(s.allowMasterKeyFetch());
        assertEquals(BulkProvider.SUNJCE, s.bulkProvider());
        assertEquals(1L << 32, s.dataKeyMaxMessages());
        assertEquals(1L << 20, s.dataKeyMaxBytes());
        assertEquals(60, s.dataKeyMaxAgeSeconds());
        assertEquals(0, s.dataKeyCacheSize());
        assertEquals(86400, s.dataKeyCacheMaxAgeSeconds());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kmip.port|0|kmip.port=0: must be from 1 to 65535",
        "kmip.port|65536|kmip.port=65536: must be from 1 to 65535",
        "kmip.port|abc|kmip.port=abc: must be a whole number",
        "kmip.connectTimeoutMS|500|kmip.connectTimeoutMS=500: must be at least 1000",
        "kmip.connectTimeoutMS|99999999999|kmip.connectTimeoutMS=99999999999: must be a whole number",
        "kmip.connectRetries|-1|kmip.connectRetries=-1: must be at least 0",
        "kmip.keyStatePollingSeconds|0|kmip.keyStatePollingSeconds=0: must be -1 (off) or at least 1",
        "kmip.keyStatePollingSeconds|-2|kmip.keyStatePollingSeconds=-2: must be -1 (off) or at least 1",
        "kmip.poolSize|0|kmip.poolSize=0: must be from 1 to 1024",
        "kmip.poolSize|1025|kmip.poolSize=1025: must be from 1 to 1024",
        "kmip.poolIdleSeconds|0|kmip.poolIdleSeconds=0: must be at least 1",
        "kmip.protocolVersionMin|1.5|kmip.protocolVersionMin=1.5: must be one of 1.0, 1.1, 1.2, 1.3, 1.4, 2.0, 2.1",
        "kmip.protocolVersionMax|3|kmip.protocolVersionMax=3: must be one of 1.0, 1.1, 1.2, 1.3, 1.4, 2.0, 2.1",
        "kmip.maxResponseBytes|1023|kmip.maxResponseBytes=1023: must be from 1024 to 1073741824",
        "kmip.serverCooldownSeconds|-1|kmip.serverCooldownSeconds=-1: must be at least 0",
        "kmip.rotateMasterKey|yes|kmip.rotateMasterKey=yes: must be true or false",
        "kmip.activateKeys|1|kmip.activateKeys=1: must be true or false",
        "kmip.retireOldMasterKey|shred|kmip.retireOldMasterKey=shred: must be keep, deactivate or destroy",
        "kmip.allowMasterKeyFetch|on|kmip.allowMasterKeyFetch=on: must be true or false",
        "kmip.bulkProvider|openssl|kmip.bulkProvider=openssl: must be auto, SunJCE or ACCP",
        "kmip.dataKeyMaxMessages|0|kmip.dataKeyMaxMessages=0: must be from 1 to 4294967296",
        "kmip.dataKeyMaxMessages|4294967297|kmip.dataKeyMaxMessages=4294967297: must be from 1 to 4294967296",
        "kmip.dataKeyMaxMessages|1e6|kmip.dataKeyMaxMessages=1e6: must be a whole number",
        "kmip.dataKeyMaxBytes|0|kmip.dataKeyMaxBytes=0: must be from 1 to 281474976710656",
        "kmip.dataKeyMaxBytes|281474976710657|kmip.dataKeyMaxBytes=281474976710657: must be from 1 to 281474976710656",
        "kmip.dataKeyMaxAgeSeconds|0|kmip.dataKeyMaxAgeSeconds=0: must be from 1 to 86400",
        "kmip.dataKeyMaxAgeSeconds|86401|kmip.dataKeyMaxAgeSeconds=86401: must be from 1 to 86400",
        "kmip.dataKeyCacheSize|-1|kmip.dataKeyCacheSize=-1: must be from 0 to 100000",
        "kmip.dataKeyCacheSize|100001|kmip.dataKeyCacheSize=100001: must be from 0 to 100000",
        "kmip.dataKeyCacheMaxAgeSeconds|0|kmip.dataKeyCacheMaxAgeSeconds=0: must be from 1 to 86400",
    })
    void valueBreakingARule_isRefusedNamingKeyValueAndRule(String key, String value, String message) {
        KmipSettingsException e = refused(Map.of(key, value));
        assertEquals(message, e.getMessage());
        assertEquals(List.of(message), e.problems());
    }

    @ParameterizedTest
    @CsvSource({"kmip.keyStatePollingSeconds,1", "kmip.connectTimeoutMS,1000", "kmip.connectRetries,0",
        "kmip.port,1", "kmip.port,65535", "kmip.maxResponseBytes,1073741824", "kmip.poolSize,1024",
        "kmip.dataKeyMaxMessages,1", "kmip.dataKeyMaxBytes,281474976710656", "kmip.dataKeyMaxAgeSeconds,86400",
        "kmip.dataKeyCacheSize,100000", "kmip.dataKeyCacheMaxAgeSeconds,1"})
    void boundaryValue_isAccepted(String key, String value) throws Exception {
        KmipSettings.fromMap(Map.of(key, value), Path.of("/"));
    }

    @Test
    void minimumAboveMaximum_isRefused() {
        assertEquals("kmip.protocolVersionMin=2.0: must not be above kmip.protocolVersionMax=1.4",
                refused(Map.of("kmip.protocolVersionMin", "2.0", "kmip.protocolVersionMax", "1.4")).getMessage());
    }

    @Test
    void severalBadValues_areAllReported() {
        KmipSettingsException e = refused(Map.of("kmip.port", "0", "kmip.connectTimeoutMS", "10",
                "kmip.serverName", "a,,b"));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("kmip.port=0"));
        assertTrue(e.getMessage().contains("kmip.connectTimeoutMS=10"));
        assertTrue(e.getMessage().contains("kmip.serverName=a,,b: empty entry"));
    }

    @Test
    void emptyValue_meansTheDefault() throws Exception {
        KmipSettings s = KmipSettings.fromMap(Map.of("kmip.port", "", "kmip.connectTimeoutMS", "  "), Path.of("/"));
        assertEquals(5696, s.port());
        assertEquals(5000, s.connectTimeoutMS());
    }

    @Test
    void missingFile_isRefusedNamingSettingAndPath() {
        Path missing = dir.resolve("nope.pem");
        KmipSettingsException e = refused(Map.of("kmip.serverCAFile", missing.toString()));
        assertEquals("kmip.serverCAFile=" + missing + ": file does not exist", e.getMessage());
    }

    @Test
    void directoryInsteadOfFile_isRefused() {
        KmipSettingsException e = refused(Map.of("kmip.clientCertificateFile", dir.toString()));
        assertEquals("kmip.clientCertificateFile=" + dir + ": is not a regular file", e.getMessage());
    }

    @Test
    void unreadableFile_isRefused() throws Exception {
        Path f = Files.writeString(dir.resolve("secret.pem"), "x");
        f.toFile().setReadable(false, false);
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(f), "running as root: every file is readable");
        KmipSettingsException e = refused(Map.of("kmip.clientCertificateFile", f.toString()));
        assertEquals("kmip.clientCertificateFile=" + f + ": file is not readable by this process", e.getMessage());
    }

    @Test
    void password_neverAppearsInToStringOrMessages() throws Exception {
        KmipSettings s = KmipSettings.fromMap(Map.of("kmip.clientCertificatePassword", "hunter2",
                "kmip.serverName", "kmip.example.com"), Path.of("/"));
        assertTrue(s.toString().contains("kmip.clientCertificatePassword=<set>"), s.toString());
        assertFalse(s.toString().contains("hunter2"));
        assertFalse(s.toMap().toString().contains("hunter2"));
        KmipSettingsException e = refused(Map.of("kmip.clientCertificatePassword", "hunter2", "kmip.port", "x",
                "kmip.clientCertificatePasword", "hunter2"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(KmipSettings.builder().build().toString().contains("kmip.clientCertificatePassword=<not set>"));
    }

    @Test
    void clearSecrets_zeroesThePassword() throws Exception {
        char[] pw = "pw".toCharArray();
        KmipSettings s = KmipSettings.builder().clientCertificatePassword(pw).build();
        pw[0] = 'X';
        assertArrayEquals("pw".toCharArray(), s.clientCertificatePassword(), "the builder copies the array");
        s.clearSecrets();
        assertTrue(s.hasClientCertificatePassword());
        IllegalStateException e = assertThrows(IllegalStateException.class, s::clientCertificatePassword);
        assertEquals("the password was cleared by clearSecrets()", e.getMessage());
    }

    @Test
    void requireConnectable_namesEachMissingSetting() throws Exception {
        KmipSettingsException e = assertThrows(KmipSettingsException.class,
                () -> KmipSettings.builder().build().requireConnectable());
        assertEquals(List.of(
                "kmip.serverName is required: the KMIP server host names or IP addresses",
                "kmip.clientCertificateFile is required: a PEM file with the client key and certificate"),
                e.problems());
        Path client = Files.writeString(dir.resolve("c.pem"), "x");
        KmipSettings.builder().serverName("h").clientCertificateFile(client).build().requireConnectable();
    }

    @Test
    void toMap_listsOnlyChangedSettingsAndReadsBackTheSame() throws Exception {
        KmipSettings s = KmipSettings.builder().serverName("a.example, [::1]:7000").connectRetries(3)
                .bulkProvider(BulkProvider.ACCP).build();
        assertEquals(Map.of("kmip.serverName", "a.example, [::1]:7000", "kmip.connectRetries", "3",
                "kmip.bulkProvider", "ACCP"), s.toMap());
        assertEquals(s.toString(), KmipSettings.fromMap(s.toMap(), Path.of("/")).toString());
    }
}
