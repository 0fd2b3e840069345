package dev.kmipjca.transport;

import dev.kmipjca.config.ServerAddress;
import java.io.IOException;

/**
 * Why one attempt on one server failed, in words a user can act on. {@link #permanent} failures
 * (certificates, protocols) are not retried on the same server; {@link #requestSent} tells whether
 * the server may have received the request.
 */
final class ServerFailure extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient ServerAddress server;
    private final String reason;
    private final boolean permanent;
    private final boolean requestSent;
    private final boolean busy;

    ServerFailure(ServerAddress server, String reason, boolean permanent, boolean requestSent, Throwable cause) {
        this(server, reason, permanent, requestSent, false, cause);
    }

    private ServerFailure(ServerAddress server, String reason, boolean permanent, boolean requestSent, boolean busy,
                          Throwable cause) {
        super(server + ": " + reason, cause);
        this.server = server;
        this.reason = reason;
        this.permanent = permanent;
        this.requestSent = requestSent;
        this.busy = busy;
    }

    /** Every pooled connection to a healthy server stayed in use: move on, but do not cool it down. */
    static ServerFailure busy(ServerAddress server, String reason) {
        return new ServerFailure(server, reason, true, false, true, null);
    }

    /** The server is healthy but its pool stayed full. */
    boolean busy() {
        return busy;
    }

    ServerAddress server() {
        return server;
    }

    /** What went wrong, without the server's address. */
    String reason() {
        return reason;
    }

    /** Repeating the attempt on this server would fail the same way (certificate or protocol problems). */
    boolean permanent() {
        return permanent;
    }

    /** Some request bytes may have reached the server. */
    boolean requestSent() {
        return requestSent;
    }
}
