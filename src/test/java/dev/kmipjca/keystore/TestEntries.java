package dev.kmipjca.keystore;

import dev.kmipjca.transport.DevPki;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Entries of every kind, and the settings text of a new keystore file, for the tests. */
final class TestEntries {
    /** A new keystore file as the development server writes it, with comments and a blank line. */
    static final String SETTINGS = """
            # KMIP keystore for the payments service
            # (servers are tried in order)
            kmip.serverName = kmip1.example.com, kmip2.example.com

            ! the port every server listens on
            kmip.port: 5696
            kmip.connectTimeoutMS=7000
            """;

    static final DevPki.Issued CA = DevPki.createCa("test CA", DevPki.KeyKind.EC_P256);
    private static DevPki.Issued rsa;
    private static DevPki.Issued ec;

    private TestEntries() {
    }

    static synchronized DevPki.Issued rsaLeaf() {
        if (rsa == null) {
            rsa = DevPki.issueClient(CA, "rsa client", true, DevPki.KeyKind.RSA_2048);
        }
        return rsa;
    }

    static synchronized DevPki.Issued ecLeaf() {
        if (ec == null) {
            ec = DevPki.issueClient(CA, "ec client", true, DevPki.KeyKind.EC_P256);
        }
        return ec;
    }

    static KeyStore.PrivateKeyEntry rsaEntry() {
        DevPki.Issued i = rsaLeaf();
        return new KeyStore.PrivateKeyEntry(i.privateKey(), i.chain().toArray(new X509Certificate[0]));
    }

    static KeyStore.PrivateKeyEntry ecEntry() {
        DevPki.Issued i = ecLeaf();
        return new KeyStore.PrivateKeyEntry(i.privateKey(), i.chain().toArray(new X509Certificate[0]));
    }

    /** An Ed25519 key with a self-signed certificate. */
    static KeyStore.PrivateKeyEntry ed25519Entry() throws Exception {
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        X500Name name = new X500Name("CN=ed25519");
        Instant now = Instant.now();
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now), Date.from(now.plus(Duration.ofDays(1))), name,
                kp.getPublic()).build(new JcaContentSignerBuilder("Ed25519").build(kp.getPrivate())));
        return new KeyStore.PrivateKeyEntry(kp.getPrivate(), new X509Certificate[] {cert});
    }

    static KeyStore.SecretKeyEntry aesEntry() throws GeneralSecurityException {
        KeyGenerator g = KeyGenerator.getInstance("AES");
        g.init(256);
        return new KeyStore.SecretKeyEntry(g.generateKey());
    }

    /** What {@code keytool -importpass} hands to {@code setKeyEntry}: SunJCE's "PBE" key of the password. */
    static KeyStore.SecretKeyEntry passwordEntry(String password) throws GeneralSecurityException {
        SecretKey k = SecretKeyFactory.getInstance("PBE").generateSecret(new PBEKeySpec(password.toCharArray()));
        return new KeyStore.SecretKeyEntry(k);
    }

    static KeyStore.TrustedCertificateEntry trustedEntry() {
        return new KeyStore.TrustedCertificateEntry(CA.certificate());
    }

    static ServerKeyEntry serverKeyEntry() {
        return new ServerKeyEntry("8f0d3c2e-1b7a-4a51-9d55-3c6f0e2b9a10", "AES", 256);
    }

    static byte[] settingsBytes() {
        return SETTINGS.getBytes(StandardCharsets.UTF_8);
    }
}
