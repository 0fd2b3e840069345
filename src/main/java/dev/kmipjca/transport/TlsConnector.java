package dev.kmipjca.transport;

import dev.kmipjca.config.ServerAddress;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import javax.net.ssl.SSLSocket;

/**
 * Opens one TLS connection: TCP connect within {@code kmip.connectTimeoutMS}, then the TLS handshake
 * within another {@code kmip.connectTimeoutMS} (a watchdog closes the socket at the deadline, so a
 * server that trickles bytes cannot stretch it). Every failure is a {@link ServerFailure}.
 */
final class TlsConnector {
    private static final System.Logger LOG = System.getLogger("dev.kmipjca.transport");

    private final TlsContext tls;
    private final Watchdog watchdog;
    private final int timeoutMs;
    private final int maxResponseBytes;

    TlsConnector(TlsContext tls, Watchdog watchdog, int timeoutMs, int maxResponseBytes) {
        this.tls = tls;
        this.watchdog = watchdog;
        this.timeoutMs = timeoutMs;
        this.maxResponseBytes = maxResponseBytes;
    }

    PooledConnection connect(ServerAddress server) throws ServerFailure {
        long start = System.nanoTime();
        Socket raw = new Socket();
        try {
            raw.setTcpNoDelay(true);
            raw.setKeepAlive(true);
            InetSocketAddress address = new InetSocketAddress(server.host(), server.port());
            if (address.isUnresolved()) {
                throw new UnknownHostException(server.host());
            }
            raw.connect(address, timeoutMs);
        } catch (IOException e) {
            closeQuietly(raw);
            throw TlsFailures.connect(server, e, timeoutMs, false);
        }
        long connected = System.nanoTime();
        SSLSocket ssl = null;
        PooledConnection c;
        boolean certificateRequested = false;
        Watchdog.Deadline deadline = null;
        try {
            ssl = tls.layer(raw, server);
            deadline = watchdog.arm(raw, timeoutMs);
            ssl.setSoTimeout(timeoutMs);
            ssl.startHandshake();
            certificateRequested = tls.keyManager().certificateRequested(ssl);
            deadline.close();
            if (deadline.fired()) {
                throw new java.net.SocketTimeoutException("handshake deadline");
            }
            c = new PooledConnection(server, raw, ssl, watchdog, timeoutMs, maxResponseBytes,
                    certificateRequested, tls.clientFile(), (System.nanoTime() - connected) / 1_000_000);
        } catch (IOException e) {
            if (ssl != null) {
                certificateRequested = tls.keyManager().certificateRequested(ssl);
            }
            boolean timedOut = deadline != null && deadline.fired();
            if (deadline != null) {
                deadline.close();
            }
            closeQuietly(raw);
            closeQuietly(ssl);
            throw TlsFailures.handshake(server, e, timeoutMs, timedOut, certificateRequested, tls.clientFile());
        }
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "connected to {0}: TCP {1} ms, TLS {2} ms, {3} {4}", server,
                    (connected - start) / 1_000_000, (System.nanoTime() - connected) / 1_000_000,
                    c.tlsProtocol(), c.cipherSuite());
        }
        return c;
    }

    static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
