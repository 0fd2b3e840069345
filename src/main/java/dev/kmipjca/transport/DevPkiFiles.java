package dev.kmipjca.transport;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

/**
 * Writes {@link DevPki} output as PEM files, the way OpenSSL does. Key files are created with
 * owner-only permissions (0600 on POSIX file systems) before any byte is written; certificate files
 * are 0644. Files are written to a temporary name and moved into place.
 */
public final class DevPkiFiles {
    /** How a private key is written. */
    public enum KeyFormat {
        /** {@code PRIVATE KEY}: unencrypted PKCS#8. */
        PKCS8,
        /** {@code ENCRYPTED PRIVATE KEY}: PKCS#8 under PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC). */
        PKCS8_ENCRYPTED,
        /** {@code RSA PRIVATE KEY} (PKCS#1) or {@code EC PRIVATE KEY} (SEC1), unencrypted. */
        TRADITIONAL,
        /** PKCS#1 or SEC1 under OpenSSL's legacy encryption ({@code Proc-Type}, {@code DEK-Info}, AES-256-CBC). */
        TRADITIONAL_ENCRYPTED
    }

    private static final int PBKDF2_ITERATIONS = 100_000;

    private DevPkiFiles() {
    }

    /** Writes certificates in order, world-readable. */
    public static void writeCertificates(Path file, List<X509Certificate> certs) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            for (X509Certificate c : certs) {
                w.writeObject(c);
            }
        }
        write(file, out.toString(), "rw-r--r--");
    }

    /**
     * Writes a private key, owner-only.
     *
     * @param password required by the encrypted formats, ignored by the others
     */
    public static void writeKey(Path file, PrivateKey key, KeyFormat format, char[] password) throws IOException {
        writeKeyAndChain(file, key, List.of(), format, password);
    }

    /** Writes a private key followed by its certificate chain into one file, owner-only. */
    public static void writeKeyAndChain(Path file, PrivateKey key, List<X509Certificate> chain, KeyFormat format,
                                        char[] password) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(generator(key, format, password));
            for (X509Certificate c : chain) {
                w.writeObject(c);
            }
        }
        write(file, out.toString(), "rw-------");
    }

    private static PemObjectGenerator generator(PrivateKey key, KeyFormat format, char[] password) throws IOException {
        if ((format == KeyFormat.PKCS8_ENCRYPTED || format == KeyFormat.TRADITIONAL_ENCRYPTED)
                && (password == null || password.length == 0)) {
            throw new IllegalArgumentException(format + " needs a password");
        }
        try {
            return switch (format) {
                case PKCS8 -> new JcaPKCS8Generator(key, null);
                case PKCS8_ENCRYPTED -> new JcaPKCS8Generator(key,
                        new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                                .setPRF(PKCS8Generator.PRF_HMACSHA256)
                                .setIterationCount(PBKDF2_ITERATIONS)
                                .setRandom(new SecureRandom())
                                .setProvider(Bc.provider())
                                .setPassword(password)
                                .build());
                case TRADITIONAL -> new JcaMiscPEMGenerator(withSec1Parameters(key));
                case TRADITIONAL_ENCRYPTED -> new JcaMiscPEMGenerator(withSec1Parameters(key),
                        new JcePEMEncryptorBuilder("AES-256-CBC").setProvider(Bc.provider())
                                .setSecureRandom(new SecureRandom()).build(password));
            };
        } catch (OperatorCreationException e) {
            throw new IOException("cannot encrypt the key", e);
        }
    }

    /**
     * The JDK encodes an EC key's curve only in the PKCS#8 algorithm identifier, so a SEC1 block made
     * from it would lack the curve; Bouncy Castle's key class puts the curve (and the public point)
     * inside the SEC1 structure, as OpenSSL does.
     */
    private static PrivateKey withSec1Parameters(PrivateKey key) throws IOException {
        if (!key.getAlgorithm().equals("EC")) {
            return key;
        }
        byte[] der = key.getEncoded();
        try {
            return KeyFactory.getInstance("EC", Bc.provider()).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot re-encode the EC key", e);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    private static void write(Path file, String text, String perms) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms)));
        } catch (UnsupportedOperationException e) {
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        }
        try {
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
