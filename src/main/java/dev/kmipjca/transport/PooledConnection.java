package dev.kmipjca.transport;

import dev.kmipjca.config.ServerAddress;
import dev.kmipjca.ttlv.Tag;
import dev.kmipjca.ttlv.TagNames;
import dev.kmipjca.ttlv.TtlvDecoder;
import dev.kmipjca.ttlv.TtlvException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.net.ssl.SSLSocket;

/**
 * One TLS connection with its framing: a request written whole, a response read as an 8-byte header
 * (checked with {@link TtlvDecoder#frameLength} against {@code kmip.maxResponseBytes}) and exactly the
 * announced body. Every failure marks the connection broken, so the pool closes it.
 */
final class PooledConnection implements Connection {
    private static final System.Logger LOG = System.getLogger("dev.kmipjca.transport");
    private static final int RESPONSE_MESSAGE = Tag.RESPONSE_MESSAGE;

    private final ServerAddress server;
    private final Socket raw;
    private final SSLSocket ssl;
    private final InputStream in;
    private final OutputStream out;
    private final Watchdog watchdog;
    private final int timeoutMs;
    private final int maxResponseBytes;
    private final TtlvDecoder framer;
    private final boolean certificateRequested;
    private final Path clientFile;
    private final String protocol;
    private final String suite;

    private volatile boolean broken;
    private boolean requestSent;
    private boolean verified;
    private boolean idempotentLoan = true;
    private boolean writeDone;
    private boolean reused;
    private final long handshakeMillis;
    private int responseRead;
    private int responseExpected;
    long idleSinceNanos = System.nanoTime();

    PooledConnection(ServerAddress server, Socket raw, SSLSocket ssl, Watchdog watchdog, int timeoutMs,
                     int maxResponseBytes, boolean certificateRequested, Path clientFile, long handshakeMillis)
            throws IOException {
        this.server = server;
        this.raw = raw;
        this.ssl = ssl;
        this.in = ssl.getInputStream();
        this.out = ssl.getOutputStream();
        this.watchdog = watchdog;
        this.timeoutMs = timeoutMs;
        this.maxResponseBytes = maxResponseBytes;
        this.framer = new TtlvDecoder(maxResponseBytes, TtlvDecoder.DEFAULT_MAX_DEPTH, true);
        this.certificateRequested = certificateRequested;
        this.clientFile = clientFile;
        this.protocol = ssl.getSession().getProtocol();
        this.suite = ssl.getSession().getCipherSuite();
        this.handshakeMillis = handshakeMillis;
        // Under TLS 1.2 the server checks our certificate before its Finished message, so a finished
        // handshake means we were accepted. Under TLS 1.3 our side finishes first and the verdict
        // comes later (see awaitVerdict).
        this.verified = !certificateRequested || !"TLSv1.3".equals(protocol);
    }

    @Override
    public byte[] roundTrip(byte[] request) throws IOException, BadResponseException {
        if (broken) {
            throw new IllegalStateException("connection to " + server + " was discarded");
        }
        if (!verified && !idempotentLoan) {
            awaitVerdict();
        }
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        responseRead = 0;
        responseExpected = 8;
        writeDone = false;
        try (Watchdog.Deadline d = watchdog.arm(raw, timeoutMs)) {
            try {
                requestSent = true;
                out.write(request);
                out.flush();
                writeDone = true;
                byte[] header = new byte[8];
                readFully(header, 0, deadline);
                byte[] message = Arrays.copyOf(header, frameLength(header));
                responseExpected = message.length;
                readFully(message, 8, deadline);
                verified = true;
                return message;
            } catch (IOException e) {
                broken = true;
                throw failure(e, d.fired());
            }
        }
    }

    private int frameLength(byte[] header) throws BadResponseException {
        broken = true; // until the frame proves good
        long declared = ((header[4] & 0xFFL) << 24 | (header[5] & 0xFF) << 16 | (header[6] & 0xFF) << 8
                | (header[7] & 0xFF)) + 8;
        if (declared > maxResponseBytes) {
            throw new BadResponseException("response from " + server + " announces " + declared
                    + " bytes, more than kmip.maxResponseBytes=" + maxResponseBytes + " (connection discarded)");
        }
        int length;
        try {
            length = framer.frameLength(header);
        } catch (TtlvException e) {
            throw new BadResponseException("malformed response from " + server + ": " + e.getMessage()
                    + " (connection discarded)", e);
        }
        int tag = (header[0] & 0xFF) << 16 | (header[1] & 0xFF) << 8 | (header[2] & 0xFF);
        if (tag != RESPONSE_MESSAGE) {
            throw new BadResponseException("malformed response from " + server + ": the message is "
                    + TagNames.describe(tag) + ", not a Response Message (connection discarded)");
        }
        broken = false;
        return length;
    }

    /** Fills {@code buf[off..]}, each read bounded by what is left of the deadline. */
    private void readFully(byte[] buf, int off, long deadline) throws IOException {
        while (off < buf.length) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            ssl.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMs));
            int n = in.read(buf, off, buf.length - off);
            if (n < 0) {
                throw new EOFException();
            }
            off += n;
            responseRead += n;
        }
    }

    private ServerFailure failure(IOException e, boolean deadlinePassed) {
        String alert = TlsFailures.alert(e);
        if (!verified && refusalAlert(alert)) {
            // TLS 1.3: the server checks our certificate after our side of the handshake is done, so its
            // refusal arrives on the first read; it never processed the request.
            return TlsFailures.clientCertificateRefused(server, alert, clientFile, false, e);
        }
        if (!verified && responseRead == 0 && TlsFailures.closedByPeer(e)) {
            return TlsFailures.clientCertificateRefused(server, null, clientFile, writeDone, e);
        }
        String got = responseRead == 0 ? "" : " (" + responseRead + " of " + responseExpected + " response bytes arrived)";
        String reason;
        if (deadlinePassed || e instanceof SocketTimeoutException) {
            reason = "no complete response within " + timeoutMs + " ms (kmip.connectTimeoutMS)" + got;
        } else if (e instanceof EOFException) {
            reason = responseRead == 0 ? "the server closed the connection without answering"
                    : "the server closed the connection after " + responseRead + " of " + responseExpected
                    + " response bytes (truncated response)";
        } else {
            reason = "connection failed: " + (alert != null ? "the server sent alert " + alert : TlsFailures.describe(e)) + got;
        }
        return new ServerFailure(server, reason, false, true, e);
    }

    private static boolean refusalAlert(String alert) {
        return alert != null && (TlsFailures.CERTIFICATE_REFUSED.contains(alert) || alert.equals("handshake_failure"));
    }

    /**
     * Before a non-idempotent request goes out on a new TLS 1.3 connection, waits briefly (twice the
     * handshake time, 20 ms at least) for the server to refuse our certificate, so that a refusal is
     * reported as such and not as a request with an unknown outcome.
     */
    private void awaitVerdict() throws ServerFailure {
        int waitMs = (int) Math.min(timeoutMs, Math.max(20, 2 * handshakeMillis));
        try {
            ssl.setSoTimeout(waitMs);
            int b = in.read();
            broken = true;
            if (b < 0) {
                throw TlsFailures.clientCertificateRefused(server, null, clientFile, false, new EOFException());
            }
            throw new ServerFailure(server, "the server sent data before any request", false, false, null);
        } catch (SocketTimeoutException accepted) {
            verified = true;
        } catch (ServerFailure f) {
            throw f;
        } catch (IOException e) {
            broken = true;
            String alert = TlsFailures.alert(e);
            if (refusalAlert(alert) || TlsFailures.closedByPeer(e)) {
                throw TlsFailures.clientCertificateRefused(server, refusalAlert(alert) ? alert : null, clientFile, false, e);
            }
            throw new ServerFailure(server, "connection failed after the TLS handshake: " + TlsFailures.describe(e),
                    false, false, e);
        }
    }

    /**
     * Whether bytes arrived on this idle connection that nobody asked for: a TLS close_notify from a
     * server that closed it, or junk. Costs no wait; a connection with such bytes is not reusable.
     */
    boolean hasUnaskedBytes() {
        try {
            if (in.available() > 0 || raw.getInputStream().available() > 0) {
                broken = true;
                LOG.log(Level.DEBUG, "server {0} sent bytes on an idle connection (likely close_notify)", server);
                return true;
            }
            return false;
        } catch (IOException e) {
            broken = true;
            LOG.log(Level.DEBUG, "idle connection to {0} failed: {1}", server, TlsFailures.describe(e));
            return true;
        }
    }

    /**
     * Whether an idle connection still looks usable: a 1 ms read must time out. End of stream (the
     * server closed it) or any byte (nothing should arrive unasked) means it is not.
     */
    boolean probe() {
        try {
            ssl.setSoTimeout(1);
            int b = in.read();
            broken = true;
            LOG.log(Level.DEBUG, b < 0 ? "server {0} closed an idle connection" : "unexpected bytes from {0} on an idle"
                    + " connection", server);
            return false;
        } catch (SocketTimeoutException expected) {
            return true;
        } catch (IOException e) {
            broken = true;
            LOG.log(Level.DEBUG, "idle connection to {0} failed: {1}", server, TlsFailures.describe(e));
            return false;
        }
    }

    /** Whether the current loan carries requests that may be repeated (set by the transport). */
    void idempotent(boolean idempotent) {
        this.idempotentLoan = idempotent;
    }

    /** Resets the per-exchange state before the connection is lent out. */
    void lend(boolean reused) {
        this.reused = reused;
        requestSent = false;
    }

    /** Whether this loan reuses a connection that served earlier requests. */
    boolean reused() {
        return reused;
    }

    /** Whether a request byte may have been written during the current loan. */
    boolean requestSent() {
        return requestSent;
    }

    boolean broken() {
        return broken;
    }

    boolean certificateRequested() {
        return certificateRequested;
    }

    @Override
    public ServerAddress server() {
        return server;
    }

    @Override
    public String tlsProtocol() {
        return protocol;
    }

    @Override
    public String cipherSuite() {
        return suite;
    }

    @Override
    public void discard() {
        broken = true;
    }

    /**
     * Closes the connection: politely when it is healthy and idle (close_notify, waiting at most 100 ms
     * for the server's), abruptly when it is broken or may be in use.
     */
    void close(boolean graceful) {
        boolean polite = graceful && !broken;
        broken = true;
        if (polite) {
            try {
                ssl.setSoTimeout(100);
                ssl.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        TlsConnector.closeQuietly(raw);
    }

    @Override
    public String toString() {
        return "Connection{" + server + ", " + protocol + ", " + suite + (broken ? ", discarded" : "") + "}";
    }
}
