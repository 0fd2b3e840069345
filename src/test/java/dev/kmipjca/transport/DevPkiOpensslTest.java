package dev.kmipjca.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.transport.CredentialsException.Reason;
import dev.kmipjca.transport.DevPki.Issued;
import dev.kmipjca.transport.DevPki.KeyKind;
import dev.kmipjca.transport.DevPkiFiles.KeyFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DevPki output checked by openssl, and openssl output read by PemCredentials (skipped without openssl). */
class DevPkiOpensslTest {
    private static final String PW = "s3cret-pw";

    @TempDir
    Path dir;

    @Test
    void serverCertificate_carriesSansEkuAndVerifiesAgainstTheCa() throws Exception {
        Issued ca = DevPki.createCa("Dev CA", KeyKind.RSA_2048);
        Issued server = DevPki.issueServer(ca, "kmip-server", List.of("localhost", "kmip.test"),
                List.of("127.0.0.1", "::1"), KeyKind.EC_P256);
        DevPkiFiles.writeCertificates(dir.resolve("ca.pem"), List.of(ca.certificate()));
        DevPkiFiles.writeCertificates(dir.resolve("server.pem"), List.of(server.certificate()));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca.pem"))));
        assertEquals(List.of("localhost", "kmip.test"), server.certificate().getSubjectAlternativeNames().stream()
                .filter(n -> (Integer) n.get(0) == 2).map(n -> n.get(1)).toList());
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), server.certificate().getExtendedKeyUsage());

        Openssl.assumeAvailable();
        String text = Openssl.ok(dir, "x509", "-noout", "-text", "-in", "server.pem");
        assertTrue(text.contains("DNS:localhost, DNS:kmip.test, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1")
                || text.contains("DNS:localhost, DNS:kmip.test, IP Address:127.0.0.1, IP Address:::1"), text);
        assertTrue(text.contains("TLS Web Server Authentication"), text);
        assertTrue(text.contains("Subject: CN = kmip-server"), text);
        assertTrue(text.contains("CA:FALSE"), text);
        String caText = Openssl.ok(dir, "x509", "-noout", "-text", "-in", "ca.pem");
        assertTrue(caText.contains("CA:TRUE"), caText);
        assertTrue(Openssl.ok(dir, "verify", "-CAfile", "ca.pem", "-purpose", "sslserver", "server.pem")
                .contains("server.pem: OK"));
    }

    @Test
    void clientCertificate_hasClientAuthOrNoEku() throws Exception {
        Issued ca = DevPki.createCa("Dev CA", KeyKind.EC_P256);
        Issued withEku = DevPki.issueClient(ca, "alice", true, KeyKind.EC_P256);
        Issued noEku = DevPki.issueClient(ca, "mallory", false, KeyKind.EC_P256);
        assertEquals(List.of("1.3.6.1.5.5.7.3.2"), withEku.certificate().getExtendedKeyUsage());
        assertEquals(null, noEku.certificate().getExtendedKeyUsage());
        DevPkiFiles.writeCertificates(dir.resolve("ca.pem"), List.of(ca.certificate()));
        DevPkiFiles.writeCertificates(dir.resolve("client.pem"), List.of(withEku.certificate()));

        Openssl.assumeAvailable();
        String text = Openssl.ok(dir, "x509", "-noout", "-text", "-in", "client.pem");
        assertTrue(text.contains("TLS Web Client Authentication"), text);
        assertTrue(Openssl.ok(dir, "verify", "-CAfile", "ca.pem", "-purpose", "sslclient", "client.pem")
                .contains("client.pem: OK"));
    }

    @Test
    void keyFiles_areOwnerOnlyAndOpensslReadsEveryFormat() throws Exception {
        Issued ca = DevPki.createCa("Dev CA", KeyKind.EC_P256);
        Issued rsa = DevPki.issueClient(ca, "bob", true, KeyKind.RSA_2048);
        for (KeyFormat f : KeyFormat.values()) {
            Path file = dir.resolve(f + ".pem");
            DevPkiFiles.writeKeyAndChain(file, rsa.privateKey(), rsa.chain(), f, PW.toCharArray());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), f.name());
        }
        Openssl.assumeAvailable();
        for (KeyFormat f : KeyFormat.values()) {
            Openssl.ok(dir, "pkey", "-noout", "-passin", "pass:" + PW, "-in", f + ".pem");
        }
        Openssl.Result wrong = Openssl.run(dir, "pkey", "-noout", "-passin", "pass:wrong", "-in", "PKCS8_ENCRYPTED.pem");
        assertFalse(wrong.exitCode() == 0, "openssl refuses the wrong password too");
        String asn1 = Openssl.ok(dir, "asn1parse", "-in", "PKCS8_ENCRYPTED.pem");
        assertTrue(asn1.contains("PBES2") && asn1.contains("PBKDF2") && asn1.contains("hmacWithSHA256")
                && asn1.contains("aes-256-cbc"), asn1);
    }

    @Test
    void keysWrittenByOpenssl_loadInEveryForm() throws Exception {
        Openssl.assumeAvailable();
        Openssl.ok(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.pem");
        Openssl.ok(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.pem");
        Openssl.ok(dir, "req", "-new", "-x509", "-key", "ec.pem", "-subj", "/CN=ec-client", "-days", "2", "-out", "ec.crt");
        Openssl.ok(dir, "req", "-new", "-x509", "-key", "rsa.pem", "-subj", "/CN=rsa-client", "-days", "2", "-out", "rsa.crt");
        String pass = "pass:" + PW;
        Openssl.ok(dir, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-passout", pass, "-in", "ec.pem", "-out", "ec-p8enc.pem");
        Openssl.ok(dir, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-passout", pass, "-in", "rsa.pem", "-out", "rsa-p8enc.pem");
        Openssl.ok(dir, "rsa", "-traditional", "-in", "rsa.pem", "-out", "rsa-pkcs1.pem");
        Openssl.ok(dir, "rsa", "-aes256", "-traditional", "-passout", pass, "-in", "rsa.pem", "-out", "rsa-legacy.pem");
        Openssl.ok(dir, "ec", "-in", "ec.pem", "-out", "ec-sec1.pem");
        Openssl.ok(dir, "ec", "-aes256", "-passout", pass, "-in", "ec.pem", "-out", "ec-legacy.pem");
        assertTrue(Files.readString(dir.resolve("rsa-pkcs1.pem")).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        assertTrue(Files.readString(dir.resolve("ec-sec1.pem")).startsWith("-----BEGIN EC PRIVATE KEY-----"));
        assertTrue(Files.readString(dir.resolve("rsa-legacy.pem")).contains("DEK-Info: AES-256-CBC"));

        PemCredentials reference = null;
        for (String alg : List.of("ec", "rsa")) {
            for (String form : List.of("", "-p8enc", "-pkcs1", "-sec1", "-legacy")) {
                Path key = dir.resolve(alg + form + ".pem");
                if (!Files.exists(key)) {
                    continue;
                }
                Path combined = dir.resolve("combined-" + alg + form + ".pem");
                Files.writeString(combined, Files.readString(dir.resolve(alg + ".crt")) + Files.readString(key));
                PemCredentials c = PemCredentials.load(combined, form.contains("enc") || form.contains("legacy")
                        ? PW.toCharArray() : null);
                assertEquals("CN=" + alg + "-client", c.leaf().getSubjectX500Principal().getName(), alg + form);
                if (form.isEmpty()) {
                    reference = c;
                } else {
                    assertTrue(TestKeys.same(reference.privateKey(), c.privateKey()), alg + form);
                }
                if (form.contains("enc") || form.contains("legacy")) {
                    CredentialsException e = org.junit.jupiter.api.Assertions.assertThrows(CredentialsException.class,
                            () -> PemCredentials.load(combined, "nope".toCharArray()));
                    assertEquals(Reason.WRONG_PASSWORD, e.reason(), alg + form);
                }
            }
        }
    }
}
