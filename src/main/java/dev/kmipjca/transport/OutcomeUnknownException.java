package dev.kmipjca.transport;

import dev.kmipjca.config.ServerAddress;
import java.io.IOException;

/**
 * A request that is not safe to repeat was sent, and the connection failed before its response
 * arrived: the server may or may not have carried it out. The transport does not send it again;
 * the caller must find out the server's state (for example with Locate or Get Attributes) before
 * deciding to repeat it.
 */
public final class OutcomeUnknownException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient ServerAddress server;

    OutcomeUnknownException(ServerAddress server, IOException cause) {
        super("the request was sent to " + server + " but no complete response came back (" + cause.getMessage()
                + "); it may or may not have been carried out, so it is not repeated: check the server's state"
                + " before repeating it", cause);
        this.server = server;
    }

    /** The server the request was sent to. */
    public ServerAddress server() {
        return server;
    }
}
