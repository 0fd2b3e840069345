package dev.kmipjca.protocol;

/**
 * A KMIP exchange failed: the peer's message broke the protocol ({@link KmipProtocolException}) or
 * the server answered an operation with a failure ({@link KmipResultException}). Messages never
 * contain key material, passwords or other secrets.
 */
public abstract class KmipException extends Exception {
    private static final long serialVersionUID = 1L;

    KmipException(String message) {
        super(message);
    }

    KmipException(String message, Throwable cause) {
        super(message, cause);
    }
}
