package dev.kmipjca.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Instant;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The fast reader of the protected section reads what the general parser reads, and leaves it anything else.
 * Version 2 sections (what kmip-jca writes) are read lazily: entry headers only, the rest decoded on first use;
 * version 1 sections (the fixture {@code format-v1.kmip}, written by kmip-jca 32dacdd) are decoded in full.
 */
class SectionReaderTest {
    /** The version 1 fixture (see src/test/resources/dev/kmipjca/keystore/README.md), with {@code newline}. */
    static byte[] version1(String newline) throws Exception {
        try (var in = SectionReaderTest.class.getResourceAsStream("format-v1.kmip")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("\n", newline).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static byte[] written(String newline) throws Exception {
        InMemoryKeyWrapService wrap = new InMemoryKeyWrapService();
        wrap.createMasterKey("mk-1");
        wrap.createMasterKey("mk-2");
        String settings = new String(TestEntries.settingsBytes(), StandardCharsets.UTF_8).replace("\n", newline);
        try (KeystoreContents ks = KeystoreContents.create(KeystoreFile.parse(settings.getBytes(StandardCharsets.UTF_8)),
                "mk-1", wrap)) {
            for (int i = 0; i < 50; i++) {
                ks.put("Key-" + i, new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[] {(byte) i, 2, 3}, "AES")),
                        Instant.ofEpochMilli(1_700_000_000_000L + i));
            }
            ks.put("ünïcode", new ServerKeyEntry("uid-1", "AES", 256));
            ks.rewrap(wrap, "mk-2");
            return ks.serialize();
        }
    }

    private static void assertSame(ProtectedSection fast, ProtectedSection general) throws KeystoreException {
        assertEquals(general.beginLine, fast.beginLine);
        assertEquals(general.masterKeyId, fast.masterKeyId);
        assertEquals(general.masterKeyIdLine, fast.masterKeyIdLine);
        assertEquals(general.keystoreKeyLine, fast.keystoreKeyLine);
        assertArrayEquals(WrappedKeys.encode(general.wrappedKey), WrappedKeys.encode(fast.wrappedKey));
        assertEquals(general.history, fast.history);
        assertEquals(general.entries.size(), fast.entries.size());
        for (int i = 0; i < general.entries.size(); i++) {
            SealedEntry g = general.entries.get(i);
            SealedEntry f = fast.entries.get(i);
            assertEquals(g.alias, f.alias);
            assertEquals(g.kind, f.kind);
            assertEquals(g.createdMillis, f.createdMillis);
            assertArrayEquals(g.encode(), f.encode());
            assertArrayEquals(g.header(), f.header());
            assertArrayEquals(g.nonce(), f.nonce());
            assertArrayEquals(g.ciphertext(), f.ciphertext());
        }
        assertArrayEquals(general.mac, fast.mac);
        assertEquals(general.macLine, fast.macLine);
    }

    private static ProtectedSection fastRead(byte[] bytes) {
        return SectionReader.read(bytes, SectionReader.findBegin(bytes), null);
    }

    @Test
    void writtenFile_lfOrCrlf_fastReaderAgreesWithGeneralParser() throws Exception {
        for (String nl : new String[] {"\n", "\r\n"}) {
            byte[] bytes = written(nl);
            ProtectedSection fast = fastRead(bytes);
            assertNotNull(fast, "the layout kmip-jca writes is read by the fast reader");
            assertEquals(2, fast.version);
            assertNull(fast.entryBlock, "version 2 entries are read lazily");
            assertTrue(fast.entries.get(0).toString().endsWith("not decoded]"), fast.entries.get(0).toString());
            assertSame(fast, KeystoreFile.parseGeneral(bytes).section());
            assertTrue(fast.entries.get(0).toString().endsWith(" bytes]"), "decoded once compared");
            KeystoreFile parsed = KeystoreFile.parse(bytes);
            assertEquals(KeystoreFile.parseGeneral(bytes).settingsText().render(), parsed.settingsText().render());
            assertEquals(nl, parsed.settingsText().newline());
        }
    }

    @Test
    void version1File_lfOrCrlf_fastReaderDecodesItInFull_agreesWithGeneralParser() throws Exception {
        for (String nl : new String[] {"\n", "\r\n"}) {
            byte[] bytes = version1(nl);
            ProtectedSection fast = fastRead(bytes);
            assertNotNull(fast);
            assertEquals(1, fast.version);
            assertNotNull(fast.entryBlock);
            assertEquals(List.of("data-key", "srv", "tls", "ca"), fast.entries.stream().map(e -> e.alias).toList());
            assertSame(fast, KeystoreFile.parseGeneral(bytes).section());
        }
    }

    @Test
    void entryBlock_isTheAuthenticatorInputOfTheEntries_sameMacAsEntryByEntry() throws Exception {
        byte[] bytes = version1("\n");
        ProtectedSection fast = fastRead(bytes);
        byte[] key = new byte[32];
        byte[] viaBlock = fast.authenticate(Hkdf.mac(key));
        byte[] viaEntries = ProtectedSection.authenticate(Hkdf.mac(key), fast.masterKeyId,
                WrappedKeys.encode(fast.wrappedKey), fast.history, fast.entries, fast.entries.size());
        assertArrayEquals(viaEntries, viaBlock);
    }

    @Test
    void editedLayout_rewrappedBase64OrSpacedSeparator_fallsBackToGeneralParserWithSameResult() throws Exception {
        String text = new String(written("\n"), StandardCharsets.UTF_8);
        String spaced = text.replace("kmipjca.entryCount=", "kmipjca.entryCount = ");
        String joined = text.replaceFirst("kmipjca.keystoreKey=\\\\\n    ", "kmipjca.keystoreKey=")
                .replaceFirst("(kmipjca.keystoreKey=[^\\n]*)\\\\\n    ", "$1");
        for (String edited : new String[] {spaced, joined}) {
            byte[] bytes = edited.getBytes(StandardCharsets.UTF_8);
            ProtectedSection general = KeystoreFile.parseGeneral(bytes).section();
            ProtectedSection viaParse = KeystoreFile.parse(bytes).section();
            if (fastRead(bytes) == null) {
                assertNull(viaParse.entryBlock, "the general parser read it");
            }
            assertSame(viaParse, general);
        }
    }

    @Test
    void beginMarkerInsideContinuedSetting_isNotTheBegin() {
        byte[] bytes = ("kmip.a=x\\\n# ---- BEGIN KMIP-JCA PROTECTED SECTION\n# ---- BEGIN KMIP-JCA PROTECTED SECTION x\n")
                .getBytes(StandardCharsets.US_ASCII);
        SectionReader.Begin begin = SectionReader.findBegin(bytes);
        assertEquals(3, begin.line());
        assertEquals(50, begin.offset());
    }
    /** Base64 continuation lines re-wrapped at {@code width} characters (groups of four then straddle lines). */
    private static String rewrapped(String text, int width) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].endsWith("=\\") || !lines[i].startsWith("kmipjca.")) {
                out.append(lines[i]).append(i + 1 < lines.length ? "\n" : "");
                continue;
            }
            StringBuilder value = new StringBuilder();
            out.append(lines[i]).append('\n');
            while (true) {
                String l = lines[++i].strip();
                boolean more = l.endsWith("\\");
                value.append(more ? l.substring(0, l.length() - 1) : l);
                if (!more) {
                    break;
                }
            }
            for (int at = 0; at < value.length(); at += width) {
                boolean last = at + width >= value.length();
                out.append("  ").append(value, at, Math.min(value.length(), at + width)).append(last ? "\n" : "\\\n");
            }
        }
        return out.toString();
    }

    @Test
    void version1_base64RewrappedAcrossGroupsOfFour_fastReaderReadsItAsTheGeneralParserDoes() throws Exception {
        String text = new String(version1("\n"), StandardCharsets.UTF_8);
        for (int width : new int[] {1, 5, 50, 63}) {
            byte[] bytes = rewrapped(text, width).getBytes(StandardCharsets.UTF_8);
            ProtectedSection fast = fastRead(bytes);
            assertNotNull(fast, "width " + width);
            assertSame(fast, KeystoreFile.parseGeneral(bytes).section());
        }
    }

    @Test
    void version2_base64Rewrapped_fastReaderDeclines_generalParserReadsTheSameEntries() throws Exception {
        String text = new String(written("\n"), StandardCharsets.UTF_8);
        for (int width : new int[] {1, 5, 50, 63}) {
            byte[] bytes = rewrapped(text, width).getBytes(StandardCharsets.UTF_8);
            assertNull(fastRead(bytes), "width " + width);
            ProtectedSection general = KeystoreFile.parse(bytes).section();
            assertSame(general, KeystoreFile.parseGeneral(bytes).section());
            assertEquals(51, general.entries.size());
        }
    }

    @Test
    void version1_badCharacterInEntryContinuationLine_fastReaderDeclines_parseNamesLineAndField() throws Exception {
        String text = new String(version1("\n"), StandardCharsets.UTF_8);
        int at = text.indexOf("kmipjca.entry.3=\\\n") + "kmipjca.entry.3=\\\n".length() + 10;
        String bad = text.substring(0, at) + "*" + text.substring(at + 1);
        byte[] bytes = bad.getBytes(StandardCharsets.UTF_8);
        assertNull(fastRead(bytes));
        KeystoreException e = assertThrows(KeystoreException.class, () -> KeystoreFile.parse(bytes));
        int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        assertTrue(e.getMessage().contains("kmipjca.entry.3"), e.getMessage());
        assertTrue(e.getMessage().contains("line " + (line - 1)), e.getMessage());
    }

    @Test
    void authenticatorLongerThanItsLimit_fastReaderDeclines_parseSaysHowLong() throws Exception {
        String text = new String(written("\n"), StandardCharsets.UTF_8);
        String longMac = text.replace("kmipjca.mac=", "kmipjca.mac=" + "A".repeat(4000));
        byte[] bytes = longMac.getBytes(StandardCharsets.UTF_8);
        assertNull(fastRead(bytes));
        KeystoreException e = assertThrows(KeystoreException.class, () -> KeystoreFile.parse(bytes));
        assertTrue(e.getMessage().contains("kmipjca.mac"), e.getMessage());
    }
}
