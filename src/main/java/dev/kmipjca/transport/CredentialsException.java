package dev.kmipjca.transport;

import java.nio.file.Path;

/**
 * A PEM file of keys or certificates that cannot be used. The message names the file and what is
 * wrong with it, never its contents; {@link #reason()} tells the cases apart.
 */
public final class CredentialsException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the file. */
    public enum Reason {
        /** The file cannot be read. */
        UNREADABLE,
        /** The file is not PEM, or a PEM block is damaged. */
        UNPARSEABLE,
        /** No private key in a file that must hold one. */
        NO_KEY,
        /** No certificate in a file that must hold one. */
        NO_CERTIFICATE,
        /** More than one private key. */
        MULTIPLE_KEYS,
        /** The private key is encrypted and no password was given. */
        PASSWORD_REQUIRED,
        /** The private key cannot be decrypted with the password given. */
        WRONG_PASSWORD,
        /** No certificate in the file carries the private key's public key. */
        KEY_MISMATCH
    }

    private final transient Path file;
    private final Reason reason;

    public CredentialsException(Path file, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.reason = reason;
    }

    public CredentialsException(Path file, Reason reason, String message) {
        this(file, reason, message, null);
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }
}
