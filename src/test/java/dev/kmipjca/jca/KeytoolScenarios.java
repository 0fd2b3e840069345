package dev.kmipjca.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.KmipEnvelopes;
import dev.kmipjca.KmipKeyStoreParameter;
import dev.kmipjca.KmipProvider;
import dev.kmipjca.KmipRotation;
import dev.kmipjca.client.KmipClient;
import dev.kmipjca.client.LocateFilter;
import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.envelope.Envelope;
import dev.kmipjca.envelope.EnvelopeHeader;
import dev.kmipjca.transport.DevPki;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK's own keytool against KMIP keystores, with the provider from {@code -providerpath}, from a
 * {@code java.security} file, and from {@code -addprovider -providerarg}. Subclasses supply the server.
 */
abstract class KeytoolScenarios {
    static final String STOREPASS = "changeit";
    static final byte[] TEXT = "an envelope across a rotation".getBytes(StandardCharsets.UTF_8);
    static final byte[] AAD = "keytool scenario".getBytes(StandardCharsets.UTF_8);
    @TempDir
    Path work;
    Path keystore;

    /** The kmip.* lines of a new keystore file for the server under test. */
    abstract String settings();

    /** Whether the server under test serves Re-key (else rotation takes the Create path). */
    abstract boolean servesReKey();

    @BeforeEach
    void newKeystore() throws Exception {
        keystore = work.resolve("app.kmip");
        Files.writeString(keystore, "# keytool test keystore\n" + settings());
    }

    Child.Result keytool(String stdin, String... args) throws Exception {
        List<String> cmd = Child.list(Child.tool("keytool"), "-storetype", "KMIP", "-keystore", keystore.toString(),
                "-storepass", STOREPASS, "-providerpath", Child.JAR.toString(), "-providerclass", KmipProvider.class.getName());
        cmd.addAll(List.of(args));
        return Child.run(work, stdin, cmd);
    }

    static Child.Result ok(Child.Result r) {
        assertEquals(0, r.exit(), r::toString);
        return r;
    }

    KeyStore open() throws Exception {
        KeyStore ks = KeyStore.getInstance("KMIP", new KmipProvider());
        ks.load(new KmipKeyStoreParameter(keystore, STOREPASS.toCharArray()));
        return ks;
    }

    @Test
    void list_newKeystore_hasNoEntriesAndCreatesNoMasterKey() throws Exception {
        Child.Result r = ok(keytool(null, "-list"));
        assertTrue(r.out().contains("Keystore type: KMIP") && r.out().contains("Your keystore contains 0 entries"), r::toString);
        assertFalse(Files.readString(keystore).contains("kmipjca."), "-list does not write");
    }

    @Test
    void genseckey_aes256_isListedWithTheMasterKey() throws Exception {
        ok(keytool(null, "-genseckey", "-alias", "data-key", "-keyalg", "AES", "-keysize", "256", "-keypass", STOREPASS));
        Child.Result r = ok(keytool(null, "-list"));
        assertTrue(r.out().contains("Your keystore contains 2 entries"), r::toString);
        assertTrue(r.out().contains("data-key, ") && r.out().contains("kmip:master, "), r::toString);
        Child.Result v = ok(keytool(null, "-list", "-v"));
        assertTrue(v.out().contains("Alias name: data-key") && v.out().contains("Entry type: SecretKeyEntry"), v::toString);
        Key k = open().getKey("data-key", null);
        assertEquals("AES", k.getAlgorithm());
        assertEquals(32, k.getEncoded().length);
    }

    @Test
    void rotate_thenList_entriesKept_newMasterKeyListed_historyNamesTheOldKey_envelopesOfBothKeysDecrypt()
            throws Exception {
        ok(keytool(null, "-genseckey", "-alias", "data-key", "-keyalg", "AES", "-keysize", "256", "-keypass", STOREPASS));
        KeyStore first = open();
        byte[] before = first.getKey("data-key", null).getEncoded();
        String oldMaster = ((KmipKey) first.getKey("kmip:master", null)).uniqueIdentifier();
        byte[] oldEnvelope = KmipEnvelopes.of(first).encrypt(TEXT, AAD);
        assertEquals(oldMaster, EnvelopeHeader.parse(oldEnvelope).masterKeyId());

        KmipRotation.Result r = KmipRotation.rotate(keystore, STOREPASS.toCharArray(), KmipRotation.Options.defaults());
        assertEquals(oldMaster, r.oldMasterKeyId());
        assertEquals(servesReKey(), r.reKeyed(), servesReKey() ? "the server serves Re-key" : "no Re-key: the Create path");

        Child.Result list = ok(keytool(null, "-list"));
        assertTrue(list.out().contains("Your keystore contains 2 entries") && list.out().contains("data-key, ")
                && list.out().contains("kmip:master, "), list::toString);
        KeyStore ks = open();
        assertArrayEquals(before, ks.getKey("data-key", null).getEncoded());
        assertEquals(r.newMasterKeyId(), ((KmipKey) ks.getKey("kmip:master", null)).uniqueIdentifier());
        assertTrue(Files.readString(keystore).lines().anyMatch(l -> l.startsWith("kmipjca.history.0=")
                && l.contains(r.oldMasterKeyId())), "the history names the old key");

        Envelope after = KmipEnvelopes.of(ks);
        assertArrayEquals(TEXT, after.decrypt(oldEnvelope, AAD), "an envelope made before the rotation decrypts");
        byte[] newEnvelope = after.encrypt(TEXT, AAD);
        assertEquals(r.newMasterKeyId(), EnvelopeHeader.parse(newEnvelope).masterKeyId());
        assertArrayEquals(TEXT, after.decrypt(newEnvelope, AAD));
    }

    /** The objects the keystore's client identity owns on the server. */
    int serverObjects() throws Exception {
        try (KmipClient c = KmipClient.open(KmipSettings.load(keystore), STOREPASS.toCharArray())) {
            return c.locate(LocateFilter.builder().build()).uniqueIdentifiers().size();
        }
    }

    @Test
    void rotateMasterKeySetting_keytoolListLeavesServerAndFileAlone_theNextChangeRotates() throws Exception {
        ok(keytool(null, "-genseckey", "-alias", "data-key", "-keyalg", "AES", "-keysize", "256", "-keypass", STOREPASS));
        String old = ((KmipKey) open().getKey("kmip:master", null)).uniqueIdentifier();
        Files.writeString(keystore, "kmip.rotateMasterKey=true\n" + Files.readString(keystore));
        byte[] flagged = Files.readAllBytes(keystore);
        int before = serverObjects();
        ok(keytool(null, "-list"));
        ok(keytool(null, "-list", "-v"));
        assertEquals(before, serverObjects(), "keytool reads the keystore from a stream: no master key is created");
        assertArrayEquals(flagged, Files.readAllBytes(keystore), "nor is the file written");

        ok(keytool(null, "-genseckey", "-alias", "second", "-keyalg", "AES", "-keysize", "128", "-keypass", STOREPASS));
        String text = Files.readString(keystore);
        KeyStore ks = open();
        String now = ((KmipKey) ks.getKey("kmip:master", null)).uniqueIdentifier();
        assertFalse(old.equals(now), "keytool's store rotated the master key");
        assertEquals(before + 1, serverObjects(), "one new master key");
        assertTrue(text.contains("kmip.rotateMasterKey=false") && text.contains("kmip.keyIdentifier=" + now), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("kmipjca.history.0=") && l.contains(old)), text);
        assertEquals(32, ks.getKey("data-key", null).getEncoded().length);
        assertEquals(16, ks.getKey("second", null).getEncoded().length);
        ok(keytool(null, "-list"));
        assertEquals(before + 1, serverObjects(), "the setting is off: no further rotation");
    }

    @Test
    void importpass_storesThePasswordAsAPbeKey() throws Exception {
        ok(keytool("db-Passw0rd\ndb-Passw0rd\n", "-importpass", "-alias", "db", "-keypass", STOREPASS));
        Key k = open().getKey("db", null);
        PBEKeySpec spec = (PBEKeySpec) SecretKeyFactory.getInstance("PBE").getKeySpec((javax.crypto.SecretKey) k, PBEKeySpec.class);
        assertEquals("db-Passw0rd", new String(spec.getPassword()));
    }

    @Test
    void delete_removesTheEntry() throws Exception {
        ok(keytool(null, "-genseckey", "-alias", "gone", "-keyalg", "AES", "-keysize", "128", "-keypass", STOREPASS));
        ok(keytool(null, "-delete", "-alias", "gone"));
        assertFalse(open().containsAlias("gone"));
        Child.Result r = keytool(null, "-delete", "-alias", "kmip:master");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.all().contains("does not delete"), r::toString);
    }

    @Test
    void importcert_trustedCertificate_withNoprompt() throws Exception {
        DevPki.Issued ca = DevPki.createCa("keytool trusted CA", DevPki.KeyKind.EC_P256);
        Path cer = work.resolve("ca.cer");
        Files.write(cer, ca.certificate().getEncoded());
        Child.Result r = ok(keytool(null, "-importcert", "-alias", "partner-ca", "-file", cer.toString(), "-noprompt"));
        assertTrue(r.all().contains("Certificate was added to keystore"), r::toString);
        KeyStore ks = open();
        assertTrue(ks.isCertificateEntry("partner-ca"));
        assertEquals(ca.certificate(), ks.getCertificate("partner-ca"));
        assertTrue(ok(keytool(null, "-list")).out().contains("partner-ca, ") );
    }

    @Test
    void genkeypair_ecAndRsa_andCertreq() throws Exception {
        ok(keytool(null, "-genkeypair", "-alias", "ec", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=ec",
                "-keypass", STOREPASS));
        ok(keytool(null, "-genkeypair", "-alias", "rsa", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=rsa",
                "-keypass", STOREPASS));
        Path csr = work.resolve("ec.csr");
        ok(keytool(null, "-certreq", "-alias", "ec", "-file", csr.toString(), "-keypass", STOREPASS));
        assertTrue(Files.readString(csr).startsWith("-----BEGIN NEW CERTIFICATE REQUEST-----"), Files.readString(csr));
        KeyStore ks = open();
        assertInstanceOf(java.security.interfaces.ECPrivateKey.class, ks.getKey("ec", null));
        assertInstanceOf(java.security.interfaces.RSAPrivateCrtKey.class, ks.getKey("rsa", null));
        assertEquals("CN=rsa", ((java.security.cert.X509Certificate) ks.getCertificate("rsa")).getSubjectX500Principal().getName());
        Child.Result r = ok(keytool(null, "-list"));
        assertTrue(r.out().contains("ec, ") && r.out().contains("PrivateKeyEntry"), r::toString);
    }

    @Test
    void importkeystore_fromPkcs12IntoKmipAndBackOut_keepsKeysAndCertificatesByteForByte() throws Exception {
        DevPki.Issued ca = DevPki.createCa("import CA", DevPki.KeyKind.RSA_2048);
        DevPki.Issued ec = DevPki.issueClient(ca, "import EC", true, DevPki.KeyKind.EC_P256);
        char[] p12pass = "p12pass".toCharArray();
        KeyStore src = KeyStore.getInstance("PKCS12");
        src.load(null, p12pass);
        src.setKeyEntry("ec", ec.privateKey(), p12pass, ec.chain().toArray(new Certificate[0]));
        src.setKeyEntry("aes", new SecretKeySpec(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, "AES"),
                p12pass, null);
        src.setCertificateEntry("ca", ca.certificate());
        Path srcFile = work.resolve("src.p12");
        try (OutputStream out = Files.newOutputStream(srcFile)) {
            src.store(out, p12pass);
        }
        Child.Result in = ok(Child.run(work, null, Child.list(Child.tool("keytool"), "-importkeystore", "-srckeystore",
                srcFile.toString(), "-srcstoretype", "PKCS12", "-srcstorepass", "p12pass", "-destkeystore", keystore.toString(),
                "-deststoretype", "KMIP", "-deststorepass", STOREPASS, "-providerpath", Child.JAR.toString(),
                "-providerclass", KmipProvider.class.getName(), "-noprompt")));
        assertTrue(in.all().contains("3 entries successfully imported, 0 entries failed"), in::toString);
        Path outFile = work.resolve("out.p12");
        Child.Result out = ok(Child.run(work, null, Child.list(Child.tool("keytool"), "-importkeystore", "-srckeystore",
                keystore.toString(), "-srcstoretype", "KMIP", "-srcstorepass", STOREPASS, "-destkeystore", outFile.toString(),
                "-deststoretype", "PKCS12", "-deststorepass", "outpass", "-providerpath", Child.JAR.toString(),
                "-providerclass", KmipProvider.class.getName(), "-noprompt")));
        // the master key cannot leave the server: PKCS12 refuses a key without encoding, keytool goes on
        assertTrue(out.all().contains("3 entries successfully imported, 1 entries failed"), out::toString);
        assertTrue(out.all().contains("Problem importing entry for alias kmip:master"), out::toString);
        KeyStore back = KeyStore.getInstance("PKCS12");
        try (var s = Files.newInputStream(outFile)) {
            back.load(s, "outpass".toCharArray());
        }
        List<String> aliases = new ArrayList<>(Collections.list(back.aliases()));
        Collections.sort(aliases);
        assertEquals(List.of("aes", "ca", "ec"), aliases);
        assertArrayEquals(src.getKey("ec", p12pass).getEncoded(), back.getKey("ec", "outpass".toCharArray()).getEncoded());
        assertArrayEquals(src.getKey("aes", p12pass).getEncoded(), back.getKey("aes", "outpass".toCharArray()).getEncoded());
        assertArrayEquals(src.getCertificateChain("ec"), back.getCertificateChain("ec"));
        assertArrayEquals(src.getCertificate("ca").getEncoded(), back.getCertificate("ca").getEncoded());
    }

    @Test
    void genseckey_kmipAes_createsTheKeyOnTheServerAndStoresAReference() throws Exception {
        Child.Result r = ok(keytool(null, "-genseckey", "-alias", "server-kek", "-keyalg", "KMIP-AES", "-keysize", "256",
                "-keypass", STOREPASS));
        assertTrue(r.all().contains("Generated 256-bit KMIP-AES secret key") || r.all().contains("Generated 256-bit AES"),
                r::toString);
        Key k = open().getKey("server-kek", null);
        assertInstanceOf(KmipKey.class, k);
        assertNull(k.getEncoded());
    }

    @Test
    void providerRegisteredInAJavaSecurityFile_keytoolFindsTheKmipType() throws Exception {
        ok(keytool(null, "-genseckey", "-alias", "k", "-keyalg", "AES", "-keysize", "128", "-keypass", STOREPASS));
        Path props = work.resolve("java.security.kmip");
        Files.writeString(props, "security.provider." + firstFreeProviderIndex() + "=" + KmipProvider.class.getName()
                + " " + keystore + "\n", StandardCharsets.UTF_8);
        Child.Result r = ok(Child.run(work, null, Child.list(Child.tool("keytool"), "-J-Djava.security.properties=" + props,
                "-J-cp", "-J" + Child.JAR, "-list", "-storetype", "KMIP", "-keystore", keystore.toString(),
                "-storepass", STOREPASS)));
        assertTrue(r.out().contains("Keystore provider: KMIP") && r.out().contains("Your keystore contains 2 entries"), r::toString);
    }

    @Test
    void addproviderWithProviderarg_newKeystoreFileIsMadeFromTheConfiguration() throws Exception {
        Path fresh = work.resolve("fresh.kmip");
        Child.Result r = ok(Child.run(work, null, Child.list(Child.tool("keytool"), "-J-cp", "-J" + Child.JAR,
                "-addprovider", "KMIP", "-providerarg", keystore.toString(), "-genseckey", "-alias", "first", "-keyalg", "AES",
                "-keysize", "128", "-storetype", "KMIP", "-keystore", fresh.toString(), "-storepass", STOREPASS,
                "-keypass", STOREPASS)));
        assertTrue(Files.readString(fresh).contains("kmipjca.masterKeyId="), r::toString);
        KeyStore ks = KeyStore.getInstance("KMIP", new KmipProvider());
        ks.load(new KmipKeyStoreParameter(fresh, null));
        assertEquals(16, ks.getKey("first", null).getEncoded().length);
    }

    /** The first N with no security.provider.N in the JDK's java.security (providers are read up to the first gap). */
    static int firstFreeProviderIndex() {
        int n = 1;
        while (Security.getProperty("security.provider." + n) != null) {
            n++;
        }
        return n;
    }
}
