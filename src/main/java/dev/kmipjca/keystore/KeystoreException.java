package dev.kmipjca.keystore;

/**
 * A keystore file could not be read, opened or changed. The message names what was wrong: the field
 * ({@code kmipjca.entry.3}), the line of the file, the byte offset inside a binary value, the rule.
 * It never contains key bytes, passwords or decrypted entry contents.
 *
 * <p>{@link #reason()} lets callers react without parsing messages (the JCA layer turns
 * {@link Reason#MASTER_KEY_FAILED} with an unreachable server into a different exception than a
 * damaged file, for example).
 */
public final class KeystoreException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of problem this is. */
    public enum Reason {
        /** The text breaks the file format: a missing, misplaced or invalid field or line. */
        MALFORMED,
        /** The file ends before its protected section does: it was cut short or the section removed. */
        TRUNCATED,
        /** The protected section has a format version this code does not read. */
        UNSUPPORTED_VERSION,
        /**
         * The protected section's authenticator or an entry's authentication tag does not match: an
         * entry or field was altered, removed, reordered, or taken from another keystore.
         */
        AUTHENTICATION_FAILED,
        /** The master key could not wrap or unwrap the keystore key; the cause is the {@code KeyWrapException}. */
        MASTER_KEY_FAILED,
        /** An entry cannot be stored (no encoding, unsupported certificate type, alias too long, ...). */
        INVALID_ENTRY
    }

    private final Reason reason;
    private final int line;

    KeystoreException(Reason reason, String message) {
        this(reason, 0, message, null);
    }

    KeystoreException(Reason reason, int line, String message) {
        this(reason, line, message, null);
    }

    KeystoreException(Reason reason, int line, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.line = line;
    }

    public Reason reason() {
        return reason;
    }

    /** The 1-based line of the file the problem was found on, or 0 when it concerns no single line. */
    public int line() {
        return line;
    }
}
