package dev.kmipjca.client;

import dev.kmipjca.config.ServerAddress;
import dev.kmipjca.transport.BadResponseException;

/**
 * A server's response does not belong to the request it answers: another operation, an unknown or
 * repeated Unique Batch Item ID, more (or, without an earlier failure, fewer) batch items than were
 * sent, another protocol major version, or the Unique Identifier of another object. The transport
 * discards the connection it came on, because the stream can no longer be trusted; the next call uses
 * another connection. The request is not repeated.
 */
public final class ResponseMismatchException extends BadResponseException {
    private static final long serialVersionUID = 1L;

    private final transient ServerAddress server;
    private final String problem;

    ResponseMismatchException(ServerAddress server, String problem) {
        super("the response from " + server + " does not match its request: " + problem + " (connection discarded)");
        this.server = server;
        this.problem = problem;
    }

    /** The server that sent the response. */
    public ServerAddress server() {
        return server;
    }

    /** What did not match, without the server ("item 2 answers Get, the request asked for Destroy"). */
    public String problem() {
        return problem;
    }
}
