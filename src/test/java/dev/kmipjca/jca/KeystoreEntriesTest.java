package dev.kmipjca.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.KmipKeyStoreParameter;
import dev.kmipjca.transport.DevPki;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each KeyStore method as its javadoc says, side by side with the JDK's PKCS12 keystore where they agree. */
class KeystoreEntriesTest {
    static final char[] PW = "changeit".toCharArray();
    @TempDir
    static Path dir;
    static DevServerFixture fx;
    static DevPki.Issued ca;
    static DevPki.Issued ec;
    KeyStore kmip;
    KeyStore p12;

    @BeforeAll
    static void start() throws IOException {
        fx = DevServerFixture.start(dir);
        ca = DevPki.createCa("entries CA", DevPki.KeyKind.EC_P256);
        ec = DevPki.issueClient(ca, "entries EC", true, DevPki.KeyKind.EC_P256);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @BeforeEach
    void stores() throws Exception {
        kmip = fx.keyStore();
        kmip.load(new KmipKeyStoreParameter(fx.newKeystoreFile(), null));
        p12 = KeyStore.getInstance("PKCS12");
        p12.load(null, PW);
    }

    /** Runs the same change on both keystores. */
    interface Change {
        void apply(KeyStore ks) throws Exception;
    }

    void both(Change c) throws Exception {
        c.apply(kmip);
        c.apply(p12);
    }

    static List<String> stored(KeyStore ks) throws KeyStoreException {
        List<String> out = new ArrayList<>(Collections.list(ks.aliases()));
        out.remove("kmip:master");
        return out;
    }

    @Test
    void setKeyEntry_secretKey_getKeyReturnsAnEqualLocalKey() throws Exception {
        SecretKeySpec aes = new SecretKeySpec(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, "AES");
        both(ks -> ks.setKeyEntry("aes", aes, PW, null));
        assertEquals(p12.getKey("aes", PW), kmip.getKey("aes", null));
        assertEquals(aes, kmip.getKey("aes", "any password".toCharArray()));
    }

    @Test
    void setKeyEntry_privateKey_chainAndCertificateComeBackAsStored() throws Exception {
        Certificate[] chain = ec.chain().toArray(new Certificate[0]);
        both(ks -> ks.setKeyEntry("server", ec.privateKey(), PW, chain));
        assertArrayEquals(p12.getCertificateChain("server"), kmip.getCertificateChain("server"));
        assertEquals(ec.certificate(), kmip.getCertificate("server"));
        assertArrayEquals(ec.privateKey().getEncoded(), kmip.getKey("server", PW).getEncoded());
        assertEquals("EC", kmip.getKey("server", PW).getAlgorithm());
    }

    @Test
    void setKeyEntry_privateKeyWithoutChain_isIllegalArgumentLikePkcs12() {
        assertThrows(IllegalArgumentException.class, () -> p12.setKeyEntry("x", ec.privateKey(), PW, null));
        assertThrows(IllegalArgumentException.class, () -> kmip.setKeyEntry("x", ec.privateKey(), PW, null));
    }

    @Test
    void setKeyEntry_publicKeyOrProtectedBytes_areRefusedWithTheReason() {
        KeyStoreException e = assertThrows(KeyStoreException.class,
                () -> kmip.setKeyEntry("pub", ec.keyPair().getPublic(), PW, null));
        assertTrue(e.getMessage().contains("cannot be stored"), e.getMessage());
        e = assertThrows(KeyStoreException.class, () -> kmip.setKeyEntry("raw", new byte[16], null));
        assertTrue(e.getMessage().contains("protected bytes"), e.getMessage());
    }

    @Test
    void setCertificateEntry_trustedCertificate_isACertificateEntryNotAKeyEntry() throws Exception {
        both(ks -> ks.setCertificateEntry("ca", ca.certificate()));
        for (KeyStore ks : List.of(kmip, p12)) {
            assertTrue(ks.isCertificateEntry("ca"));
            assertFalse(ks.isKeyEntry("ca"));
            assertEquals(ca.certificate(), ks.getCertificate("ca"));
            assertNull(ks.getKey("ca", PW));
            assertNull(ks.getCertificateChain("ca"));
        }
    }

    @Test
    void setCertificateEntry_overAKeyEntry_isRefusedLikePkcs12() throws Exception {
        Certificate[] chain = ec.chain().toArray(new Certificate[0]);
        both(ks -> ks.setKeyEntry("server", ec.privateKey(), PW, chain));
        assertThrows(KeyStoreException.class, () -> p12.setCertificateEntry("server", ca.certificate()));
        KeyStoreException e = assertThrows(KeyStoreException.class, () -> kmip.setCertificateEntry("server", ca.certificate()));
        assertTrue(e.getMessage().contains("delete it first"), e.getMessage());
    }

    @Test
    void deleteEntry_removesTheEntryAndIgnoresUnknownAliases() throws Exception {
        both(ks -> ks.setCertificateEntry("ca", ca.certificate()));
        both(ks -> ks.deleteEntry("CA"));
        both(ks -> ks.deleteEntry("never-there"));
        assertFalse(kmip.containsAlias("ca"));
        assertEquals(stored(p12), stored(kmip));
    }

    @Test
    void aliases_listTheMasterKeyThenTheEntriesInLowerCaseLikePkcs12() throws Exception {
        both(ks -> ks.setCertificateEntry("Zeta", ca.certificate()));
        both(ks -> ks.setKeyEntry("Alpha", new SecretKeySpec(new byte[16], "AES"), PW, null));
        assertEquals(List.of("kmip:master", "zeta", "alpha"), Collections.list(kmip.aliases()));
        assertEquals(new java.util.TreeSet<>(stored(p12)), new java.util.TreeSet<>(stored(kmip)));
    }

    @Test
    void containsAlias_isCaseInsensitiveLikePkcs12() throws Exception {
        both(ks -> ks.setCertificateEntry("MixedCase", ca.certificate()));
        for (KeyStore ks : List.of(kmip, p12)) {
            assertTrue(ks.containsAlias("mixedcase"));
            assertTrue(ks.containsAlias("MIXEDCASE"));
            assertFalse(ks.containsAlias("other"));
        }
        assertTrue(kmip.containsAlias("KMIP:MASTER"));
    }

    @Test
    void size_countsTheEntriesAndTheMasterKey() throws Exception {
        assertEquals(0, kmip.size(), "a new keystore has no master key until first changed");
        both(ks -> ks.setCertificateEntry("ca", ca.certificate()));
        both(ks -> ks.setKeyEntry("k", new SecretKeySpec(new byte[16], "AES"), PW, null));
        assertEquals(p12.size() + 1, kmip.size());
    }

    @Test
    void getCreationDate_isWhenTheEntryWasSet_andNullForUnknownAliases() throws Exception {
        long before = System.currentTimeMillis();
        kmip.setCertificateEntry("ca", ca.certificate());
        Date d = kmip.getCreationDate("ca");
        assertTrue(d.getTime() >= before && d.getTime() <= System.currentTimeMillis(), d.toString());
        assertNull(kmip.getCreationDate("nothing"));
        assertNull(p12.getCreationDate("nothing"));
        assertTrue(kmip.getCreationDate("kmip:master").getTime() <= System.currentTimeMillis());
    }

    @Test
    void getCertificateAlias_findsTrustedAndOwnCertificatesLikePkcs12() throws Exception {
        Certificate[] chain = ec.chain().toArray(new Certificate[0]);
        both(ks -> ks.setKeyEntry("server", ec.privateKey(), PW, chain));
        both(ks -> ks.setCertificateEntry("ca", ca.certificate()));
        for (KeyStore ks : List.of(kmip, p12)) {
            assertEquals("server", ks.getCertificateAlias(ec.certificate()));
            assertEquals("ca", ks.getCertificateAlias(ca.certificate()));
            assertNull(ks.getCertificateAlias(DevPki.createCa("stranger", DevPki.KeyKind.EC_P256).certificate()));
        }
    }

    @Test
    void entryInstanceOf_matchesPkcs12ForEachKind() throws Exception {
        Certificate[] chain = ec.chain().toArray(new Certificate[0]);
        both(ks -> ks.setKeyEntry("server", ec.privateKey(), PW, chain));
        both(ks -> ks.setCertificateEntry("ca", ca.certificate()));
        both(ks -> ks.setKeyEntry("aes", new SecretKeySpec(new byte[16], "AES"), PW, null));
        List<Class<? extends KeyStore.Entry>> kinds = List.of(KeyStore.PrivateKeyEntry.class,
                KeyStore.TrustedCertificateEntry.class, KeyStore.SecretKeyEntry.class);
        for (String alias : List.of("server", "ca", "aes", "missing")) {
            for (Class<? extends KeyStore.Entry> k : kinds) {
                assertEquals(p12.entryInstanceOf(alias, k), kmip.entryInstanceOf(alias, k), alias + " " + k.getSimpleName());
            }
        }
        assertTrue(kmip.entryInstanceOf("kmip:master", KeyStore.SecretKeyEntry.class));
        // "an instance or subclass of the specified entryClass" (KeyStore javadoc); PKCS12 compares classes exactly
        assertTrue(kmip.entryInstanceOf("server", KeyStore.Entry.class));
        assertFalse(kmip.entryInstanceOf("missing", KeyStore.Entry.class));
    }

    @Test
    void setEntryAndGetEntry_passwordsAreIgnoredButGetEntryOfAKeyNeedsOneLikePkcs12() throws Exception {
        kmip.setEntry("aes", new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[24], "AES")), null);
        kmip.setEntry("server", new KeyStore.PrivateKeyEntry(ec.privateKey(), ec.chain().toArray(new Certificate[0])), null);
        kmip.setEntry("ca", new KeyStore.TrustedCertificateEntry(ca.certificate()), null);
        KeyStore.PasswordProtection any = new KeyStore.PasswordProtection("whatever".toCharArray());
        assertEquals(new SecretKeySpec(new byte[24], "AES"), ((KeyStore.SecretKeyEntry) kmip.getEntry("aes", any)).getSecretKey());
        assertEquals(ec.certificate(), ((KeyStore.PrivateKeyEntry) kmip.getEntry("server", any)).getCertificate());
        assertThrows(java.security.UnrecoverableEntryException.class, () -> kmip.getEntry("aes", null));
        p12.setEntry("aes", new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[24], "AES")), any);
        assertThrows(java.security.UnrecoverableEntryException.class, () -> p12.getEntry("aes", null));
        assertEquals(ca.certificate(), ((KeyStore.TrustedCertificateEntry) kmip.getEntry("ca", null)).getTrustedCertificate());
        assertNull(kmip.getEntry("missing", null));
    }

    @Test
    void importpassStylePassword_comesBackAsTheSamePbeKey() throws Exception {
        SecretKeyFactory f = SecretKeyFactory.getInstance("PBE");
        SecretKey pass = f.generateSecret(new PBEKeySpec("s3cret-db-password".toCharArray()));
        both(ks -> ks.setKeyEntry("db", pass, PW, null));
        SecretKey back = (SecretKey) kmip.getKey("db", PW);
        assertEquals(p12.getKey("db", PW).getAlgorithm(), back.getAlgorithm());
        PBEKeySpec spec = (PBEKeySpec) f.getKeySpec(back, PBEKeySpec.class);
        assertEquals("s3cret-db-password", new String(spec.getPassword()));
    }

    @Test
    void reservedAliases_cannotBeSetOrDeleted() {
        SecretKeySpec k = new SecretKeySpec(new byte[16], "AES");
        KeyStoreException e = assertThrows(KeyStoreException.class, () -> kmip.setKeyEntry("kmip:mine", k, null, null));
        assertTrue(e.getMessage().contains("reserved"), e.getMessage());
        assertThrows(KeyStoreException.class, () -> kmip.setCertificateEntry("KMIP:ca", ca.certificate()));
        e = assertThrows(KeyStoreException.class, () -> kmip.deleteEntry("kmip:master"));
        assertTrue(e.getMessage().contains("does not delete"), e.getMessage());
    }

    @Test
    void replacedEntry_keepsItsPlaceAndTakesTheNewValue() throws Exception {
        kmip.setKeyEntry("a", new SecretKeySpec(new byte[16], "AES"), null, null);
        kmip.setCertificateEntry("b", ca.certificate());
        kmip.setKeyEntry("A", new SecretKeySpec(new byte[32], "AES"), null, null);
        assertEquals(List.of("kmip:master", "a", "b"), Collections.list(kmip.aliases()));
        assertEquals(32, kmip.getKey("a", null).getEncoded().length);
    }
}
