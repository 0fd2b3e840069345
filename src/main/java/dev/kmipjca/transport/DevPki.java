package dev.kmipjca.transport;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway certificate authority for the development server and for tests: a CA, server
 * certificates with DNS and IP SANs and EKU serverAuth, client certificates with one CN and EKU
 * clientAuth (or no EKU, for negative tests). Keys are EC P-256 or RSA 2048. {@link DevPkiFiles}
 * writes them as PEM. Not for production: there is no revocation and keys are not protected.
 */
public final class DevPki {
    /** The key type of a new certificate. */
    public enum KeyKind { EC_P256, RSA_2048 }

    /** The extended key usage of a leaf certificate. */
    public enum Usage { SERVER_AUTH, CLIENT_AUTH, NONE }

    /** A certificate, its key pair, and its chain (the certificate first, the CA last). */
    public record Issued(X509Certificate certificate, KeyPair keyPair, List<X509Certificate> chain) {
        public Issued {
            chain = List.copyOf(chain);
        }

        public PrivateKey privateKey() {
            return keyPair.getPrivate();
        }

        @Override
        public String toString() {
            return "Issued{" + certificate.getSubjectX500Principal().getName() + "}";
        }
    }

    /**
     * What to put in a leaf certificate; {@link #server} and {@link #client} give the usual forms,
     * {@link #withValidity} changes the dates (for expired or not-yet-valid tests).
     */
    public record Request(String commonName, KeyKind keyKind, List<String> dnsNames, List<String> ipAddresses,
                          Usage usage, Instant notBefore, Instant notAfter) {
        public Request {
            dnsNames = List.copyOf(dnsNames);
            ipAddresses = List.copyOf(ipAddresses);
        }

        /** A server certificate valid from an hour ago for a year, with EKU serverAuth. */
        public static Request server(String commonName, List<String> dnsNames, List<String> ipAddresses, KeyKind kind) {
            Instant now = Instant.now();
            return new Request(commonName, kind, dnsNames, ipAddresses, Usage.SERVER_AUTH,
                    now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)));
        }

        /** A client certificate valid from an hour ago for a year, with EKU clientAuth or none. */
        public static Request client(String commonName, boolean clientAuthEku, KeyKind kind) {
            Instant now = Instant.now();
            return new Request(commonName, kind, List.of(), List.of(), clientAuthEku ? Usage.CLIENT_AUTH : Usage.NONE,
                    now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)));
        }

        public Request withValidity(Instant from, Instant to) {
            return new Request(commonName, keyKind, dnsNames, ipAddresses, usage, from, to);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private DevPki() {
    }

    /** A self-signed CA valid from an hour ago for ten years. */
    public static Issued createCa(String commonName, KeyKind kind) {
        KeyPair kp = generateKeyPair(kind);
        X500Name name = name(commonName);
        Instant now = Instant.now();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(3650))), name,
                    kp.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            X509Certificate cert = sign(b, kp.getPrivate());
            return new Issued(cert, kp, List.of(cert));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot create a CA certificate", e);
        }
    }

    /** A server certificate (EKU serverAuth) naming these DNS names and IP addresses. */
    public static Issued issueServer(Issued ca, String commonName, List<String> dnsNames, List<String> ipAddresses,
                                     KeyKind kind) {
        return issue(ca, Request.server(commonName, dnsNames, ipAddresses, kind));
    }

    /** A client certificate with one CN, with EKU clientAuth or without any EKU. */
    public static Issued issueClient(Issued ca, String commonName, boolean clientAuthEku, KeyKind kind) {
        return issue(ca, Request.client(commonName, clientAuthEku, kind));
    }

    /** A leaf certificate signed by {@code ca}. */
    public static Issued issue(Issued ca, Request r) {
        KeyPair kp = generateKeyPair(r.keyKind());
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            int usage = KeyUsage.digitalSignature | (r.keyKind() == KeyKind.RSA_2048 ? KeyUsage.keyEncipherment : 0);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca.certificate(), serial(),
                    Date.from(r.notBefore()), Date.from(r.notAfter()), name(r.commonName()), kp.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(usage))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(ca.certificate()));
            if (r.usage() != Usage.NONE) {
                KeyPurposeId purpose = r.usage() == Usage.SERVER_AUTH ? KeyPurposeId.id_kp_serverAuth
                        : KeyPurposeId.id_kp_clientAuth;
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            }
            List<GeneralName> sans = new ArrayList<>();
            r.dnsNames().forEach(d -> sans.add(new GeneralName(GeneralName.dNSName, d)));
            for (String ip : r.ipAddresses()) {
                sans.add(new GeneralName(GeneralName.iPAddress, ipLiteral(ip)));
            }
            if (!sans.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(new GeneralName[0])));
            }
            X509Certificate cert = sign(b, ca.privateKey());
            List<X509Certificate> chain = new ArrayList<>(List.of(cert));
            chain.addAll(ca.chain());
            return new Issued(cert, kp, chain);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue a certificate for " + r.commonName(), e);
        }
    }

    /** A new EC P-256 or RSA 2048 key pair. */
    public static KeyPair generateKeyPair(KeyKind kind) {
        try {
            KeyPairGenerator g;
            if (kind == KeyKind.EC_P256) {
                g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            } else {
                g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048, RANDOM);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + kind + " key pair", e);
        }
    }

    /** The text form of an IP address, checked to be a literal (never resolved). */
    private static String ipLiteral(String ip) {
        boolean v6 = ip.indexOf(':') >= 0;
        if (!ip.chars().allMatch(c -> (v6 ? Character.digit(c, 16) >= 0 : Character.isDigit(c)) || c == '.' || c == ':')) {
            throw new IllegalArgumentException("not an IP address: " + ip);
        }
        try {
            return InetAddress.getByName(v6 ? "[" + ip + "]" : ip).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + ip, e);
        }
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey issuerKey) throws GeneralSecurityException {
        String alg = issuerKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(alg).build(issuerKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign with " + alg, e);
        }
    }
}
