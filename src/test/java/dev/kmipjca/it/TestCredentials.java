package dev.kmipjca.it;

import dev.kmipjca.transport.DevPki;
import dev.kmipjca.transport.DevPki.Issued;
import dev.kmipjca.transport.DevPki.KeyKind;
import dev.kmipjca.transport.DevPkiFiles;
import dev.kmipjca.transport.DevPkiFiles.KeyFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The certificates of an interoperability run, written as PEM files under one directory: a CA; an
 * RSA server certificate with the SANs asked for; client identity A (RSA, EKU clientAuth) as an
 * unencrypted PKCS#8 bundle, an encrypted PKCS#8 bundle and a legacy encrypted PKCS#1 bundle
 * (OpenSSL's {@code Proc-Type}/{@code DEK-Info}); identity B (EC, EKU clientAuth); a client without EKU;
 * and an unrelated CA for wrong-CA tests ({@link #issuedBy} makes all but the server certificate from an
 * existing CA). Bundles hold the key and the chain, as
 * {@code kmip.clientCertificateFile} expects.
 */
public final class TestCredentials {
    public static final String CN_A = "kmip-jca-it-a";
    public static final String CN_B = "kmip-jca-it-b";
    public static final String CN_NO_EKU = "kmip-jca-it-no-eku";
    /** The password of the encrypted bundles (test only). */
    public static final String PASSWORD = "it-password";

    private final Path dir;

    private TestCredentials(Path dir) {
        this.dir = dir;
    }

    /**
     * Creates and writes everything.
     *
     * @param serverDnsNames DNS SANs of the server certificate
     * @param serverIps      IP SANs of the server certificate
     */
    public static TestCredentials create(Path dir, List<String> serverDnsNames, List<String> serverIps) throws IOException {
        Files.createDirectories(dir);
        Issued ca = DevPki.createCa("kmip-jca IT CA", KeyKind.RSA_2048);
        Issued server = DevPki.issueServer(ca, "kmip-jca IT server", serverDnsNames, serverIps, KeyKind.RSA_2048);
        TestCredentials c = issuedBy(dir, ca);
        DevPkiFiles.writeCertificates(c.serverCertificateFile(), List.of(server.certificate()));
        DevPkiFiles.writeKey(c.serverKeyFile(), server.privateKey(), KeyFormat.PKCS8, null);
        return c;
    }

    /**
     * The client identities and the foreign CA, issued by an existing CA (such as the development
     * server's); writes no server certificate.
     */
    public static TestCredentials issuedBy(Path dir, Issued ca) throws IOException {
        Files.createDirectories(dir);
        Issued a = DevPki.issueClient(ca, CN_A, true, KeyKind.RSA_2048);
        Issued b = DevPki.issueClient(ca, CN_B, true, KeyKind.EC_P256);
        Issued noEku = DevPki.issueClient(ca, CN_NO_EKU, false, KeyKind.EC_P256);
        Issued otherCa = DevPki.createCa("Some other CA", KeyKind.EC_P256);
        TestCredentials c = new TestCredentials(dir);
        DevPkiFiles.writeCertificates(c.caFile(), List.of(ca.certificate()));
        DevPkiFiles.writeCertificates(c.otherCaFile(), List.of(otherCa.certificate()));
        char[] pw = PASSWORD.toCharArray();
        DevPkiFiles.writeKeyAndChain(c.clientFile(KmipServerUnderTest.Identity.A), a.privateKey(), a.chain(), KeyFormat.PKCS8, null);
        DevPkiFiles.writeKeyAndChain(c.encryptedPkcs8File(), a.privateKey(), a.chain(), KeyFormat.PKCS8_ENCRYPTED, pw);
        DevPkiFiles.writeKeyAndChain(c.legacyEncryptedFile(), a.privateKey(), a.chain(), KeyFormat.TRADITIONAL_ENCRYPTED, pw);
        DevPkiFiles.writeKeyAndChain(c.clientFile(KmipServerUnderTest.Identity.B), b.privateKey(), b.chain(), KeyFormat.PKCS8, null);
        DevPkiFiles.writeKeyAndChain(c.clientFile(KmipServerUnderTest.Identity.NO_EKU), noEku.privateKey(), noEku.chain(),
                KeyFormat.PKCS8, null);
        return c;
    }

    public Path caFile() {
        return dir.resolve("ca.crt");
    }

    /** A CA that issued nothing the server presents. */
    public Path otherCaFile() {
        return dir.resolve("other-ca.crt");
    }

    public Path serverCertificateFile() {
        return dir.resolve("server.crt");
    }

    public Path serverKeyFile() {
        return dir.resolve("server.key");
    }

    /** The unencrypted PKCS#8 bundle (key and chain) of {@code who}. */
    public Path clientFile(KmipServerUnderTest.Identity who) {
        return dir.resolve("client-" + who.name().toLowerCase(java.util.Locale.ROOT) + ".pem");
    }

    /** Identity A as {@code ENCRYPTED PRIVATE KEY} (PBES2), password {@link #PASSWORD}. */
    public Path encryptedPkcs8File() {
        return dir.resolve("client-a-pkcs8-encrypted.pem");
    }

    /** Identity A as {@code RSA PRIVATE KEY} with {@code Proc-Type: 4,ENCRYPTED}, password {@link #PASSWORD}. */
    public Path legacyEncryptedFile() {
        return dir.resolve("client-a-legacy-encrypted.pem");
    }
}
