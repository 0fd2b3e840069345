package dev.kmipjca.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.transport.CredentialsException.Reason;
import dev.kmipjca.transport.DevPki.Issued;
import dev.kmipjca.transport.DevPki.KeyKind;
import dev.kmipjca.transport.DevPkiFiles.KeyFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PemCredentialsTest {
    private static final char[] PASSWORD = "correct horse".toCharArray();
    private static Issued ca;
    private static Issued ecClient;
    private static Issued rsaClient;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() {
        ca = DevPki.createCa("Test CA", KeyKind.EC_P256);
        ecClient = DevPki.issueClient(ca, "alice", true, KeyKind.EC_P256);
        rsaClient = DevPki.issueClient(ca, "bob", true, KeyKind.RSA_2048);
    }

    private Path write(Issued who, KeyFormat format) throws Exception {
        Path f = dir.resolve("client-" + format + ".pem");
        DevPkiFiles.writeKeyAndChain(f, who.privateKey(), who.chain(), format, PASSWORD);
        return f;
    }

    @ParameterizedTest
    @CsvSource({"EC_P256,PKCS8", "EC_P256,PKCS8_ENCRYPTED", "EC_P256,TRADITIONAL", "EC_P256,TRADITIONAL_ENCRYPTED",
        "RSA_2048,PKCS8", "RSA_2048,PKCS8_ENCRYPTED", "RSA_2048,TRADITIONAL", "RSA_2048,TRADITIONAL_ENCRYPTED"})
    void everyKeyForm_loadsWithItsChainLeafFirst(KeyKind kind, KeyFormat format) throws Exception {
        Issued who = kind == KeyKind.EC_P256 ? ecClient : rsaClient;
        Path f = write(who, format);
        String text = Files.readString(f);
        String expectedHeader = switch (format) {
            case PKCS8 -> "-----BEGIN PRIVATE KEY-----";
            case PKCS8_ENCRYPTED -> "-----BEGIN ENCRYPTED PRIVATE KEY-----";
            case TRADITIONAL, TRADITIONAL_ENCRYPTED -> kind == KeyKind.EC_P256 ? "-----BEGIN EC PRIVATE KEY-----"
                    : "-----BEGIN RSA PRIVATE KEY-----";
        };
        assertTrue(text.startsWith(expectedHeader), "file starts with " + expectedHeader);
        assertEquals(format == KeyFormat.TRADITIONAL_ENCRYPTED, text.contains("Proc-Type: 4,ENCRYPTED"));

        PemCredentials c = PemCredentials.load(f, format.name().endsWith("ENCRYPTED") ? PASSWORD : null);
        assertTrue(TestKeys.same(who.privateKey(), c.privateKey()));
        assertEquals(List.of(who.certificate(), ca.certificate()), c.chain());
        assertEquals(who.certificate(), c.leaf());
    }

    @Test
    void chainInReverseOrder_isOrderedLeafFirstAndStrangersDropped() throws Exception {
        Issued other = DevPki.createCa("Unrelated CA", KeyKind.EC_P256);
        Path f = dir.resolve("reversed.pem");
        DevPkiFiles.writeCertificates(dir.resolve("certs.pem"), List.of(ca.certificate(), other.certificate(),
                ecClient.certificate()));
        DevPkiFiles.writeKey(dir.resolve("key.pem"), ecClient.privateKey(), KeyFormat.PKCS8, null);
        Files.writeString(f, Files.readString(dir.resolve("certs.pem")) + Files.readString(dir.resolve("key.pem")));
        PemCredentials c = PemCredentials.load(f, null);
        assertEquals(List.of(ecClient.certificate(), ca.certificate()), c.chain());
    }

    @Test
    void wrongPassword_isReportedAsSuch() throws Exception {
        for (KeyFormat format : List.of(KeyFormat.PKCS8_ENCRYPTED, KeyFormat.TRADITIONAL_ENCRYPTED)) {
            Path f = write(ecClient, format);
            CredentialsException e = assertThrows(CredentialsException.class,
                    () -> PemCredentials.load(f, "wrong".toCharArray()));
            assertEquals(Reason.WRONG_PASSWORD, e.reason(), format.name());
            assertTrue(e.getMessage().startsWith("the private key in " + f + " cannot be decrypted: wrong password"),
                    e.getMessage());
            assertEquals(f, e.file());
        }
    }

    @Test
    void encryptedKeyWithoutPassword_isReportedAsSuch() throws Exception {
        Path f = write(rsaClient, KeyFormat.PKCS8_ENCRYPTED);
        CredentialsException e = assertThrows(CredentialsException.class, () -> PemCredentials.load(f, null));
        assertEquals(Reason.PASSWORD_REQUIRED, e.reason());
        assertEquals("the private key in " + f + " is encrypted (PKCS#8) and no password was given", e.getMessage());
        Path legacy = write(rsaClient, KeyFormat.TRADITIONAL_ENCRYPTED);
        e = assertThrows(CredentialsException.class, () -> PemCredentials.load(legacy, new char[0]));
        assertEquals("the private key in " + legacy + " is encrypted (OpenSSL legacy (Proc-Type/DEK-Info))"
                + " and no password was given", e.getMessage());
    }

    @Test
    void keyOfAnotherCertificate_isAMismatch() throws Exception {
        Path f = dir.resolve("mismatch.pem");
        DevPkiFiles.writeKeyAndChain(f, rsaClient.privateKey(), ecClient.chain(), KeyFormat.PKCS8, null);
        CredentialsException e = assertThrows(CredentialsException.class, () -> PemCredentials.load(f, null));
        assertEquals(Reason.KEY_MISMATCH, e.reason());
        assertEquals("the private key in " + f + " does not match any of its certificates (first: CN=alice)",
                e.getMessage());
        Issued ec2 = DevPki.issueClient(ca, "carol", true, KeyKind.EC_P256);
        DevPkiFiles.writeKeyAndChain(f, ec2.privateKey(), ecClient.chain(), KeyFormat.TRADITIONAL, null);
        assertEquals(Reason.KEY_MISMATCH, assertThrows(CredentialsException.class,
                () -> PemCredentials.load(f, null)).reason(), "same algorithm, different EC key");
    }

    @Test
    void fileWithoutKey_orWithoutCertificate_orWithTwoKeys_isRefused() throws Exception {
        Path certsOnly = dir.resolve("certs.pem");
        DevPkiFiles.writeCertificates(certsOnly, ecClient.chain());
        CredentialsException e = assertThrows(CredentialsException.class, () -> PemCredentials.load(certsOnly, null));
        assertEquals(Reason.NO_KEY, e.reason());
        assertEquals(certsOnly + " holds no private key; it must hold the private key and its certificate chain",
                e.getMessage());

        Path keyOnly = dir.resolve("key.pem");
        DevPkiFiles.writeKey(keyOnly, ecClient.privateKey(), KeyFormat.PKCS8, null);
        e = assertThrows(CredentialsException.class, () -> PemCredentials.load(keyOnly, null));
        assertEquals(Reason.NO_CERTIFICATE, e.reason());
        assertEquals(keyOnly + " holds no certificate; it must hold the private key and its certificate chain",
                e.getMessage());

        Path twoKeys = dir.resolve("two.pem");
        Files.writeString(twoKeys, Files.readString(keyOnly) + Files.readString(keyOnly) + Files.readString(certsOnly));
        e = assertThrows(CredentialsException.class, () -> PemCredentials.load(twoKeys, null));
        assertEquals(Reason.MULTIPLE_KEYS, e.reason());
        assertEquals(twoKeys + " holds 2 private keys; it must hold exactly one, with its certificate chain",
                e.getMessage());
    }

    @Test
    void damagedOrNonPemFile_isUnparseableAndItsContentsAreNotShown() throws Exception {
        Path good = write(ecClient, KeyFormat.PKCS8);
        String text = Files.readString(good);
        String body = text.split("\n")[1];
        Path damaged = dir.resolve("damaged.pem");
        Files.writeString(damaged, text.replace(body, "!!!!" + body.substring(4)));
        CredentialsException e = assertThrows(CredentialsException.class, () -> PemCredentials.load(damaged, null));
        assertEquals(Reason.UNPARSEABLE, e.reason(), e.getMessage());
        assertTrue(e.getMessage().startsWith("PEM block 1 of " + damaged + " cannot be parsed: "), e.getMessage());
        assertFalse(e.getMessage().contains(body.substring(4, 20)), "no file contents in the message");

        Path der = dir.resolve("client.der");
        Files.write(der, ecClient.certificate().getEncoded());
        e = assertThrows(CredentialsException.class, () -> PemCredentials.load(der, null));
        assertEquals(Reason.UNPARSEABLE, e.reason());
        assertEquals(der + " holds no PEM data (no '-----BEGIN' line); convert DER or PKCS#12 files to PEM first",
                e.getMessage());

        Path missing = dir.resolve("missing.pem");
        e = assertThrows(CredentialsException.class, () -> PemCredentials.load(missing, null));
        assertEquals(Reason.UNREADABLE, e.reason());
        assertTrue(e.getMessage().startsWith("cannot read " + missing + ": NoSuchFileException"), e.getMessage());
    }

    @Test
    void toString_namesTheFileButNoKeyMaterial() throws Exception {
        PemCredentials c = PemCredentials.load(write(ecClient, KeyFormat.PKCS8), null);
        String s = c.toString();
        assertTrue(s.contains("subject=CN=alice") && s.contains("key=EC") && s.contains("chain=2"), s);
        String keyB64 = Base64.getEncoder().encodeToString(ecClient.privateKey().getEncoded());
        assertFalse(s.contains(keyB64.substring(0, 16)));
        assertFalse(s.contains("BEGIN"));
    }

    @Test
    void caFile_loadsEveryCertificate_andMustHoldOne() throws Exception {
        Path f = dir.resolve("cas.pem");
        Issued other = DevPki.createCa("Other", KeyKind.EC_P256);
        DevPkiFiles.writeCertificates(f, List.of(ca.certificate(), other.certificate()));
        assertEquals(List.of(ca.certificate(), other.certificate()), PemCredentials.loadCertificates(f));
        Path empty = Files.writeString(dir.resolve("empty.pem"), "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n"
                + "-----END EC PARAMETERS-----\n", StandardCharsets.US_ASCII);
        CredentialsException e = assertThrows(CredentialsException.class, () -> PemCredentials.loadCertificates(empty));
        assertEquals(Reason.NO_CERTIFICATE, e.reason());
        assertEquals(empty + " holds no certificate", e.getMessage());
    }
}
