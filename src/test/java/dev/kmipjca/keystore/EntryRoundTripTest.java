package dev.kmipjca.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every entry kind survives create, put, serialize, parse, open and get. */
class EntryRoundTripTest {
    private static final Instant WHEN = Instant.parse("2025-03-04T05:06:07.891Z");
    private InMemoryKeyWrapService wrap;

    @BeforeEach
    void masterKey() {
        wrap = new InMemoryKeyWrapService();
        wrap.createMasterKey("mk-1");
    }

    private KeystoreContents reopen(KeystoreContents ks) throws Exception {
        byte[] bytes = ks.serialize();
        ks.close();
        return KeystoreContents.open(KeystoreFile.parse(bytes), wrap);
    }

    private KeyStore.Entry roundTrip(String alias, KeyStore.Entry entry) throws Exception {
        KeystoreContents ks = KeystoreContents.create(KeystoreFile.parse(TestEntries.settingsBytes()), "mk-1", wrap);
        ks.put(alias, entry, WHEN);
        try (KeystoreContents back = reopen(ks)) {
            assertEquals(new EntryInfo(alias.toLowerCase(), EntryCodec.kindOf(entry), WHEN), back.info(alias).orElseThrow());
            return back.get(alias).orElseThrow();
        }
    }

    @Test
    void rsaPrivateKeyWithChain_roundTrips_asAnRsaCrtKeyThatStillSigns() throws Exception {
        KeyStore.PrivateKeyEntry in = TestEntries.rsaEntry();
        KeyStore.PrivateKeyEntry out = assertInstanceOf(KeyStore.PrivateKeyEntry.class, roundTrip("rsa", in));
        assertInstanceOf(RSAPrivateCrtKey.class, out.getPrivateKey());
        assertPrivateKeyEntryEquals(in, out);
        assertSigns("SHA256withRSA", out);
    }

    @Test
    void ecPrivateKeyWithChain_roundTrips_asAnEcKey() throws Exception {
        KeyStore.PrivateKeyEntry in = TestEntries.ecEntry();
        KeyStore.PrivateKeyEntry out = assertInstanceOf(KeyStore.PrivateKeyEntry.class, roundTrip("ec", in));
        assertInstanceOf(ECPrivateKey.class, out.getPrivateKey());
        assertPrivateKeyEntryEquals(in, out);
        assertSigns("SHA256withECDSA", out);
    }

    @Test
    void ed25519PrivateKey_roundTrips_asAnEdEcKey() throws Exception {
        KeyStore.PrivateKeyEntry in = TestEntries.ed25519Entry();
        KeyStore.PrivateKeyEntry out = assertInstanceOf(KeyStore.PrivateKeyEntry.class, roundTrip("ed", in));
        assertInstanceOf(EdECPrivateKey.class, out.getPrivateKey());
        assertPrivateKeyEntryEquals(in, out);
        assertSigns("Ed25519", out);
    }

    @Test
    void aesKey_roundTrips_withAlgorithmAndBytes() throws Exception {
        KeyStore.SecretKeyEntry in = TestEntries.aesEntry();
        SecretKey out = assertInstanceOf(KeyStore.SecretKeyEntry.class, roundTrip("data-key", in)).getSecretKey();
        assertEquals("AES", out.getAlgorithm());
        assertEquals("RAW", out.getFormat());
        assertArrayEquals(in.getSecretKey().getEncoded(), out.getEncoded());
    }

    @Test
    void keytoolImportpassPassword_roundTrips_asThePbeKeyOfTheSamePassword() throws Exception {
        KeyStore.SecretKeyEntry in = TestEntries.passwordEntry("correct horse battery staple");
        assertEquals("PBEWithMD5AndDES", in.getSecretKey().getAlgorithm());
        SecretKey out = assertInstanceOf(KeyStore.SecretKeyEntry.class, roundTrip("db-password", in)).getSecretKey();
        assertEquals(in.getSecretKey().getClass(), out.getClass());
        assertEquals(in.getSecretKey(), out);
        PBEKeySpec spec = (PBEKeySpec) SecretKeyFactory.getInstance(out.getAlgorithm()).getKeySpec(out, PBEKeySpec.class);
        assertEquals("correct horse battery staple", new String(spec.getPassword()));
    }

    @Test
    void secretKeyOfAnAlgorithmWithoutFactory_roundTrips_asASecretKeySpec() throws Exception {
        SecretKey in = new SecretKeySpec(new byte[] {1, 2, 3, 4, 5}, "PBEMadeUpAlgorithm");
        SecretKey out = assertInstanceOf(KeyStore.SecretKeyEntry.class,
                roundTrip("odd", new KeyStore.SecretKeyEntry(in))).getSecretKey();
        assertEquals(in, out);
        SecretKey hmac = new SecretKeySpec(new byte[32], "HmacSHA256");
        assertEquals(hmac, ((KeyStore.SecretKeyEntry) roundTrip("mac", new KeyStore.SecretKeyEntry(hmac))).getSecretKey());
    }

    @Test
    void trustedCertificate_roundTrips() throws Exception {
        KeyStore.TrustedCertificateEntry out = assertInstanceOf(KeyStore.TrustedCertificateEntry.class,
                roundTrip("ca", TestEntries.trustedEntry()));
        assertEquals(TestEntries.CA.certificate(), out.getTrustedCertificate());
    }

    @Test
    void serverKeyReference_roundTrips_withIdAlgorithmAndSize() throws Exception {
        assertEquals(TestEntries.serverKeyEntry(), roundTrip("server-aes", TestEntries.serverKeyEntry()));
        ServerKeyEntry unknown = new ServerKeyEntry("42", "", 0);
        assertEquals(unknown, roundTrip("unknown", unknown));
    }

    @Test
    void manyKinds_inOneKeystore_keepOrderDatesAndContents() throws Exception {
        KeystoreContents ks = KeystoreContents.create(KeystoreFile.parse(TestEntries.settingsBytes()), "mk-1", wrap);
        Map<String, KeyStore.Entry> in = Map.of("a", TestEntries.aesEntry(), "b", TestEntries.ecEntry(),
                "c", TestEntries.trustedEntry(), "d", TestEntries.serverKeyEntry());
        for (String alias : List.of("d", "b", "a", "c")) {
            ks.put(alias, in.get(alias), WHEN.plusSeconds(alias.charAt(0)));
        }
        try (KeystoreContents back = reopen(ks)) {
            assertEquals(List.of("d", "b", "a", "c"), back.aliases());
            assertEquals(EntryKind.TRUSTED_CERTIFICATE, back.info("c").orElseThrow().kind());
            assertEquals(WHEN.plusSeconds('b'), back.info("b").orElseThrow().created());
            assertEquals(in.get("d"), back.get("d").orElseThrow());
        }
    }

    @Test
    void aliases_areCaseInsensitive_andStoredInLowerCase() throws Exception {
        KeystoreContents ks = KeystoreContents.create(KeystoreFile.parse(TestEntries.settingsBytes()), "mk-1", wrap);
        ks.put("MyKey", TestEntries.serverKeyEntry());
        assertTrue(ks.containsAlias("MYKEY"));
        assertEquals(List.of("mykey"), ks.aliases());
        ks.put("mYkEy", new ServerKeyEntry("other", "AES", 128));
        assertEquals(1, ks.size());
        try (KeystoreContents back = reopen(ks)) {
            assertEquals("other", ((ServerKeyEntry) back.get("MyKEY").orElseThrow()).uniqueId());
            assertTrue(back.delete("MYKEY"));
            assertFalse(back.containsAlias("mykey"));
            assertEquals(0, back.size());
        }
    }

    @Test
    void put_replacingAnEntry_givesItTheNewDateAndKind() throws Exception {
        KeystoreContents ks = KeystoreContents.create(KeystoreFile.parse(TestEntries.settingsBytes()), "mk-1", wrap);
        ks.put("x", TestEntries.aesEntry(), WHEN);
        ks.put("x", TestEntries.trustedEntry());
        EntryInfo info = ks.info("x").orElseThrow();
        assertEquals(EntryKind.TRUSTED_CERTIFICATE, info.kind());
        assertTrue(info.created().isAfter(WHEN));
        assertTrue(ks.get("missing").isEmpty());
        assertFalse(ks.delete("missing"));
    }

    @Test
    void put_keyWithoutEncoding_isRefusedNamingTheReason() throws Exception {
        KeystoreContents ks = KeystoreContents.create(KeystoreFile.parse(TestEntries.settingsBytes()), "mk-1", wrap);
        SecretKey handle = new SecretKey() {
            @Override
            public String getAlgorithm() {
                return "AES";
            }

            @Override
            public String getFormat() {
                return null;
            }

            @Override
            public byte[] getEncoded() {
                return null;
            }
        };
        KeystoreException e = assertThrows(KeystoreException.class,
                () -> ks.put("h", new KeyStore.SecretKeyEntry(handle)));
        assertEquals(KeystoreException.Reason.INVALID_ENTRY, e.reason());
        assertEquals("this secret key (AES) has no encoding, so it cannot be stored as bytes; a key held by a server"
                + " is stored as a ServerKeyEntry", e.getMessage());
        assertEquals(0, ks.size());
    }

    @Test
    void put_aliasTooLongOrEmpty_isRefused() throws Exception {
        KeystoreContents ks = KeystoreContents.create(KeystoreFile.parse(TestEntries.settingsBytes()), "mk-1", wrap);
        KeystoreException tooLong = assertThrows(KeystoreException.class,
                () -> ks.put("x".repeat(1025), TestEntries.serverKeyEntry()));
        assertEquals("an alias must be 1 to 1024 UTF-8 bytes, this one has 1025", tooLong.getMessage());
        assertThrows(KeystoreException.class, () -> ks.put("", TestEntries.serverKeyEntry()));
        ks.put("\u00e9".repeat(512), TestEntries.serverKeyEntry());
        assertEquals(1, reopen(ks).size());
    }

    @Test
    void decode_contentsThatBreakTheLayout_areNamedWithoutShowingThem() throws Exception {
        byte[] emptyKey = new ByteWriter(16).shortString("AES").lengthPrefixed(new byte[0]).toByteArray();
        KeystoreException e = assertThrows(KeystoreException.class,
                () -> EntryCodec.decode(EntryKind.SECRET_KEY, emptyKey, "k"));
        assertEquals("entry 'k' cannot be restored: Empty key", e.getMessage());
        byte[] trailing = new ByteWriter(16).shortString("uid").shortString("").u32(0).u8(7).toByteArray();
        e = assertThrows(KeystoreException.class, () -> EntryCodec.decode(EntryKind.SERVER_KEY, trailing, "s"));
        assertEquals("entry 's' (decrypted), byte 11: 1 bytes after the end of the entry", e.getMessage());
        byte[] longKey = new ByteWriter(16).shortString("AES").u32(5000).bytes(new byte[10]).toByteArray();
        e = assertThrows(KeystoreException.class, () -> EntryCodec.decode(EntryKind.SECRET_KEY, longKey, "k"));
        assertEquals("entry 'k' (decrypted), byte 5: key length 5000 exceeds the 10 bytes left", e.getMessage());
        KeyStore.PrivateKeyEntry ec = TestEntries.ecEntry();
        byte[] mismatched = new ByteWriter(2048).shortString("EC").lengthPrefixed(ec.getPrivateKey().getEncoded()).u16(1)
                .lengthPrefixed(TestEntries.rsaLeaf().certificate().getEncoded()).toByteArray();
        e = assertThrows(KeystoreException.class, () -> EntryCodec.decode(EntryKind.PRIVATE_KEY, mismatched, "p"));
        assertTrue(e.getMessage().startsWith("entry 'p' cannot be restored: private key algorithm does not match"),
                e.getMessage());
    }

    private static void assertPrivateKeyEntryEquals(KeyStore.PrivateKeyEntry in, KeyStore.PrivateKeyEntry out) {
        Key a = in.getPrivateKey();
        PrivateKey b = out.getPrivateKey();
        assertEquals(a.getAlgorithm(), b.getAlgorithm());
        assertArrayEquals(a.getEncoded(), b.getEncoded());
        Certificate[] chainIn = in.getCertificateChain();
        assertArrayEquals(chainIn, out.getCertificateChain());
    }

    private static void assertSigns(String algorithm, KeyStore.PrivateKeyEntry e) throws Exception {
        Signature s = Signature.getInstance(algorithm);
        s.initSign(e.getPrivateKey());
        s.update(new byte[] {1, 2, 3});
        byte[] sig = s.sign();
        Signature v = Signature.getInstance(algorithm);
        v.initVerify(e.getCertificate().getPublicKey());
        v.update(new byte[] {1, 2, 3});
        assertTrue(v.verify(sig));
    }
}
