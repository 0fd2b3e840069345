package dev.kmipjca.transport;

import dev.kmipjca.config.ServerAddress;
import java.io.IOException;

/**
 * One TLS connection to one KMIP server, lent to an {@link Exchange} for the duration of
 * {@link KmipTransport#execute}. Not thread-safe: only the thread running the exchange may use it,
 * and it must not be kept after the exchange returns.
 */
public interface Connection {
    /**
     * Writes one encoded request message and reads exactly one response message: its 8-byte header,
     * whose tag must be Response Message (0x42007B), type Structure, and whose length must fit
     * {@code kmip.maxResponseBytes}, then exactly the bytes the header announces. The whole exchange
     * must finish within {@code kmip.connectTimeoutMS}.
     *
     * @return the whole response message, header included
     * @throws BadResponseException when the response header is malformed or too large (the
     *         connection is discarded)
     * @throws IOException when the connection fails, closes or times out (the connection is discarded);
     *         the message names the server and what happened
     */
    byte[] roundTrip(byte[] request) throws IOException, BadResponseException;

    /** The server this connection goes to. */
    ServerAddress server();

    /** The negotiated TLS protocol: {@code TLSv1.3} or {@code TLSv1.2}. */
    String tlsProtocol();

    /** The negotiated cipher suite, e.g. {@code TLS_AES_128_GCM_SHA256}. */
    String cipherSuite();

    /**
     * Marks the connection as unusable (for example after a response that does not match its request),
     * so that it is closed instead of going back to the pool. Further round trips fail.
     */
    void discard();
}
