package dev.kmipjca.transport;

import dev.kmipjca.transport.CredentialsException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * A private key and its certificate chain, read from one PEM file (the form of
 * {@code kmip.clientCertificateFile}, and of a server's key file). The blocks may come in any order;
 * the leaf is the certificate whose public key matches the private key, and the chain follows
 * issuer names from there, so {@link #chain()} is leaf first. Certificates that are not part of the
 * leaf's chain are left out.
 *
 * <p>Accepted key forms: PKCS#8, PKCS#1 RSA, SEC1 EC, encrypted PKCS#8 (PBES2), and OpenSSL's legacy
 * encrypted PEM. Each problem is a {@link CredentialsException} with its own {@link Reason}.
 * {@link #toString()} names the file, the key algorithm and the leaf's subject, nothing secret.
 */
public final class PemCredentials {
    private final Path file;
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    private PemCredentials(Path file, PrivateKey privateKey, List<X509Certificate> chain) {
        this.file = file;
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
    }

    /**
     * Reads a key and its chain.
     *
     * @param password the password of an encrypted key; null or empty when the key is not encrypted.
     *                 Not kept; the caller still owns (and should zero) the array.
     */
    public static PemCredentials load(Path file, char[] password) throws CredentialsException {
        PemReader.Contents c = PemReader.read(file, password);
        if (c.keys().size() > 1) {
            throw new CredentialsException(file, Reason.MULTIPLE_KEYS, file + " holds " + c.keys().size()
                    + " private keys; it must hold exactly one, with its certificate chain");
        }
        if (c.keys().isEmpty()) {
            throw new CredentialsException(file, Reason.NO_KEY, file + " holds no private key; it must hold the"
                    + " private key and its certificate chain");
        }
        if (c.certificates().isEmpty()) {
            throw new CredentialsException(file, Reason.NO_CERTIFICATE, file + " holds no certificate; it must"
                    + " hold the private key and its certificate chain");
        }
        PrivateKey key = c.keys().get(0);
        X509Certificate leaf = null;
        for (X509Certificate cert : c.certificates()) {
            if (matches(key, cert.getPublicKey())) {
                leaf = cert;
                break;
            }
        }
        if (leaf == null) {
            throw new CredentialsException(file, Reason.KEY_MISMATCH, "the private key in " + file
                    + " does not match any of its certificates (first: "
                    + c.certificates().get(0).getSubjectX500Principal().getName() + ")");
        }
        return new PemCredentials(file.toAbsolutePath(), key, order(leaf, c.certificates()));
    }

    /**
     * Every certificate in a PEM file, in file order (the form of {@code kmip.serverCAFile}).
     *
     * @throws CredentialsException when the file cannot be read or parsed or holds no certificate
     */
    public static List<X509Certificate> loadCertificates(Path file) throws CredentialsException {
        List<X509Certificate> certs = PemReader.read(file, null).certificates();
        if (certs.isEmpty()) {
            throw new CredentialsException(file, Reason.NO_CERTIFICATE, file + " holds no certificate");
        }
        return certs;
    }

    /** The leaf first, then each certificate's issuer found among {@code all}, until none is found. */
    private static List<X509Certificate> order(X509Certificate leaf, List<X509Certificate> all) {
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
        X509Certificate cur = leaf;
        while (!cur.getIssuerX500Principal().equals(cur.getSubjectX500Principal())) {
            X509Certificate next = null;
            for (X509Certificate c : all) {
                if (!chain.contains(c) && c.getSubjectX500Principal().equals(cur.getIssuerX500Principal())) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            chain.add(next);
            cur = next;
        }
        return chain;
    }

    /**
     * Whether {@code pub} is the public half of {@code key}: RSA by modulus and exponent, other
     * algorithms by signing a fixed message and verifying it.
     */
    static boolean matches(PrivateKey key, PublicKey pub) {
        if (!key.getAlgorithm().equals(pub.getAlgorithm())) {
            return false;
        }
        if (key instanceof RSAPrivateCrtKey rsa && pub instanceof RSAPublicKey rpub) {
            return rsa.getModulus().equals(rpub.getModulus()) && rsa.getPublicExponent().equals(rpub.getPublicExponent());
        }
        String alg = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "DSA" -> "SHA256withDSA";
            default -> key.getAlgorithm(); // Ed25519, Ed448, EdDSA
        };
        try {
            byte[] msg = "kmip-jca key check".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(msg);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(pub);
            v.update(msg);
            return v.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The file this was read from, absolute. */
    public Path file() {
        return file;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The leaf certificate, then its issuers as far as the file holds them. */
    public List<X509Certificate> chain() {
        return chain;
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "PemCredentials{file=" + file + ", key=" + privateKey.getAlgorithm() + ", subject="
                + leaf().getSubjectX500Principal().getName() + ", chain=" + chain.size() + "}";
    }
}
