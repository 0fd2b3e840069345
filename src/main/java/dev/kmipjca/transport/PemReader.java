package dev.kmipjca.transport;

import dev.kmipjca.transport.CredentialsException.Reason;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;

import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads every PEM block of a file with Bouncy Castle's {@link PEMParser}: certificates, and private
 * keys in the forms OpenSSL writes (PKCS#8 {@code PRIVATE KEY}, encrypted PKCS#8
 * {@code ENCRYPTED PRIVATE KEY}, PKCS#1 {@code RSA PRIVATE KEY}, SEC1 {@code EC PRIVATE KEY}, and the
 * last two encrypted with OpenSSL's legacy {@code Proc-Type}/{@code DEK-Info} headers). Other blocks
 * (EC parameters, public keys, requests) are skipped. Errors name the file, never its contents.
 */
final class PemReader {
    /** What one file holds. */
    record Contents(List<X509Certificate> certificates, List<PrivateKey> keys) {
    }

    private PemReader() {
    }

    static Contents read(Path file, char[] password) throws CredentialsException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new CredentialsException(file, Reason.UNREADABLE, "cannot read " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        if (!text.contains("-----BEGIN ")) {
            throw new CredentialsException(file, Reason.UNPARSEABLE, file + " holds no PEM data (no '-----BEGIN' line);"
                    + " convert DER or PKCS#12 files to PEM first");
        }
        List<X509Certificate> certs = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        try (Reader r = new StringReader(text); PEMParser parser = new PEMParser(r)) {
            int block = 0;
            while (true) {
                Object o;
                block++;
                try {
                    o = parser.readObject();
                } catch (IOException | RuntimeException e) {
                    throw new CredentialsException(file, Reason.UNPARSEABLE, "PEM block " + block + " of " + file
                            + " cannot be parsed: " + safe(e), e);
                }
                if (o == null) {
                    break;
                }
                if (o instanceof X509CertificateHolder h) {
                    certs.add(certificate(file, h));
                } else if (o instanceof X509TrustedCertificateBlock t) {
                    certs.add(certificate(file, t.getCertificateHolder()));
                } else {
                    PrivateKey k = key(file, o, password);
                    if (k != null) {
                        keys.add(k);
                    }
                }
            }
        } catch (IOException e) {
            throw new CredentialsException(file, Reason.UNREADABLE, "cannot read " + file, e);
        }
        return new Contents(certs, keys);
    }

    private static X509Certificate certificate(Path file, X509CertificateHolder h) throws CredentialsException {
        try {
            return new JcaX509CertificateConverter().getCertificate(h);
        } catch (CertificateException e) {
            throw new CredentialsException(file, Reason.UNPARSEABLE, "a certificate in " + file + " cannot be decoded: "
                    + safe(e), e);
        }
    }

    /** The private key in {@code o}, or null when {@code o} is not a private key. */
    private static PrivateKey key(Path file, Object o, char[] password) throws CredentialsException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            if (o instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (o instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (o instanceof PKCS8EncryptedPrivateKeyInfo enc) {
                requirePassword(file, password, "PKCS#8");
                PrivateKeyInfo info;
                try {
                    InputDecryptorProvider dp = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                            .setProvider(Bc.provider()).build(password);
                    info = enc.decryptPrivateKeyInfo(dp);
                } catch (Exception e) {
                    throw wrongPassword(file, e);
                }
                return converter.getPrivateKey(info);
            }
            if (o instanceof PEMEncryptedKeyPair enc) {
                requirePassword(file, password, "OpenSSL legacy (Proc-Type/DEK-Info)");
                PEMKeyPair pair;
                try {
                    pair = enc.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(Bc.provider()).build(password));
                } catch (Exception e) {
                    throw wrongPassword(file, e);
                }
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
        } catch (IOException e) {
            throw new CredentialsException(file, Reason.UNPARSEABLE, "the private key in " + file
                    + " cannot be decoded: " + safe(e), e);
        }
        return null;
    }

    private static void requirePassword(Path file, char[] password, String form) throws CredentialsException {
        if (password == null || password.length == 0) {
            throw new CredentialsException(file, Reason.PASSWORD_REQUIRED, "the private key in " + file
                    + " is encrypted (" + form + ") and no password was given");
        }
    }

    private static CredentialsException wrongPassword(Path file, Exception e) {
        return new CredentialsException(file, Reason.WRONG_PASSWORD, "the private key in " + file
                + " cannot be decrypted: wrong password (" + e.getClass().getSimpleName() + ")", e);
    }

    /** An exception's class and message, for errors; Bouncy Castle messages hold no key material. */
    private static String safe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
