package dev.kmipjca.transport;

import dev.kmipjca.config.ServerAddress;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns connect, handshake and alert exceptions into {@link ServerFailure}s that say what to check. */
final class TlsFailures {
    private static final Pattern ALERT = Pattern.compile("Received fatal alert: (\\w+)");

    /** Alerts a server sends when it does not accept the client certificate. */
    static final Set<String> CERTIFICATE_REFUSED = Set.of("bad_certificate", "certificate_unknown", "unknown_ca",
            "certificate_required", "access_denied", "certificate_expired", "certificate_revoked",
            "unsupported_certificate", "decrypt_error");

    private TlsFailures() {
    }

    static ServerFailure connect(ServerAddress server, IOException e, int timeoutMs, boolean timedOut) {
        String reason;
        if (e instanceof UnknownHostException) {
            reason = "cannot resolve host name " + server.host();
        } else if (timedOut || e instanceof SocketTimeoutException) {
            reason = "no TCP connection within " + timeoutMs + " ms (kmip.connectTimeoutMS): is the host up and"
                    + " the port open in firewalls?";
        } else if (e instanceof ConnectException) {
            reason = "connection refused: is the KMIP server running, and is the port right?";
        } else if (e instanceof NoRouteToHostException) {
            reason = "no route to host";
        } else {
            reason = "cannot connect: " + describe(e);
        }
        return new ServerFailure(server, reason, false, false, e);
    }

    static ServerFailure handshake(ServerAddress server, IOException e, int timeoutMs, boolean timedOut,
                                   boolean certificateRequested, Path clientFile) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ServerTrustManager.Refusal r) {
                return new ServerFailure(server, "TLS handshake failed: " + r.getMessage(), true, false, e);
            }
        }
        if (timedOut || hasCause(e, SocketTimeoutException.class)) {
            return new ServerFailure(server, "TLS handshake did not finish within " + timeoutMs
                    + " ms (kmip.connectTimeoutMS): is this the KMIP server's TLS port, and is it overloaded?",
                    false, false, e);
        }
        String alert = alert(e);
        String m = String.valueOf(e.getMessage());
        if (alert != null && (CERTIFICATE_REFUSED.contains(alert) || alert.equals("handshake_failure") && certificateRequested)) {
            return clientCertificateRefused(server, alert, clientFile, false, e);
        }
        if ("protocol_version".equals(alert) || m.contains("No appropriate protocol") || m.contains("not accepted by client")) {
            return new ServerFailure(server, "TLS handshake failed: no TLS protocol version in common"
                    + (alert == null ? "" : " (alert " + alert + ")") + "; we offer TLSv1.3 and TLSv1.2 only,"
                    + " so the server must support one of them", true, false, e);
        }
        if ("handshake_failure".equals(alert) || "insufficient_security".equals(alert) || m.contains("cipher suite")) {
            return new ServerFailure(server, "TLS handshake failed: no cipher suite or signature algorithm in common"
                    + (alert == null ? "" : " (alert " + alert + ")") + "; check the server's TLS settings", true, false, e);
        }
        if (m.contains("Unsupported or unrecognized SSL message")) {
            return new ServerFailure(server, "the server did not answer with TLS: is this the KMIP port?", true, false, e);
        }
        if (closedByPeer(e) || m.contains("Remote host terminated")) {
            return certificateRequested ? clientCertificateRefused(server, null, clientFile, false, e)
                    : new ServerFailure(server, "the server closed the connection during the TLS handshake", false, false, e);
        }
        return new ServerFailure(server, "TLS handshake failed: " + (alert != null ? "the server sent alert " + alert
                : describe(e)), alert != null, false, e);
    }

    /**
     * The server refused our certificate: it said so with an alert (permanent), or it closed the
     * connection right after receiving it ({@code alert} null; maybe a crash, so not permanent).
     */
    static ServerFailure clientCertificateRefused(ServerAddress server, String alert, Path clientFile,
                                                  boolean requestSent, IOException e) {
        String what = alert != null ? "the server refused our client certificate (alert " + alert + ")"
                : "the server closed the connection after receiving our client certificate, probably refusing it";
        return new ServerFailure(server, what + ": check that kmip.clientCertificateFile=" + clientFile
                + " holds a certificate issued by a CA the server trusts, still valid, with EKU clientAuth",
                alert != null, requestSent, e);
    }

    /** End of stream, connection reset or broken pipe: the peer closed the connection. */
    static boolean closedByPeer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof EOFException || t instanceof java.net.SocketException
                    && (m.contains("reset") || m.contains("Broken pipe") || m.contains("closed"))) {
                return true;
            }
        }
        return false;
    }

    /** The name of the fatal alert the server sent, or null. */
    static String alert(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = ALERT.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
