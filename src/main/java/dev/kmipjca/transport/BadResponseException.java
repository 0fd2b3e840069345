package dev.kmipjca.transport;

/**
 * A server's answer that cannot be used: a malformed or oversized frame (thrown by
 * {@link Connection#roundTrip}), or a message the caller could not decode or match to its request
 * (thrown by an {@link Exchange}). The connection it came on is discarded; the request is not sent
 * to another server.
 */
public class BadResponseException extends Exception {
    private static final long serialVersionUID = 1L;

    public BadResponseException(String message) {
        super(message);
    }

    public BadResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
