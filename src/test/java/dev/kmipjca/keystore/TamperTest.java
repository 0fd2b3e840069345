package dev.kmipjca.keystore;

import static dev.kmipjca.keystore.KeystoreFileTest.lineOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.envelope.KeyWrapException;
import dev.kmipjca.keystore.KeystoreException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every alteration of the protected section is detected and named; none is mistaken for a good file. */
class TamperTest {
    private static final String MAC_FAILURE = "does not match its contents: a field or entry was altered, removed,"
            + " reordered or copied in from another keystore, or the section's text was re-wrapped or re-escaped (format"
            + " version 2 authenticates the section's bytes as kmip-jca wrote them)";
    private InMemoryKeyWrapService wrap;
    private String file;

    @BeforeEach
    void keystore() throws Exception {
        wrap = new InMemoryKeyWrapService();
        wrap.createMasterKey("mk-0");
        wrap.createMasterKey("mk-1");
        file = build("mk-0", "mk-1");
    }

    /** Entries a (AES), b (server key), c (trusted certificate), created under {@code first} and rewrapped. */
    private String build(String first, String master) throws Exception {
        try (KeystoreContents ks = KeystoreContents.create(KeystoreFile.parse(TestEntries.settingsBytes()), first, wrap)) {
            ks.put("a", TestEntries.aesEntry(), Instant.parse("2025-01-01T00:00:00Z"));
            ks.put("b", TestEntries.serverKeyEntry(), Instant.parse("2025-01-02T00:00:00Z"));
            ks.put("c", TestEntries.trustedEntry(), Instant.parse("2025-01-03T00:00:00Z"));
            if (!first.equals(master)) {
                ks.rewrap(wrap, master);
            }
            return new String(ks.serialize(), StandardCharsets.UTF_8);
        }
    }

    private KeystoreException openFails(String text) {
        return assertThrows(KeystoreException.class,
                () -> KeystoreContents.open(KeystoreFile.parse(text.getBytes(StandardCharsets.UTF_8)), wrap).close());
    }

    private void assertMacFailure(String text) {
        KeystoreException e = openFails(text);
        assertEquals(Reason.AUTHENTICATION_FAILED, e.reason(), e.getMessage());
        assertEquals(lineOf(text, "kmipjca.mac="), e.line());
        assertEquals("the authenticator of the protected section (kmipjca.mac, line " + e.line() + ") " + MAC_FAILURE,
                e.getMessage());
    }

    @Test
    void untouchedFile_opens() throws Exception {
        try (KeystoreContents ks = KeystoreContents.open(KeystoreFile.parse(file.getBytes(StandardCharsets.UTF_8)), wrap)) {
            assertEquals(List.of("a", "b", "c"), ks.aliases());
        }
    }

    @Test
    void flippedBitInTheWrappedKeystoreKey_failsTheUnwrap() {
        int line = lineOf(file, "kmipjca.keystoreKey=");
        for (int index : new int[] {1, 12, 13, 30, 60}) {
            KeystoreException e = openFails(FileEdits.flip(file, "kmipjca.keystoreKey", index));
            assertEquals(Reason.MASTER_KEY_FAILED, e.reason());
            assertEquals("the master key mk-1 could not unwrap the keystore key (kmipjca.keystoreKey, line " + line
                    + "): AUTHENTICATION_FAILED: master key mk-1: the wrapped key or its associated data fails"
                    + " authentication", e.getMessage());
            assertEquals(KeyWrapException.Kind.AUTHENTICATION_FAILED,
                    assertInstanceOf(KeyWrapException.class, e.getCause()).kind());
        }
        KeystoreException alg = openFails(FileEdits.flip(file, "kmipjca.keystoreKey", 0));
        assertEquals("kmipjca.keystoreKey (line " + line + "), byte 0: unknown wrap algorithm 0 (1 is AES-256-GCM)",
                alg.getMessage());
    }

    @Test
    void otherMasterKeyId_inSectionAndSettings_failsTheUnwrap() {
        String other = file.replace("mk-1", "mk-0");
        KeystoreException e = openFails(other);
        assertEquals(Reason.MASTER_KEY_FAILED, e.reason());
        assertTrue(e.getMessage().startsWith("the master key mk-0 could not unwrap the keystore key"), e.getMessage());
        String unknown = file.replace("mk-1", "mk-9");
        e = openFails(unknown);
        assertEquals(KeyWrapException.Kind.KEY_NOT_FOUND, ((KeyWrapException) e.getCause()).kind());
        assertTrue(e.getMessage().endsWith("KEY_NOT_FOUND: master key mk-9 does not exist"), e.getMessage());
    }

    @Test
    void alteredHistory_failsTheAuthenticator() {
        String history = FileEdits.value(file, "kmipjca.history.0");
        assertTrue(history.endsWith(" mk-0"), history);
        assertMacFailure(FileEdits.replace(file, "kmipjca.history.0", history.replace("mk-0", "mk-7")));
        assertMacFailure(FileEdits.replace(file, "kmipjca.history.0", history.replace("Z ", ".001Z ")));
        KeystoreException count = openFails(file.replace("kmipjca.historyCount=1", "kmipjca.historyCount=0"));
        assertEquals("line " + lineOf(file, "kmipjca.history.0=") + ": expected kmipjca.entryCount, found"
                + " kmipjca.history.0", count.getMessage());
    }

    @Test
    void flippedBitAnywhereInAnEntry_failsTheAuthenticator() {
        byte[] entry = FileEdits.bytes(file, "kmipjca.entry.1");
        for (int index = 0; index < entry.length; index++) {
            String edited = FileEdits.flip(file, "kmipjca.entry.1", index);
            KeystoreException e = openFails(edited);
            int line = lineOf(edited, "kmipjca.entry.1=");
            if (index == 0) {
                assertEquals("kmipjca.entry.1 (line " + line + "), byte 0: unknown entry kind 5", e.getMessage());
            } else if (index == 1 || index == 2) {
                assertEquals(Reason.MALFORMED, e.reason(), e.getMessage());
                assertTrue(e.getMessage().startsWith("kmipjca.entry.1 (line " + line + "), byte "), e.getMessage());
            } else if (index == 3) {
                assertEquals("kmipjca.entry.2 (line " + lineOf(edited, "kmipjca.entry.2=") + "): alias 'c' is also the"
                        + " alias of kmipjca.entry.1", e.getMessage(), "alias b became c");
            } else {
                assertEquals(Reason.AUTHENTICATION_FAILED, e.reason(), "byte " + index + ": " + e.getMessage());
            }
        }
    }

    @Test
    void entryOfAnotherKindOrUpperCaseAlias_isRefused() {
        byte[] b = FileEdits.bytes(file, "kmipjca.entry.1");
        b[0] = (byte) EntryKind.SECRET_KEY.code();
        assertMacFailure(FileEdits.replace(file, "kmipjca.entry.1", b));
        b = FileEdits.bytes(file, "kmipjca.entry.1");
        b[3] = 'B';
        String edited = FileEdits.replace(file, "kmipjca.entry.1", b);
        assertEquals("kmipjca.entry.1 (line " + lineOf(edited, "kmipjca.entry.1=") + "), byte 1: the alias must be 1 to"
                + " 1024 UTF-8 bytes in lower case", openFails(edited).getMessage());
    }

    @Test
    void flippedBitInTheAuthenticator_isDetected() {
        for (int index : new int[] {0, 17, 31}) {
            assertMacFailure(FileEdits.flip(file, "kmipjca.mac", index));
        }
        KeystoreException shortMac = openFails(FileEdits.replace(file, "kmipjca.mac", new byte[31]));
        assertEquals("kmipjca.mac (line " + lineOf(file, "kmipjca.mac=") + "): the authenticator is 32 bytes, this one 31",
                shortMac.getMessage());
    }

    @Test
    void notBase64_isNamedWithItsField() {
        String edited = FileEdits.replace(file, "kmipjca.entry.2", "AAAA*AAA");
        KeystoreException e = openFails(edited);
        assertEquals("kmipjca.entry.2 (line " + lineOf(edited, "kmipjca.entry.2=") + "): not valid base64 (Illegal"
                + " base64 character 2a)", e.getMessage());
    }

    /**
     * Version 2 reads entries lazily, stepping over their continuation lines by their layout: an edit that
     * keeps the layout is not seen by the parse, and is refused by the authenticator, which covers the bytes.
     */
    @Test
    void version2_editsInsideAnEntryThatKeepItsLayout_failTheAuthenticator() {
        int at = file.indexOf("kmipjca.entry.2=\\\n") + "kmipjca.entry.2=\\\n".length() + 4 + 30;
        for (String c : new String[] {"*", "=", "A", "/"}) {
            String replaced = file.charAt(at) == c.charAt(0) ? "B" : c;
            assertMacFailure(file.substring(0, at) + replaced + file.substring(at + 1));
        }
        // a character of two bytes, and the last line of an entry four characters shorter or longer: the
        // layout changes, and the parse or the authenticator refuses it
        String twoBytes = file.substring(0, at) + "\u00e9" + file.substring(at + 1);
        int next = file.indexOf("kmipjca.entry.2=");
        int lastLineEnd = file.indexOf("\nkmipjca.mac=", next);
        String shorter = file.substring(0, lastLineEnd - 4) + file.substring(lastLineEnd);
        String longer = file.substring(0, lastLineEnd) + "AAAA" + file.substring(lastLineEnd);
        for (String edited : new String[] {twoBytes, shorter, longer}) {
            KeystoreException e = openFails(edited);
            assertTrue(e.reason() == Reason.AUTHENTICATION_FAILED || e.reason() == Reason.MALFORMED, e.getMessage());
        }
    }

    @Test
    void version2_reWrappedOrReEscapedSection_failsTheAuthenticator_valuesUnchanged() {
        String joined = FileEdits.replace(file, "kmipjca.entry.0", FileEdits.value(file, "kmipjca.entry.0"));
        assertMacFailure(joined);
        assertMacFailure(file.replace("kmipjca.historyCount=1", "kmipjca.historyCount = 1"));
        assertMacFailure(file.replace("kmipjca.masterKeyId=mk-1", "kmipjca.masterKeyId=mk\\u002d1"));
    }

    @Test
    void version2_sectionNotEndingWithAuthenticatorAndEndMarker_cannotBeAuthenticated() {
        String indented = file.replace("\nkmipjca.mac=", "\n  kmipjca.mac=");
        KeystoreException e = openFails(indented);
        assertEquals(Reason.AUTHENTICATION_FAILED, e.reason());
        assertEquals("the protected section cannot be authenticated: kmip-jca writes the kmipjca.mac line (here line "
                + e.line() + ") just before the end marker line, and this section does not end that way; restore it"
                + " from a backup", e.getMessage());
        String between = file.replace("\n# ---- END KMIP-JCA", "\n# a comment\n# ---- END KMIP-JCA");
        assertEquals(Reason.MALFORMED, openFails(between).reason());
        // the end marker line as the general parser finds it (white space around it), and blank lines after it
        String trailing = file.replace("# ---- END KMIP-JCA PROTECTED SECTION ----", " # ---- END KMIP-JCA PROTECTED SECTION ----\t")
                + "\n\n  \n";
        try (KeystoreContents ks = KeystoreContents.open(KeystoreFile.parse(trailing.getBytes(StandardCharsets.UTF_8)), wrap)) {
            assertEquals(List.of("a", "b", "c"), ks.aliases(), "blank lines after the section are not part of it");
        } catch (KeystoreException x) {
            throw new AssertionError(x);
        }
    }

    @Test
    void removedEntry_renumbered_failsTheAuthenticator() {
        String removed = FileEdits.remove(file, "kmipjca.entry.1");
        String renumbered = removed.replace("kmipjca.entry.2=", "kmipjca.entry.1=")
                .replace("kmipjca.entryCount=3", "kmipjca.entryCount=2");
        assertMacFailure(renumbered);
        KeystoreException naive = openFails(removed);
        assertEquals("line " + lineOf(removed, "kmipjca.entry.2=") + ": expected kmipjca.entry.1, found kmipjca.entry.2",
                naive.getMessage());
        KeystoreException lastRemoved = openFails(FileEdits.remove(file, "kmipjca.entry.2"));
        assertTrue(lastRemoved.getMessage().endsWith(": expected kmipjca.entry.2, found kmipjca.mac (fewer entries than"
                + " kmipjca.entryCount says)"), lastRemoved.getMessage());
    }

    @Test
    void reorderedEntries_failTheAuthenticator() {
        String e0 = FileEdits.value(file, "kmipjca.entry.0");
        String e1 = FileEdits.value(file, "kmipjca.entry.1");
        assertMacFailure(FileEdits.replace(FileEdits.replace(file, "kmipjca.entry.0", e1), "kmipjca.entry.1", e0));
    }

    @Test
    void swappedCiphertexts_failTheAuthenticator_andEachEntryTagEvenWithARecomputedAuthenticator() throws Exception {
        KeystoreFile parsed = KeystoreFile.parse(file.getBytes(StandardCharsets.UTF_8));
        ProtectedSection s = parsed.section();
        SealedEntry a = s.entries.get(0);
        SealedEntry b = s.entries.get(1);
        List<SealedEntry> swapped = new ArrayList<>(List.of(
                new SealedEntry(a.kind, a.alias, a.createdMillis, b.nonce(), b.ciphertext()),
                new SealedEntry(b.kind, b.alias, b.createdMillis, a.nonce(), a.ciphertext()), s.entries.get(2)));
        String edited = FileEdits.replace(FileEdits.replace(file, "kmipjca.entry.0", swapped.get(0).encode()),
                "kmipjca.entry.1", swapped.get(1).encode());
        assertMacFailure(edited);

        // someone holding the keystore key could recompute the authenticator; the entries' own tags still bind
        // each ciphertext to its alias, kind and date
        byte[] key = wrap.unwrap(s.wrappedKey, Format.WRAP_AAD);
        KeystoreKeys keys = KeystoreKeys.of(key);
        String body = ProtectedSection.renderBody(s.masterKeyId, s.wrappedKey, s.history, swapped, "\n");
        byte[] bodyBytes = body.getBytes(StandardCharsets.US_ASCII);
        byte[] mac = ProtectedSection.authenticateV2(keys.authenticator(), SectionDigest.of(bodyBytes, 0, bodyBytes.length));
        String forged = FileEdits.settingsPart(file) + body + ProtectedSection.renderTail(mac, "\n");
        try (KeystoreContents ks = KeystoreContents.open(KeystoreFile.parse(forged.getBytes(StandardCharsets.UTF_8)), wrap)) {
            KeystoreException e = assertThrows(KeystoreException.class, () -> ks.get("a"));
            assertEquals(Reason.AUTHENTICATION_FAILED, e.reason());
            assertEquals("entry 'a' fails authentication: its contents, alias, kind or date were altered", e.getMessage());
            assertEquals(TestEntries.CA.certificate(),
                    ((java.security.KeyStore.TrustedCertificateEntry) ks.get("c").orElseThrow()).getTrustedCertificate());
        }
    }

    @Test
    void entryOrKeyFromAnotherKeystore_underTheSameMasterKey_failsTheAuthenticator() throws Exception {
        String other = build("mk-0", "mk-1");
        assertMacFailure(FileEdits.replace(file, "kmipjca.entry.1", FileEdits.value(other, "kmipjca.entry.1")));
        int unwrapsBefore = wrap.unwraps.get();
        assertMacFailure(FileEdits.replace(file, "kmipjca.keystoreKey", FileEdits.value(other, "kmipjca.keystoreKey")));
        assertEquals(unwrapsBefore + 1, wrap.unwraps.get(), "the other keystore key unwraps; the authenticator fails");
    }

    @Test
    void sectionOfAKeystoreUnderAnotherMasterKey_isRefusedByTheKeyIdentifier() throws Exception {
        wrap.createMasterKey("mk-2");
        String other = build("mk-2", "mk-2");
        String spliced = FileEdits.settingsPart(file) + FileEdits.section(other);
        KeystoreException e = openFails(spliced);
        assertEquals(Reason.MALFORMED, e.reason());
        assertTrue(e.getMessage().startsWith("kmip.keyIdentifier=mk-1 (line " + lineOf(spliced, "kmip.keyIdentifier=")
                + ") is not the master key of the protected section, kmipjca.masterKeyId=mk-2"), e.getMessage());
    }

    /**
     * The settings part is meant to be edited and is not authenticated: a whole protected section under the
     * same master key is a whole other keystore, as if the file had been replaced (docs/keystore.md).
     */
    @Test
    void wholeSectionOfAKeystoreUnderTheSameMasterKey_opensAsThatKeystore() throws Exception {
        String other = build("mk-0", "mk-1");
        String spliced = FileEdits.settingsPart(file) + FileEdits.section(other);
        try (KeystoreContents ks = KeystoreContents.open(KeystoreFile.parse(spliced.getBytes(StandardCharsets.UTF_8)),
                wrap)) {
            assertArrayEquals(other.getBytes(StandardCharsets.UTF_8), ks.serialize());
        }
    }

    @Test
    void fileCutShortAtAnyPoint_failsAsTruncated_exceptWithoutItsFinalNewline() throws Exception {
        byte[] whole = file.getBytes(StandardCharsets.UTF_8);
        int opens = 0;
        for (int cut = 0; cut < whole.length - 1; cut++) {
            byte[] part = java.util.Arrays.copyOf(whole, cut);
            KeystoreException e = assertThrows(KeystoreException.class, () -> KeystoreFile.parse(part), "cut " + cut);
            if (cut < Format.HEADER_PREFIX.length()) {
                assertTrue(e.getMessage().startsWith("not a keystore file"), cut + ": " + e.getMessage());
            } else {
                assertEquals(Reason.TRUNCATED, e.reason(), cut + ": " + e.getMessage());
                assertTrue(e.line() >= 1, "names a line");
            }
        }
        try (KeystoreContents ks = KeystoreContents.open(KeystoreFile.parse(java.util.Arrays.copyOf(whole,
                whole.length - 1)), wrap)) {
            opens++;
            assertEquals(3, ks.size());
        }
        assertEquals(1, opens);
        KeystoreException mid = assertThrows(KeystoreException.class,
                () -> KeystoreFile.parse(java.util.Arrays.copyOf(whole, file.indexOf("kmipjca.entry.1=") + 20)));
        assertEquals("the protected section that begins on line " + lineOf(file, Format.BEGIN) + " has no end marker"
                + " line (" + Format.END + "): the file was cut short after line " + lineOf(file, "kmipjca.entry.1=")
                + " or the section was damaged; restore the file from a backup", mid.getMessage());
    }

    @Test
    void masterKeyThatCannotUnwrap_failsWithTheCauseNamed() {
        wrap.destroy("mk-1");
        KeystoreException e = openFails(file);
        assertEquals(Reason.MASTER_KEY_FAILED, e.reason());
        assertTrue(e.getMessage().endsWith("KEY_NOT_FOUND: master key mk-1 does not exist"), e.getMessage());
        wrap.createMasterKey("mk-1");
        wrap.failWith = KeyWrapException.Kind.UNAVAILABLE;
        assertEquals(KeyWrapException.Kind.UNAVAILABLE, ((KeyWrapException) openFails(file).getCause()).kind());
    }

    @Test
    void failedLoad_leavesTheFileAsItWas(@TempDir Path dir) throws Exception {
        Path ks = dir.resolve("client.kmip");
        byte[] bad = FileEdits.flip(file, "kmipjca.mac", 3).getBytes(StandardCharsets.UTF_8);
        Files.write(ks, bad);
        assertThrows(KeystoreException.class, () -> KeystoreContents.open(KeystoreFile.read(ks), wrap));
        assertArrayEquals(bad, Files.readAllBytes(ks));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(ks), files.toList());
        }
    }
}
