package dev.kmipjca.keystore;

import dev.kmipjca.keystore.KeystoreException.Reason;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An entry's contents, the plaintext that is encrypted (big-endian; "str" is a u16 length and UTF-8,
 * "bytes" a u32 length and bytes):
 * <pre>
 * SECRET_KEY           str algorithm, bytes encoded key
 * PRIVATE_KEY          str algorithm, bytes PKCS#8, u16 chain length (at least 1), bytes X.509 DER each
 * TRUSTED_CERTIFICATE  bytes X.509 DER
 * SERVER_KEY           str unique identifier, str algorithm ("" unknown), u32 key size in bits (0 unknown)
 * </pre>
 */
final class EntryCodec {
    private static final int MAX_CHAIN = 64;

    private EntryCodec() {
    }

    static EntryKind kindOf(KeyStore.Entry entry) throws KeystoreException {
        if (entry instanceof KeyStore.SecretKeyEntry) {
            return EntryKind.SECRET_KEY;
        } else if (entry instanceof KeyStore.PrivateKeyEntry) {
            return EntryKind.PRIVATE_KEY;
        } else if (entry instanceof KeyStore.TrustedCertificateEntry) {
            return EntryKind.TRUSTED_CERTIFICATE;
        } else if (entry instanceof ServerKeyEntry) {
            return EntryKind.SERVER_KEY;
        }
        throw new KeystoreException(Reason.INVALID_ENTRY, "entries of type "
                + (entry == null ? "null" : entry.getClass().getName()) + " cannot be stored");
    }

    /** The plaintext of {@code entry}; the caller wipes the writer when done. */
    static ByteWriter encode(KeyStore.Entry entry) throws KeystoreException {
        ByteWriter w = new ByteWriter(2048);
        try {
            if (entry instanceof KeyStore.SecretKeyEntry s) {
                SecretKey key = s.getSecretKey();
                writeKey(w, key.getAlgorithm(), key.getEncoded(), "secret");
            } else if (entry instanceof KeyStore.PrivateKeyEntry p) {
                PrivateKey key = p.getPrivateKey();
                if (key.getFormat() != null && !"PKCS#8".equalsIgnoreCase(key.getFormat())) {
                    throw new KeystoreException(Reason.INVALID_ENTRY, "a private key in format " + key.getFormat()
                            + " cannot be stored; PKCS#8 is needed");
                }
                writeKey(w, key.getAlgorithm(), key.getEncoded(), "private");
                Certificate[] chain = p.getCertificateChain();
                if (chain.length > MAX_CHAIN) {
                    throw new KeystoreException(Reason.INVALID_ENTRY, "a certificate chain of " + chain.length
                            + " certificates is longer than the limit " + MAX_CHAIN);
                }
                w.u16(chain.length);
                for (Certificate c : chain) {
                    w.lengthPrefixed(der(c));
                }
            } else if (entry instanceof KeyStore.TrustedCertificateEntry t) {
                w.lengthPrefixed(der(t.getTrustedCertificate()));
            } else if (entry instanceof ServerKeyEntry k) {
                w.shortString(k.uniqueId()).shortString(k.algorithm()).u32(k.keySizeBits());
            } else {
                kindOf(entry);
            }
            return w;
        } catch (KeystoreException | RuntimeException e) {
            w.wipe();
            throw e;
        }
    }

    private static void writeKey(ByteWriter w, String algorithm, byte[] encoded, String what) throws KeystoreException {
        if (encoded == null || encoded.length == 0) {
            throw new KeystoreException(Reason.INVALID_ENTRY, "this " + what + " key (" + algorithm + ") has no"
                    + " encoding, so it cannot be stored as bytes; a key held by a server is stored as a ServerKeyEntry");
        }
        if (algorithm == null || algorithm.isEmpty() || algorithm.length() > 255) {
            Arrays.fill(encoded, (byte) 0);
            throw new KeystoreException(Reason.INVALID_ENTRY, "a " + what + " key needs an algorithm name of 1 to 255"
                    + " characters");
        }
        w.shortString(algorithm).lengthPrefixed(encoded);
        Arrays.fill(encoded, (byte) 0);
    }

    private static byte[] der(Certificate c) throws KeystoreException {
        if (!(c instanceof X509Certificate)) {
            throw new KeystoreException(Reason.INVALID_ENTRY, "only X.509 certificates can be stored, not "
                    + (c == null ? "null" : c.getType()));
        }
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new KeystoreException(Reason.INVALID_ENTRY, 0, "a certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** The entry from its plaintext; {@code alias} only names it in messages. */
    static KeyStore.Entry decode(EntryKind kind, byte[] plaintext, String alias) throws KeystoreException {
        ByteReader r = new ByteReader(plaintext, "entry '" + alias + "' (decrypted)", 0);
        try {
            KeyStore.Entry entry = switch (kind) {
                case SECRET_KEY -> new KeyStore.SecretKeyEntry(secretKey(r.shortString("algorithm"),
                        r.lengthPrefixed("key", Format.MAX_ENTRY_BYTES)));
                case PRIVATE_KEY -> privateKey(r, alias);
                case TRUSTED_CERTIFICATE -> new KeyStore.TrustedCertificateEntry(
                        certificate(r.lengthPrefixed("certificate", Format.MAX_ENTRY_BYTES), alias));
                case SERVER_KEY -> serverKey(r, alias);
            };
            r.end("the entry");
            return entry;
        } catch (IllegalArgumentException e) {
            // SecretKeySpec of an empty key, a chain whose first certificate is for another key type, ...
            throw new KeystoreException(Reason.MALFORMED, 0, "entry '" + alias + "' cannot be restored: "
                    + e.getMessage(), e);
        }
    }

    /**
     * A secret key of {@code algorithm}. Password-based keys ({@code keytool -importpass} stores the
     * password's bytes under "PBEWithMD5AndDES", the SunJCE name of "PBE") come back as the PBE key
     * their SecretKeyFactory makes, as the JDK's PKCS12 keystore does; others as a SecretKeySpec.
     * The array is wiped.
     */
    static SecretKey secretKey(String algorithm, byte[] encoded) {
        try {
            if (algorithm.toUpperCase(Locale.ROOT).startsWith("PBE")) {
                char[] password = new char[encoded.length];
                for (int i = 0; i < encoded.length; i++) {
                    password[i] = (char) (encoded[i] & 0xFF);
                }
                PBEKeySpec spec = new PBEKeySpec(password);
                Arrays.fill(password, '\0');
                try {
                    return SecretKeyFactory.getInstance(algorithm).generateSecret(spec);
                } catch (GeneralSecurityException e) {
                    // no factory for this name: the bytes as they are
                } finally {
                    spec.clearPassword();
                }
            }
            return new SecretKeySpec(encoded, algorithm);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    private static KeyStore.Entry privateKey(ByteReader r, String alias) throws KeystoreException {
        String algorithm = r.shortString("algorithm");
        byte[] pkcs8 = r.lengthPrefixed("private key", Format.MAX_ENTRY_BYTES);
        try {
            int n = r.u16("chain length");
            if (n < 1 || n > MAX_CHAIN) {
                throw r.problem("chain length " + n + " is not 1 to " + MAX_CHAIN);
            }
            X509Certificate[] chain = new X509Certificate[n];
            for (int i = 0; i < n; i++) {
                chain[i] = certificate(r.lengthPrefixed("certificate " + i, Format.MAX_ENTRY_BYTES), alias);
            }
            PrivateKey key = restore(algorithm, pkcs8, chain[0].getPublicKey().getAlgorithm(), alias);
            return new KeyStore.PrivateKeyEntry(key, chain);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** The private key through the KeyFactory of its algorithm, else that of its certificate's public key. */
    private static PrivateKey restore(String algorithm, byte[] pkcs8, String certAlgorithm, String alias)
            throws KeystoreException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(pkcs8);
        Exception first = null;
        for (String name : new String[] {algorithm, certAlgorithm}) {
            try {
                return KeyFactory.getInstance(name).generatePrivate(spec);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                first = first == null ? e : first;
            }
        }
        throw new KeystoreException(Reason.INVALID_ENTRY, 0, "entry '" + alias + "': the " + algorithm
                + " private key cannot be restored by a KeyFactory of this JVM", first);
    }

    private static X509Certificate certificate(byte[] der, String alias) throws KeystoreException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new KeystoreException(Reason.MALFORMED, 0, "entry '" + alias + "': a certificate cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private static ServerKeyEntry serverKey(ByteReader r, String alias) throws KeystoreException {
        String uid = r.shortString("unique identifier");
        String algorithm = r.shortString("algorithm");
        int bits = r.u32("key size", Integer.MAX_VALUE);
        try {
            return new ServerKeyEntry(uid, algorithm, bits);
        } catch (IllegalArgumentException e) {
            throw new KeystoreException(Reason.MALFORMED, 0, "entry '" + alias + "': " + e.getMessage());
        }
    }
}
