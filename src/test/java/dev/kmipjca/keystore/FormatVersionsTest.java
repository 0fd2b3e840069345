package dev.kmipjca.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.keystore.KeystoreException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Format versions 1 and 2: a version 1 file (the fixture written by kmip-jca 32dacdd) opens, is checked with
 * the version 1 authenticator, and is written back as version 2 with the same entries; version 2 entries are
 * decoded one at a time, on first use; the digest of a version 2 section is computed before it is needed.
 */
class FormatVersionsTest {
    private InMemoryKeyWrapService wrap;

    @BeforeEach
    void masterKeysOfTheFixture() {
        wrap = InMemoryKeyWrapService.withFixtureKeys();
    }

    private static void assertFixtureEntries(KeystoreContents ks) throws Exception {
        assertEquals(List.of("data-key", "srv", "tls", "ca"), ks.aliases());
        assertEquals("mk-v1", ks.masterKeyId());
        assertEquals(List.of("mk-old"), ks.history().stream().map(RetiredMasterKey::masterKeyId).toList());
        KeyStore.SecretKeyEntry data = (KeyStore.SecretKeyEntry) ks.get("Data-Key").orElseThrow();
        byte[] expected = new byte[32];
        for (int i = 0; i < 32; i++) {
            expected[i] = (byte) (0xA0 + i);
        }
        assertArrayEquals(expected, data.getSecretKey().getEncoded());
        assertEquals(Instant.parse("2025-06-07T08:09:10.123Z"), ks.info("data-key").orElseThrow().created());
        ServerKeyEntry srv = (ServerKeyEntry) ks.get("srv").orElseThrow();
        assertEquals("uid-7", srv.uniqueId());
        KeyStore.PrivateKeyEntry tls = (KeyStore.PrivateKeyEntry) ks.get("tls").orElseThrow();
        X509Certificate leaf = (X509Certificate) tls.getCertificate();
        Signature sign = Signature.getInstance("SHA256withECDSA");
        sign.initSign((PrivateKey) tls.getPrivateKey());
        sign.update(new byte[] {1, 2, 3});
        byte[] sig = sign.sign();
        Signature verify = Signature.getInstance("SHA256withECDSA");
        verify.initVerify(leaf.getPublicKey());
        verify.update(new byte[] {1, 2, 3});
        assertTrue(verify.verify(sig), "the private key matches its certificate");
        X509Certificate ca = (X509Certificate) ((KeyStore.TrustedCertificateEntry) ks.get("ca").orElseThrow())
                .getTrustedCertificate();
        leaf.verify(ca.getPublicKey());
    }

    @Test
    void version1Fixture_opensWithOneUnwrap_andIsWrittenBackAsVersion2WithTheSameEntries() throws Exception {
        for (String nl : new String[] {"\n", "\r\n"}) {
            byte[] v1 = SectionReaderTest.version1(nl);
            wrap.unwraps.set(0);
            KeystoreFile file = KeystoreFile.parse(v1);
            assertEquals(1, file.section().version);
            assertTrue(file.toString().contains("format 1"), file.toString());
            byte[] v2;
            try (KeystoreContents ks = KeystoreContents.open(file, wrap)) {
                assertEquals(1, wrap.unwraps.getAndSet(0));
                assertFixtureEntries(ks);
                v2 = ks.serialize();
            }
            String text = new String(v2, StandardCharsets.UTF_8);
            assertTrue(text.contains(nl + "kmipjca.version=2" + nl), "written as version 2");
            assertEquals(nl.equals("\r\n"), text.contains("\r\n"), "line terminators kept");
            KeystoreFile again = KeystoreFile.parse(v2);
            assertEquals(2, again.section().version);
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(file.section().entries.get(i).encode(), again.section().entries.get(i).encode(),
                        "entry " + i + " is carried over as it was: the entry format is the same in both versions");
            }
            assertArrayEquals(WrappedKeys.encode(file.section().wrappedKey), WrappedKeys.encode(again.section().wrappedKey));
            try (KeystoreContents ks = KeystoreContents.open(again, wrap)) {
                assertFixtureEntries(ks);
                assertArrayEquals(v2, ks.serialize(), "an unchanged version 2 keystore is written back byte for byte");
            }
        }
    }

    @Test
    void version1Fixture_alteredOrReordered_failsTheVersion1Authenticator() throws Exception {
        String v1 = new String(SectionReaderTest.version1("\n"), StandardCharsets.UTF_8);
        String e0 = FileEdits.value(v1, "kmipjca.entry.0");
        String e1 = FileEdits.value(v1, "kmipjca.entry.1");
        String reordered = FileEdits.replace(FileEdits.replace(v1, "kmipjca.entry.0", e1), "kmipjca.entry.1", e0);
        String flipped = FileEdits.flip(v1, "kmipjca.entry.3", 40);
        String history = FileEdits.replace(v1, "kmipjca.history.0",
                FileEdits.value(v1, "kmipjca.history.0").replace("mk-old", "mk-older"));
        for (String edited : new String[] {reordered, flipped, history}) {
            KeystoreException e = assertThrows(KeystoreException.class,
                    () -> KeystoreContents.open(KeystoreFile.parse(edited.getBytes(StandardCharsets.UTF_8)), wrap));
            assertEquals(Reason.AUTHENTICATION_FAILED, e.reason());
            assertTrue(e.getMessage().endsWith("does not match its contents: a field or entry was altered, removed,"
                    + " reordered or copied in from another keystore"), e.getMessage());
        }
        // re-wrapping version 1 base64 changes no value, and version 1 authenticates values
        String joined = FileEdits.replace(v1, "kmipjca.entry.2", FileEdits.value(v1, "kmipjca.entry.2"));
        try (KeystoreContents ks = KeystoreContents.open(KeystoreFile.parse(joined.getBytes(StandardCharsets.UTF_8)), wrap)) {
            assertFixtureEntries(ks);
        }
    }

    @Test
    void version2Entries_areDecodedOneAtATime_whenFirstUsed() throws Exception {
        wrap.createMasterKey("mk");
        byte[] bytes;
        try (KeystoreContents ks = KeystoreContents.create(KeystoreFile.parse(TestEntries.settingsBytes()), "mk", wrap)) {
            for (int i = 0; i < 20; i++) {
                ks.put("k" + i, new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[] {(byte) i}, "AES")));
            }
            bytes = ks.serialize();
        }
        KeystoreFile file = KeystoreFile.parse(bytes);
        ProtectedSection s = file.section();
        assertTrue(s.entries.stream().allMatch(e -> e.toString().endsWith("not decoded]")));
        try (KeystoreContents ks = KeystoreContents.open(file, wrap)) {
            assertEquals(20, ks.size());
            assertEquals(20, ks.entries().size(), "aliases, kinds and dates come from the headers");
            assertTrue(s.entries.stream().allMatch(e -> e.toString().endsWith("not decoded]")), "opening decodes none");
            assertArrayEquals(new byte[] {7},
                    ((KeyStore.SecretKeyEntry) ks.get("k7").orElseThrow()).getSecretKey().getEncoded());
            for (int i = 0; i < 20; i++) {
                assertEquals(i != 7, s.entries.get(i).toString().endsWith("not decoded]"), "entry " + i);
            }
        }
    }

    @Test
    void version2Entry_header_longAliasOverSeveralLines_andNonAsciiAlias_readLazily() throws Exception {
        wrap.createMasterKey("mk");
        String longAlias = "a".repeat(300);
        byte[] bytes;
        try (KeystoreContents ks = KeystoreContents.create(KeystoreFile.parse(TestEntries.settingsBytes()), "mk", wrap)) {
            ks.put(longAlias, new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[] {1}, "AES")),
                    Instant.ofEpochMilli(1234));
            ks.put("Ünïcode-ключ", new ServerKeyEntry("uid-1", "AES", 256), Instant.ofEpochMilli(5678));
            ks.put("s", new ServerKeyEntry("u", "", 0), Instant.ofEpochMilli(9));
            bytes = ks.serialize();
        }
        ProtectedSection fast = SectionReader.read(bytes, SectionReader.findBegin(bytes), null);
        assertNotNull(fast);
        assertEquals(List.of(longAlias, "ünïcode-ключ", "s"), fast.entries.stream().map(e -> e.alias).toList());
        assertEquals(List.of(1234L, 5678L, 9L), fast.entries.stream().map(e -> e.createdMillis).toList());
        ProtectedSection general = KeystoreFile.parseGeneral(bytes).section();
        for (int i = 0; i < 3; i++) {
            assertEquals(general.entries.get(i).encodedLength(), fast.entries.get(i).encodedLength(), "length from the text");
            assertArrayEquals(general.entries.get(i).encode(), fast.entries.get(i).encode());
        }
        try (KeystoreContents ks = KeystoreContents.open(KeystoreFile.parse(bytes), wrap)) {
            assertEquals("uid-1", ((ServerKeyEntry) ks.get("ÜNÏCODE-КЛЮЧ").orElseThrow()).uniqueId());
        }
    }

    /** The documented digest, computed here independently: SHA-256 of the SHA-256 of each 262,144-byte piece. */
    static byte[] pieceDigest(byte[] b, int from, int to) throws Exception {
        MessageDigest root = MessageDigest.getInstance("SHA-256");
        int at = from;
        do {
            int end = Math.min(to, at + 262_144);
            root.update(MessageDigest.getInstance("SHA-256").digest(Arrays.copyOfRange(b, at, end)));
            at = end;
        } while (at < to);
        return root.digest();
    }

    @Test
    void pieceDigest_ofPiecesOnBothSidesOfTheBoundary() throws Exception {
        for (int size : new int[] {0, 1, 262_143, 262_144, 262_145, 3 * 262_144 + 7}) {
            byte[] b = new byte[size + 3];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (i * 31);
            }
            assertArrayEquals(pieceDigest(b, 2, 2 + size), SectionDigest.of(b, 2, 2 + size), "size " + size);
            assertArrayEquals(pieceDigest(b, 2, 2 + size), SectionDigest.start(b, 2, 2 + size).get(), "size " + size);
        }
        byte[] one = MessageDigest.getInstance("SHA-256").digest(MessageDigest.getInstance("SHA-256").digest(new byte[10]));
        assertArrayEquals(one, SectionDigest.of(new byte[10], 0, 10), "one piece: the SHA-256 of its SHA-256");
    }

    @Test
    void version2Digest_isOverTheSectionBytesUpToTheAuthenticatorLine() throws Exception {
        wrap.createMasterKey("mk");
        byte[] bytes;
        try (KeystoreContents ks = KeystoreContents.create(KeystoreFile.parse(TestEntries.settingsBytes()), "mk", wrap)) {
            ks.put("a", new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[] {1}, "AES")));
            bytes = ks.serialize();
        }
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        int begin = latin.indexOf("# ---- BEGIN KMIP-JCA");
        int mac = latin.indexOf("kmipjca.mac=");
        assertEquals(mac, SectionDigest.macLineStart(bytes, begin));
        ProtectedSection s = KeystoreFile.parse(bytes).section();
        assertEquals(mac - begin, s.digest.length());
        assertArrayEquals(pieceDigest(bytes, begin, mac), s.digest.get());
        // the general parser delimits it the same way
        assertArrayEquals(s.digest.get(), KeystoreFile.parseGeneral(bytes).section().digest.get());
        // not delimited: no end marker, or something between the authenticator and the end marker
        assertEquals(-1, SectionDigest.macLineStart(Arrays.copyOf(bytes, bytes.length - 20), begin));
        byte[] inserted = latin.replace("\n# ---- END", "\n#\n# ---- END").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(-1, SectionDigest.macLineStart(inserted, begin));
        assertNull(KeystoreFile.parse(latin.replace("kmipjca.version=2", "kmipjca.version=1")
                .getBytes(StandardCharsets.ISO_8859_1)).section().digest, "version 1 has no digest");
    }

    @Test
    void largeSection_isHashedInTheBackground_smallOneWhenAskedFor() throws Exception {
        byte[] big = new byte[SectionDigest.BACKGROUND_FROM_BYTES + 10];
        Arrays.fill(big, (byte) 'x');
        SectionDigest d = SectionDigest.start(big, 5, big.length);
        AtomicReference<String> thread = new AtomicReference<>();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!d.isDone() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(d.isDone(), "the background thread hashed it without being asked: " + d);
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("kmip-jca keystore reader"))
                .findFirst().ifPresent(t -> thread.set(t.getName() + (t.isDaemon() ? " daemon" : "")));
        assertEquals("kmip-jca keystore reader daemon", thread.get());
        assertArrayEquals(pieceDigest(big, 5, big.length), d.get());

        byte[] small = new byte[100];
        SectionDigest s = SectionDigest.start(small, 0, small.length);
        assertFalse(s.isDone(), "not started before it is needed");
        assertArrayEquals(pieceDigest(small, 0, small.length), s.get());
    }

    @Test
    void digestAskedForByAnInterruptedThread_isStillReturned_andTheInterruptKept() throws Exception {
        byte[] big = new byte[SectionDigest.BACKGROUND_FROM_BYTES * 4];
        SectionDigest d = SectionDigest.start(big, 0, big.length);
        Thread.currentThread().interrupt();
        try {
            assertArrayEquals(pieceDigest(big, 0, big.length), d.get());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    /** A version 2 keystore larger than {@link Background#FROM_BYTES}, so that it is read in the background. */
    private byte[] large(int entries) throws Exception {
        wrap.createMasterKey("mk");
        try (KeystoreContents ks = KeystoreContents.create(KeystoreFile.parse(TestEntries.settingsBytes()), "mk", wrap)) {
            for (int i = 0; i < entries; i++) {
                ks.put("key-" + i, new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[] {(byte) i, 1}, "AES")));
            }
            byte[] b = ks.serialize();
            assertTrue(b.length > Background.FROM_BYTES, "large enough: " + b.length);
            return b;
        }
    }

    @Test
    void parseStarted_largeFile_opensWithOneUnwrap_entriesComeWhenNeeded() throws Exception {
        byte[] bytes = large(3000);
        KeystoreFile file = KeystoreFile.parseStarted(bytes);
        assertEquals("mk", file.masterKeyId().orElseThrow());
        assertNotNull(file.early(), "version 2 is authenticated from its digest");
        wrap.unwraps.set(0);
        try (KeystoreContents ks = KeystoreContents.open(file, wrap)) {
            assertEquals(1, wrap.unwraps.get());
            assertEquals(3000, ks.size());
            assertTrue(ks.toString().endsWith(", 3000 entries]"), ks.toString());
            assertArrayEquals(new byte[] {(byte) 2999, 1},
                    ((KeyStore.SecretKeyEntry) ks.get("KEY-2999").orElseThrow()).getSecretKey().getEncoded());
            assertEquals(3000, ks.aliases().size());
            assertArrayEquals(bytes, ks.serialize(), "unchanged, written back byte for byte");
        }
        assertEquals(3000, file.entryCount());
        assertTrue(file.toString().endsWith(", 3000 entries]"), file.toString());
    }

    @Test
    void parse_largeFile_hashesNothingUntilOpened() throws Exception {
        KeystoreFile file = KeystoreFile.parse(large(3000));
        assertEquals(3000, file.entryCount(), "the entries were read before parse returned");
        assertFalse(file.early().digest().isDone(), "an inspected (or probed) file is not hashed");
        wrap.unwraps.set(0);
        try (KeystoreContents ks = KeystoreContents.open(file, wrap)) {
            assertTrue(file.early().digest().isDone());
            assertEquals(3000, ks.size());
        }
    }

    @Test
    void parseStarted_largeFileWithAMalformedEntry_parseErrorComesFromOpen_sameAsParse() throws Exception {
        String text = new String(large(3000), StandardCharsets.UTF_8);
        int at = text.indexOf("kmipjca.entry.1500=\\\n") + "kmipjca.entry.1500=\\\n".length() + 4;
        byte[] bytes = (text.substring(0, at) + text.substring(at + 1)).getBytes(StandardCharsets.UTF_8); // a character less
        KeystoreException parse = assertThrows(KeystoreException.class, () -> KeystoreFile.parse(bytes.clone()));
        assertEquals(Reason.MALFORMED, parse.reason());
        assertTrue(parse.getMessage().startsWith("kmipjca.entry.1500 (line "), parse.getMessage());
        KeystoreFile started = KeystoreFile.parseStarted(bytes);
        KeystoreException open = assertThrows(KeystoreException.class, () -> KeystoreContents.open(started, wrap));
        assertEquals(parse.reason(), open.reason());
        assertEquals(parse.getMessage(), open.getMessage());
        assertEquals(parse.line(), open.line());
        assertThrows(KeystoreException.class, started::entryCount);
    }

    @Test
    void oneParsedFile_openedAndReadByManyThreadsAtOnce_givesEachTheSameEntries() throws Exception {
        byte[] bytes = large(2000);
        for (int round = 0; round < 3; round++) {
            KeystoreFile file = KeystoreFile.parseStarted(bytes.clone());
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
            try {
                List<java.util.concurrent.Future<byte[]>> results = new java.util.ArrayList<>();
                for (int t = 0; t < 6; t++) {
                    int which = (t * 337) % 2000;
                    results.add(pool.submit(() -> {
                        try (KeystoreContents ks = KeystoreContents.open(file, wrap)) {
                            assertEquals(2000, ks.aliases().size());
                            return ((KeyStore.SecretKeyEntry) ks.get("key-" + which).orElseThrow()).getSecretKey()
                                    .getEncoded();
                        }
                    }));
                }
                for (int t = 0; t < 6; t++) {
                    assertArrayEquals(new byte[] {(byte) ((t * 337) % 2000), 1}, results.get(t).get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
