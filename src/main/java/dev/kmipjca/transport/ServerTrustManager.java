package dev.kmipjca.transport;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's PKIX trust manager with better words: when it refuses a server's certificate, this
 * finds out why (a certificate out of its dates, a CA not in the trust store, or a host name the
 * certificate does not carry) and refuses with a {@link Refusal} saying so, which
 * {@link TlsFailures} turns into the handshake's error message. Host names are checked by the JDK
 * ({@code HTTPS} endpoint identification, set on each socket).
 */
final class ServerTrustManager extends X509ExtendedTrustManager {
    /** A server certificate refused, with a message naming the server and the cause. */
    static final class Refusal extends CertificateException {
        private static final long serialVersionUID = 1L;

        Refusal(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final X509ExtendedTrustManager delegate;
    private final String trustName;

    /**
     * @param trustName what the CA certificates come from, for messages:
     *                  "kmip.serverCAFile=/path" or "the JDK's default trust store"
     */
    ServerTrustManager(X509ExtendedTrustManager delegate, String trustName) {
        this.delegate = delegate;
        this.trustName = trustName;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            SSLSession s = socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
            String host = s == null ? "?" : s.getPeerHost();
            String where = s == null ? "the server" : (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + s.getPeerPort();
            throw new Refusal(explain(chain, authType, host, where, e), e);
        }
    }

    private String explain(X509Certificate[] chain, String authType, String host, String where, CertificateException e) {
        Date now = new Date();
        for (X509Certificate c : chain) {
            String who = c == chain[0] ? "the certificate of " + where : "the certificate " + subject(c)
                    + " in the chain of " + where;
            try {
                c.checkValidity(now);
            } catch (CertificateExpiredException x) {
                return who + " expired on " + c.getNotAfter().toInstant() + "; the server needs a renewed certificate";
            } catch (CertificateNotYetValidException x) {
                return who + " is not valid before " + c.getNotBefore().toInstant()
                        + "; check the clocks of this machine and of the server";
            }
        }
        try {
            delegate.checkServerTrusted(chain, authType); // the same check without the host name
        } catch (CertificateException pathProblem) {
            return "the certificate of " + where + " (" + subject(chain[0]) + ", issued by "
                    + chain[0].getIssuerX500Principal().getName() + ") is not signed by a CA in " + trustName;
        }
        return "the certificate of " + where + " does not name host " + host + "; its SANs are " + sans(chain[0])
                + " (connect with a name it carries, or have it reissued with this one)";
    }

    private static String subject(X509Certificate c) {
        return c.getSubjectX500Principal().getName();
    }

    /** The DNS and IP subject alternative names, as "DNS:a, IP:1.2.3.4", or "none". */
    static String sans(X509Certificate c) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> names = c.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> n : names) {
                    int type = (Integer) n.get(0);
                    if (type == 2) {
                        out.add("DNS:" + n.get(1));
                    } else if (type == 7) {
                        out.add("IP:" + n.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return "unreadable";
        }
        return out.isEmpty() ? "none (the subject CN is not used for host names)" : String.join(", ", out);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("this trust manager checks servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("this trust manager checks servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager checks servers only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
