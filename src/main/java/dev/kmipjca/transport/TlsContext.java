package dev.kmipjca.transport;

import dev.kmipjca.config.ServerAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The client side of TLS: an {@link SSLContext} with the client key and chain, the CAs of
 * {@code kmip.serverCAFile} (or the JDK's default trust store), and the parameters every socket gets:
 * TLSv1.3 and TLSv1.2 only, host-name checking ({@code HTTPS} endpoint identification, which checks DNS
 * or IP SANs), SNI for host names but not for IP addresses, and the JDK's default cipher suites plus
 * the ECDHE CBC suites that TLS 1.2-only KMIP servers such as PyKMIP need, when the JDK has them.
 */
final class TlsContext {
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** Suites PyKMIP's TLS1.2 profile offers (Profiles 1.4 Basic suite); added if the JDK supports them. */
    static final List<String> KMIP_TLS12_SUITES = List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384");

    private final SSLContext context;
    private final ClientKeyManager keyManager;
    private final String[] cipherSuites;
    private final Path clientFile;

    private TlsContext(SSLContext context, ClientKeyManager keyManager, Path clientFile) {
        this.context = context;
        this.keyManager = keyManager;
        this.clientFile = clientFile;
        List<String> suites = new ArrayList<>(Arrays.asList(context.getDefaultSSLParameters().getCipherSuites()));
        List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getCipherSuites());
        for (String s : KMIP_TLS12_SUITES) {
            if (!suites.contains(s) && supported.contains(s)) {
                suites.add(s);
            }
        }
        this.cipherSuites = suites.toArray(new String[0]);
    }

    /**
     * @param cas    the trusted CAs, or null for the JDK's default trust store
     * @param caFile where {@code cas} came from, for messages (null with the default trust store)
     */
    static TlsContext create(PemCredentials client, List<X509Certificate> cas, Path caFile) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        if (cas == null) {
            tmf.init((KeyStore) null);
        } else {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try {
                ks.load(null, null);
            } catch (java.io.IOException e) {
                throw new GeneralSecurityException("cannot create an in-memory trust store", e);
            }
            for (int i = 0; i < cas.size(); i++) {
                ks.setCertificateEntry("ca-" + i, cas.get(i));
            }
            tmf.init(ks);
        }
        X509ExtendedTrustManager pkix = null;
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                pkix = x;
            }
        }
        if (pkix == null) {
            throw new GeneralSecurityException("the JDK has no X509ExtendedTrustManager for PKIX");
        }
        String trustName = cas == null ? "the JDK's default trust store (set kmip.serverCAFile to the KMIP server's CA)"
                : "kmip.serverCAFile=" + caFile;
        ClientKeyManager km = new ClientKeyManager(client);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(new KeyManager[] {km}, new TrustManager[] {new ServerTrustManager(pkix, trustName)}, null);
        return new TlsContext(ctx, km, client.file());
    }

    /** Layers TLS over a connected socket, with this context's protocols, suites, host check and SNI. */
    SSLSocket layer(java.net.Socket raw, ServerAddress server) throws java.io.IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(raw, server.host(), server.port(), true);
        SSLParameters p = s.getSSLParameters();
        p.setProtocols(PROTOCOLS.toArray(new String[0]));
        p.setCipherSuites(cipherSuites);
        p.setEndpointIdentificationAlgorithm("HTTPS");
        p.setServerNames(server.isIpLiteral() ? List.of() : List.of(new SNIHostName(server.host())));
        s.setSSLParameters(p);
        return s;
    }

    ClientKeyManager keyManager() {
        return keyManager;
    }

    /** The cipher suites every socket enables. */
    List<String> cipherSuites() {
        return List.of(cipherSuites);
    }

    Path clientFile() {
        return clientFile;
    }
}
