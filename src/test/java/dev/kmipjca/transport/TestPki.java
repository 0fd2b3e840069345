package dev.kmipjca.transport;

import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.config.KmipSettingsBuilder;
import dev.kmipjca.transport.DevPki.Issued;
import dev.kmipjca.transport.DevPki.KeyKind;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Certificates shared by the transport tests (generated once per JVM): a CA, a server certificate for
 * localhost, 127.0.0.1 and ::1, a client certificate, and a second, unrelated CA.
 */
final class TestPki {
    static final char[] NO_PASSWORD = null;
    static final Issued CA = DevPki.createCa("Test KMIP CA", KeyKind.EC_P256);
    static final Issued OTHER_CA = DevPki.createCa("Some Other CA", KeyKind.EC_P256);
    static final Issued SERVER = DevPki.issueServer(CA, "kmip-test-server", List.of("localhost"),
            List.of("127.0.0.1", "::1"), KeyKind.EC_P256);
    static final Issued CLIENT = DevPki.issueClient(CA, "alice", true, KeyKind.EC_P256);

    private TestPki() {
    }

    /** Writes ca.pem and client.pem into {@code dir} and returns settings for these servers. */
    static KmipSettingsBuilder settings(Path dir, String serverName) throws IOException {
        Path ca = dir.resolve("ca.pem");
        Path client = dir.resolve("client.pem");
        DevPkiFiles.writeCertificates(ca, List.of(CA.certificate()));
        DevPkiFiles.writeKeyAndChain(client, CLIENT.privateKey(), CLIENT.chain(), DevPkiFiles.KeyFormat.PKCS8, null);
        return KmipSettings.builder().serverName(serverName).serverCAFile(ca).clientCertificateFile(client)
                .connectTimeoutMS(1000);
    }

    /** A server-side TLS context presenting {@code server} and trusting client certificates from {@code clientCa}. */
    static SSLContext serverContext(Issued server, X509Certificate clientCa) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", server.privateKey(), new char[0], server.chain().toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
            kmf.init(ks, new char[0]);
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry("ca", clientCa);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(ts);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static SSLContext serverContext() {
        return serverContext(SERVER, CA.certificate());
    }
}
