package dev.kmipjca.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.config.KmipSettingsException;
import dev.kmipjca.keystore.KeystoreException.Reason;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The file as people see it: settings kept as written, the section appended, structural errors named. */
class KeystoreFileTest {
    private InMemoryKeyWrapService wrap;

    @BeforeEach
    void masterKey() {
        wrap = new InMemoryKeyWrapService();
        wrap.createMasterKey("mk-1");
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static KeystoreFile parse(String s) throws KeystoreException {
        return KeystoreFile.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    private String initialised(String settings) throws Exception {
        try (KeystoreContents ks = KeystoreContents.create(parse(settings), "mk-1", wrap)) {
            ks.put("k", TestEntries.serverKeyEntry());
            return text(ks.serialize());
        }
    }

    @Test
    void newFile_isNotInitialised_andReadsItsSettings() throws Exception {
        KeystoreFile f = KeystoreFile.parse(TestEntries.settingsBytes());
        assertFalse(f.isInitialised());
        assertTrue(f.masterKeyId().isEmpty());
        assertEquals("5696", f.setting("kmip.port").orElseThrow());
        assertEquals("kmip1.example.com, kmip2.example.com", f.settingsProperties().getProperty("kmip.serverName"));
        assertEquals(7000, f.settings(Path.of("/tmp")).connectTimeoutMS());
    }

    @Test
    void firstWrite_keepsSettingsAsWritten_marksTheFile_andRecordsTheKeyIdentifier() throws Exception {
        String out = initialised(TestEntries.SETTINGS);
        String settingsPart = out.substring(0, out.indexOf(Format.BEGIN));
        assertEquals(Format.HEADER + "\n" + TestEntries.SETTINGS.replace("kmip.connectTimeoutMS=7000\n",
                "kmip.connectTimeoutMS=7000\nkmip.keyIdentifier=mk-1\n") + "\n", settingsPart);
        assertTrue(out.endsWith(Format.END + "\n"));
        KeystoreFile back = parse(out);
        assertTrue(back.isInitialised());
        assertEquals("mk-1", back.masterKeyId().orElseThrow());
        assertEquals(1, back.entryCount());
    }

    @Test
    void emptyKeyIdentifierSetting_isFilledInPlace() throws Exception {
        String out = initialised("kmip.serverName=a\n# choose later\nkmip.keyIdentifier =\nkmip.port=1\n");
        assertTrue(out.startsWith(Format.HEADER + "\nkmip.serverName=a\n# choose later\nkmip.keyIdentifier =mk-1\n"
                + "kmip.port=1\n\n" + Format.BEGIN), out);
    }

    @Test
    void rewrite_ofAnUnchangedKeystore_isByteForByteTheSame() throws Exception {
        byte[] first = initialised(TestEntries.SETTINGS).getBytes(StandardCharsets.UTF_8);
        try (KeystoreContents ks = KeystoreContents.open(KeystoreFile.parse(first), wrap)) {
            assertArrayEquals(first, ks.serialize());
        }
    }

    @Test
    void crlfFile_staysCrlf() throws Exception {
        String out = initialised(TestEntries.SETTINGS.replace("\n", "\r\n"));
        assertFalse(out.replace("\r\n", "").contains("\n"), "every line ends in CRLF");
        assertEquals(1, parse(out).entryCount());
    }

    @Test
    void wholeFile_isAValidPropertiesFile_whoseSettingsKmipSettingsReads() throws Exception {
        String out = initialised(TestEntries.SETTINGS);
        Properties p = new Properties();
        p.load(new StringReader(out));
        KmipSettings s = KmipSettings.fromProperties(p, Path.of("/tmp"));
        assertEquals("mk-1", s.keyIdentifier());
        assertEquals(2, s.servers().size());
        assertEquals("2", p.getProperty("kmipjca.version"));
        assertEquals(parse(out).settingsProperties().getProperty("kmip.port"), p.getProperty("kmip.port"));
        assertTrue(p.getProperty("kmipjca.entry.0").matches("[A-Za-z0-9+/=]{80,}"), "continuation lines joined");
    }

    @Test
    void setSetting_changesOneValueInPlace_andRefusesManagedKeys() throws Exception {
        try (KeystoreContents ks = KeystoreContents.open(parse(initialised(TestEntries.SETTINGS)), wrap)) {
            ks.setSetting("kmip.port", "5697");
            ks.setSetting("kmip.rotateMasterKey", "false");
            String out = text(ks.serialize());
            assertTrue(out.contains("! the port every server listens on\nkmip.port: 5697\n"), out);
            assertTrue(out.contains("kmip.keyIdentifier=mk-1\nkmip.rotateMasterKey=false\n\n"), out);
            assertEquals("5697", ks.setting("kmip.port").orElseThrow());
            assertThrows(IllegalArgumentException.class, () -> ks.setSetting("kmip.keyIdentifier", "x"));
            assertThrows(IllegalArgumentException.class, () -> ks.setSetting("KMIPJCA.entry.0", "x"));
        }
    }

    @Test
    void parse_inputStream_readsTheSame() throws Exception {
        String out = initialised(TestEntries.SETTINGS);
        KeystoreFile f = KeystoreFile.parse(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, f.entryCount());
    }

    @Test
    void unknownFormatVersion_isRefusedNamingVersionAndLine() throws Exception {
        String out = initialised(TestEntries.SETTINGS).replace("kmipjca.version=2", "kmipjca.version=3");
        KeystoreException e = assertThrows(KeystoreException.class, () -> parse(out));
        assertEquals(Reason.UNSUPPORTED_VERSION, e.reason());
        assertEquals(lineOf(out, "kmipjca.version="), e.line());
        assertEquals("kmipjca.version=3 (line " + e.line() + "): this kmip-jca reads keystore format versions 1 and 2;"
                + " open the file with the kmip-jca version that wrote it, or a newer one", e.getMessage());
    }

    @Test
    void keyIdentifierEditedAfterInitialisation_isRefusedNamingBothLines() throws Exception {
        String out = initialised(TestEntries.SETTINGS).replace("kmip.keyIdentifier=mk-1", "kmip.keyIdentifier=mk-9");
        KeystoreException e = assertThrows(KeystoreException.class, () -> parse(out));
        assertEquals(Reason.MALFORMED, e.reason());
        int settingLine = lineOf(out, "kmip.keyIdentifier=");
        assertEquals("kmip.keyIdentifier=mk-9 (line " + settingLine + ") is not the master key of the protected section,"
                + " kmipjca.masterKeyId=mk-1 (line " + lineOf(out, "kmipjca.masterKeyId=") + "); kmip.keyIdentifier can"
                + " only be chosen before the keystore is first initialised, a keystore moves to another master key by"
                + " rotation", e.getMessage());
    }

    @Test
    void protectedFieldAboveTheSection_isRefused() throws Exception {
        String out = initialised(TestEntries.SETTINGS).replace(Format.BEGIN + "\n", "");
        KeystoreException e = assertThrows(KeystoreException.class, () -> parse(out));
        assertEquals(Reason.MALFORMED, e.reason());
        assertEquals("line " + e.line() + ": kmipjca.version is a field of the protected section but appears before its"
                + " begin marker line (" + Format.BEGIN + "); the file was edited or damaged", e.getMessage());
    }

    @Test
    void textAfterTheSection_isRefused() throws Exception {
        String out = initialised(TestEntries.SETTINGS) + "\nkmip.port=1\n";
        KeystoreException e = assertThrows(KeystoreException.class, () -> parse(out));
        assertEquals("line " + lineOf(out, "kmip.port=1") + ": nothing but blank lines may follow the end of the"
                + " protected section (line " + lineOf(out, Format.END) + "); put settings above the section",
                e.getMessage());
        assertEquals(1, parse(initialised(TestEntries.SETTINGS) + "\n\n").entryCount(), "blank lines are fine");
    }

    @Test
    void missingField_isNamedWithItsLine() throws Exception {
        String out = initialised(TestEntries.SETTINGS);
        String noHistory = out.replace("kmipjca.historyCount=0\n", "");
        KeystoreException e = assertThrows(KeystoreException.class, () -> parse(noHistory));
        assertEquals("line " + lineOf(noHistory, "kmipjca.entryCount") + ": expected kmipjca.historyCount, found"
                + " kmipjca.entryCount", e.getMessage());
        String noMac = out.replaceAll("kmipjca.mac=.*\n", "");
        e = assertThrows(KeystoreException.class, () -> parse(noMac));
        assertEquals("line " + lineOf(noMac, Format.END) + ": the protected section ends before kmipjca.mac, which is"
                + " missing", e.getMessage());
    }

    @Test
    void notUtf8_isRefusedNamingTheLine() {
        byte[] bad = "kmip.serverName=a\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        KeystoreException e = assertThrows(KeystoreException.class, () -> KeystoreFile.parse(bad));
        assertEquals(2, e.line());
        assertEquals("line 2: the file is not UTF-8 text (invalid byte sequence at byte offset 23)", e.getMessage());
    }

    @Test
    void byteOrderMark_isRefusedWithAHint() {
        byte[] bom = ("\uFEFF" + TestEntries.SETTINGS).getBytes(StandardCharsets.UTF_8);
        KeystoreException e = assertThrows(KeystoreException.class, () -> KeystoreFile.parse(bom));
        assertEquals("line 1: the file starts with a UTF-8 byte order mark, which properties readers take for part of"
                + " the first key; save it as UTF-8 without one", e.getMessage());
    }

    @Test
    void fileWithoutSettings_isNotAKeystore() {
        KeystoreException e = assertThrows(KeystoreException.class, () -> parse("# only a comment\n\nother=1\n"));
        assertEquals("not a keystore file: it has no kmip.* settings and no protected section (a new keystore file is"
                + " a properties file of kmip.* settings)", e.getMessage());
        assertThrows(KeystoreException.class, () -> KeystoreFile.parse(new byte[0]));
    }

    @Test
    void markedFileWithoutSection_isTruncated() throws Exception {
        String out = initialised(TestEntries.SETTINGS);
        String cut = out.substring(0, out.indexOf(Format.BEGIN));
        KeystoreException e = assertThrows(KeystoreException.class, () -> parse(cut));
        assertEquals(Reason.TRUNCATED, e.reason());
        assertEquals("line 1 marks an initialised keystore, but the file has no protected section: it was cut short or"
                + " the section was removed; restore the file from a backup (or delete line 1 to start a new keystore"
                + " with these settings)", e.getMessage());
    }

    @Test
    void settings_missingOrInvalid_areNamedWithTheirLines() throws Exception {
        KeystoreFile f = parse("# no server\nkmip.port=0\nkmip.connectTimeoutMS=10\n");
        KmipSettingsException e = assertThrows(KmipSettingsException.class, () -> f.settings(Path.of("/tmp")));
        assertEquals(List.of("kmip.port=0: must be from 1 to 65535 (line 2)",
                "kmip.connectTimeoutMS=10: must be at least 1000 (line 3)"), e.problems());
        KmipSettingsException typo = assertThrows(KmipSettingsException.class,
                () -> parse("kmip.port=5697\n\nkmip.serverNmae=a\n").settings(Path.of("/tmp")));
        assertEquals("unknown setting kmip.serverNmae; did you mean kmip.serverName? (line 3)", typo.getMessage());
        KmipSettings ok = parse("kmip.port=5697\n").settings(Path.of("/tmp"));
        KmipSettingsException missing = assertThrows(KmipSettingsException.class, ok::requireConnectable);
        assertTrue(missing.getMessage().startsWith("kmip.serverName is required"), missing.getMessage());
    }

    @Test
    void createAndOpen_onTheWrongKindOfFile_areProgrammingErrors() throws Exception {
        KeystoreFile fresh = KeystoreFile.parse(TestEntries.settingsBytes());
        assertThrows(IllegalArgumentException.class, () -> KeystoreContents.open(fresh, wrap));
        assertThrows(IllegalArgumentException.class,
                () -> KeystoreContents.create(parse(initialised(TestEntries.SETTINGS)), "mk-1", wrap));
        assertThrows(IllegalArgumentException.class,
                () -> KeystoreContents.create(parse("kmip.keyIdentifier=other\n"), "mk-1", wrap));
    }

    @Test
    void emptyFile_createsAKeystoreThatRecordsOnlyTheKeyIdentifier() throws Exception {
        try (KeystoreContents ks = KeystoreContents.create(KeystoreFile.empty(), "mk-1", wrap)) {
            String out = text(ks.serialize());
            assertTrue(out.startsWith(Format.HEADER + "\nkmip.keyIdentifier=mk-1\n\n" + Format.BEGIN + "\n"), out);
            assertEquals(0, parse(out).entryCount());
        }
    }

    /** The 1-based line of the first line that starts with {@code prefix}. */
    static int lineOf(String text, String prefix) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }
}
