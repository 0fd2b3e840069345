package dev.kmipjca.envelope;

/**
 * A key could not be wrapped or unwrapped: the master key is unknown, not usable in its state, the
 * server is unreachable, or the wrapped key fails authentication. The message names the master key's
 * identifier and the cause, never key bytes.
 */
public class KeyWrapException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the operation failed, for callers that react differently (e.g. retry vs give up). */
    public enum Kind {
        /** The wrapped key or its associated data was altered, or the wrong master key was used. */
        AUTHENTICATION_FAILED,
        /** The master key does not exist (or was destroyed). */
        KEY_NOT_FOUND,
        /** The master key exists but its state or usage forbids the operation (e.g. revoked). */
        KEY_NOT_USABLE,
        /** The server could not be reached, or the outcome is unknown. */
        UNAVAILABLE,
        /** Anything else the server reported. */
        OTHER
    }

    private final Kind kind;
    private final String masterKeyId;

    public KeyWrapException(Kind kind, String masterKeyId, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.masterKeyId = masterKeyId;
    }

    public Kind kind() {
        return kind;
    }

    /** The Unique Identifier of the master key involved, or null when not known. */
    public String masterKeyId() {
        return masterKeyId;
    }
}
