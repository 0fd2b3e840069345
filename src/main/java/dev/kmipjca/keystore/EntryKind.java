package dev.kmipjca.keystore;

/** What an entry holds; {@link #code()} is its number in the file. */
public enum EntryKind {
    /** A {@code javax.crypto.SecretKey}: algorithm name and encoded bytes (AES keys, keytool -importpass passwords). */
    SECRET_KEY(1),
    /** A private key (PKCS#8) with its X.509 certificate chain. */
    PRIVATE_KEY(2),
    /** A trusted X.509 certificate. */
    TRUSTED_CERTIFICATE(3),
    /** A reference to a key kept on the KMIP server, by Unique Identifier; no key bytes. */
    SERVER_KEY(4);

    private final int code;

    EntryKind(int code) {
        this.code = code;
    }

    /** The kind's number in the file format. */
    public int code() {
        return code;
    }

    /** True for the kinds the JCA calls key entries (all but trusted certificates). */
    public boolean isKey() {
        return this != TRUSTED_CERTIFICATE;
    }

    /** The kind numbered {@code code}, or null. */
    static EntryKind ofCode(int code) {
        for (EntryKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }
}
