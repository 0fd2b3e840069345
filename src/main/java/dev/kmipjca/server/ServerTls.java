package dev.kmipjca.server;

import dev.kmipjca.transport.PemCredentials;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The server's TLS: TLS 1.3 and 1.2 only, a client certificate issued by the server's CA required
 * (need_client_auth), the server's cipher-suite order. TLS 1.3 keeps the JDK's suites. TLS 1.2 offers
 * ECDHE with RSA authentication only: AES-GCM and ChaCha20 first, then AES-CBC with SHA-256/384,
 * which KMIP clients built on older suite lists (PyKMIP's TLS 1.2 suite has no RSA-GCM suite) need.
 * No static-RSA, DHE, SHA-1 or 3DES suites.
 */
final class ServerTls {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final List<String> SUITES = List.of(
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");

    private ServerTls() {}

    static SSLContext context(PemCredentials server, X509Certificate ca) throws IOException {
        try {
            char[] pw = new char[0];
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", server.privateKey(), pw, server.chain().toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, pw);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up the server's TLS: " + e.getMessage(), e);
        }
    }

    static void configure(SSLServerSocket socket) {
        List<String> supported = Arrays.asList(socket.getSupportedCipherSuites());
        List<String> suites = new ArrayList<>();
        for (String s : SUITES) {
            if (supported.contains(s)) {
                suites.add(s);
            }
        }
        SSLParameters p = socket.getSSLParameters();
        p.setProtocols(PROTOCOLS);
        p.setCipherSuites(suites.toArray(new String[0]));
        p.setUseCipherSuitesOrder(true);
        p.setNeedClientAuth(true);
        socket.setSSLParameters(p);
    }
}
