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
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The fast reader of the protected section reads what the general parser reads, and leaves it anything else. */
class SectionReaderTest {
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

    private static void assertSame(ProtectedSection fast, ProtectedSection general) {
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

    @Test
    void writtenFile_lfOrCrlf_fastReaderAgreesWithGeneralParser() throws Exception {
        for (String nl : new String[] {"\n", "\r\n"}) {
            byte[] bytes = written(nl);
            ProtectedSection fast = SectionReader.read(bytes, SectionReader.findBegin(bytes));
            assertNotNull(fast, "the layout kmip-jca writes is read by the fast reader");
            assertNotNull(fast.entryBlock);
            assertSame(fast, KeystoreFile.parseGeneral(bytes).section());
            KeystoreFile parsed = KeystoreFile.parse(bytes);
            assertEquals(KeystoreFile.parseGeneral(bytes).settingsText().render(), parsed.settingsText().render());
            assertEquals(nl, parsed.settingsText().newline());
        }
    }

    @Test
    void entryBlock_isTheAuthenticatorInputOfTheEntries_sameMacAsEntryByEntry() throws Exception {
        byte[] bytes = written("\n");
        ProtectedSection fast = SectionReader.read(bytes, SectionReader.findBegin(bytes));
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
            if (SectionReader.read(bytes, SectionReader.findBegin(bytes)) == null) {
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
    void base64RewrappedAcrossGroupsOfFour_fastReaderReadsItAsTheGeneralParserDoes() throws Exception {
        String text = new String(written("\n"), StandardCharsets.UTF_8);
        for (int width : new int[] {1, 5, 50, 63}) {
            byte[] bytes = rewrapped(text, width).getBytes(StandardCharsets.UTF_8);
            ProtectedSection fast = SectionReader.read(bytes, SectionReader.findBegin(bytes));
            assertNotNull(fast, "width " + width);
            assertSame(fast, KeystoreFile.parseGeneral(bytes).section());
        }
    }

    @Test
    void badCharacterInEntryContinuationLine_fastReaderDeclines_parseNamesLineAndField() throws Exception {
        String text = new String(written("\n"), StandardCharsets.UTF_8);
        int at = text.indexOf("kmipjca.entry.3=\\\n") + "kmipjca.entry.3=\\\n".length() + 10;
        String bad = text.substring(0, at) + "*" + text.substring(at + 1);
        byte[] bytes = bad.getBytes(StandardCharsets.UTF_8);
        assertNull(SectionReader.read(bytes, SectionReader.findBegin(bytes)));
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
        assertNull(SectionReader.read(bytes, SectionReader.findBegin(bytes)));
        KeystoreException e = assertThrows(KeystoreException.class, () -> KeystoreFile.parse(bytes));
        assertTrue(e.getMessage().contains("kmipjca.mac"), e.getMessage());
    }
}
