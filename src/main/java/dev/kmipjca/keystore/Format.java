package dev.kmipjca.keystore;

import java.nio.charset.StandardCharsets;

/** The constants of the keystore file format, versions 1 and 2 (docs/keystore.md describes each). */
final class Format {
    private Format() {
    }

    /** The version written. */
    static final int VERSION = 2;
    /** The first version, still read (and written as {@link #VERSION} by the next store). */
    static final int VERSION_1 = 1;

    /** First line of an initialised keystore file; its presence without a protected section means truncation. */
    static final String HEADER = "# kmip-jca keystore. The kmip.* settings may be edited; the protected section"
            + " at the end is written by kmip-jca (see docs/keystore.md).";
    static final String HEADER_PREFIX = "# kmip-jca keystore.";
    static final String BEGIN = "# ---- BEGIN KMIP-JCA PROTECTED SECTION: written by kmip-jca, do not edit ----";
    static final String BEGIN_PREFIX = "# ---- BEGIN KMIP-JCA PROTECTED SECTION";
    static final String END = "# ---- END KMIP-JCA PROTECTED SECTION ----";

    static final String FIELD_PREFIX = "kmipjca.";
    static final String F_VERSION = "kmipjca.version";
    static final String F_MASTER_KEY_ID = "kmipjca.masterKeyId";
    static final String F_KEYSTORE_KEY = "kmipjca.keystoreKey";
    static final String F_HISTORY_COUNT = "kmipjca.historyCount";
    static final String F_HISTORY = "kmipjca.history.";
    static final String F_ENTRY_COUNT = "kmipjca.entryCount";
    static final String F_ENTRY = "kmipjca.entry.";
    static final String F_MAC = "kmipjca.mac";

    /** The setting the keystore keeps equal to {@link #F_MASTER_KEY_ID}. */
    static final String KEY_IDENTIFIER = "kmip.keyIdentifier";

    /** Base64 characters per line of a wrapped value. */
    static final int BASE64_LINE = 64;

    static final int MAX_FILE_BYTES = 256 << 20;
    static final int MAX_ENTRIES = 1_000_000;
    static final int MAX_HISTORY = 10_000;
    /** Largest entry value (decoded), alias, certificates and ciphertext included. */
    static final int MAX_ENTRY_BYTES = 1 << 20;
    static final int MAX_ALIAS_BYTES = 1024;

    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    static final int MAC_BYTES = 32;

    /** Associated data of the keystore key's wrap under the master key: format version and purpose. */
    static final byte[] WRAP_AAD = ascii("kmip-jca keystore v1: keystore key");
    /** HKDF-SHA256 info strings of the two keys derived from the keystore key (salt: empty). */
    static final byte[] ENTRY_KEY_INFO = ascii("kmip-jca keystore v1: entry encryption");
    static final byte[] MAC_KEY_INFO = ascii("kmip-jca keystore v1: authenticator");
    /** The label of the in-memory record that a parsed section was authenticated (never written to a file). */
    static final byte[] VERIFIED_LABEL = ascii("kmip-jca keystore v1: section verified in memory");
    /** Prefix of every entry's GCM associated data (followed by the entry's header: kind, alias, date). */
    static final byte[] ENTRY_AAD = ascii("kmip-jca keystore v1: entry");
    /** First bytes of the authenticator's input in version 1. */
    static final byte[] MAC_LABEL = ascii("kmip-jca keystore v1: protected section");
    /** First bytes of the authenticator's input in version 2, followed by the SHA-256 of the section's bytes. */
    static final byte[] MAC_LABEL_V2 = ascii("kmip-jca keystore v2: protected section");

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
