package dev.kmipjca.server;

import static dev.kmipjca.server.Kmip.V1_4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.protocol.Query;
import dev.kmipjca.transport.DevPki;
import dev.kmipjca.transport.DevPkiFiles;
import dev.kmipjca.transport.PemCredentials;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS 1.2 and 1.3 with mutual authentication: who gets in, with what. */
class TlsTest {
    @TempDir
    static Path dir;
    static DevServer server;

    @BeforeAll
    static void start() throws IOException {
        server = Kmip.start(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Connects with {@code ctx} and performs a Query; throws when the server refuses. */
    static void query(SSLContext ctx, String[] protocols, String[] suites) throws IOException {
        try (TestClient c = TestClient.connect(server.port(), ctx, protocols)) {
            if (suites != null) {
                throw new IllegalStateException("use querySuites");
            }
            assertTrue(c.call(V1_4, Query.Request.of()).isSuccess());
        }
    }

    static Path pem(String name, DevPki.Issued issued) throws IOException {
        Path f = dir.resolve(name + ".pem");
        DevPkiFiles.writeKeyAndChain(f, issued.privateKey(), issued.chain(), DevPkiFiles.KeyFormat.PKCS8, null);
        return f;
    }

    @Test
    void tls13_and_tls12_bothServeRequests() throws IOException {
        SSLContext ctx = TestClient.context(dir.resolve("client.pem"), server.caFile());
        for (String p : List.of("TLSv1.3", "TLSv1.2")) {
            try (TestClient c = TestClient.connect(server.port(), ctx, new String[] {p})) {
                assertEquals(p, c.socket().getSession().getProtocol());
                assertTrue(c.call(V1_4, Query.Request.of()).isSuccess());
            }
        }
    }

    @Test
    void tls12_offersEcdheRsaSuitesOnly_includingTheCbcOnesOlderKmipClientsNeed() throws IOException {
        SSLContext ctx = TestClient.context(dir.resolve("client.pem"), server.caFile());
        for (String suite : List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384")) {
            try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", server.port())) {
                s.setEnabledProtocols(new String[] {"TLSv1.2"});
                s.setEnabledCipherSuites(new String[] {suite});
                s.startHandshake();
                assertEquals(suite, s.getSession().getCipherSuite());
            }
        }
        for (String weak : List.of("TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA")) {
            assertThrows(IOException.class, () -> {
                try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", server.port())) {
                    s.setEnabledProtocols(new String[] {"TLSv1.2"});
                    s.setEnabledCipherSuites(new String[] {weak});
                    s.startHandshake();
                }
            }, weak + " must be refused");
        }
    }

    @Test
    void tls11_isRefused() {
        SSLContext ctx;
        try {
            ctx = TestClient.context(dir.resolve("client.pem"), server.caFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThrows(IOException.class, () -> query(ctx, new String[] {"TLSv1.1"}, null));
    }

    @Test
    void noClientCertificate_isRefusedAtTheHandshake() throws IOException {
        SSLContext ctx = TestClient.context(null, server.caFile());
        for (String p : List.of("TLSv1.3", "TLSv1.2")) {
            assertThrows(IOException.class, () -> query(ctx, new String[] {p}, null), p);
        }
    }

    @Test
    void certificateFromAnotherCa_isRefused() throws IOException {
        DevPki.Issued otherCa = DevPki.createCa("other CA", DevPki.KeyKind.EC_P256);
        Path pem = pem("stranger", DevPki.issueClient(otherCa, "stranger", true, DevPki.KeyKind.EC_P256));
        SSLContext ctx = TestClient.context(pem, server.caFile());
        assertThrows(IOException.class, () -> query(ctx, null, null));
    }

    @Test
    void certificateWithoutClientAuthUsageOrExpired_isRefused() throws IOException {
        DevPki.Issued ca = server.certificateAuthority();
        DevPki.Issued serverOnly = DevPki.issue(ca, DevPki.Request.server("not-a-client", List.of(), List.of(),
                DevPki.KeyKind.EC_P256));
        assertThrows(IOException.class, () -> query(TestClient.context(pem("server-eku", serverOnly), server.caFile()),
                null, null));
        DevPki.Issued expired = DevPki.issue(ca, DevPki.Request.client("old", true, DevPki.KeyKind.EC_P256)
                .withValidity(Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600)));
        assertThrows(IOException.class, () -> query(TestClient.context(pem("expired", expired), server.caFile()), null, null));
    }

    @Test
    void issuedClientCertificate_isAcceptedAndNamesTheIdentity() throws IOException {
        Path pem = pem("carol", DevPki.issueClient(server.certificateAuthority(), "carol", true, DevPki.KeyKind.RSA_2048));
        query(TestClient.context(pem, server.caFile()), null, null);
    }

    @Test
    void serverCertificate_namesLocalhostAndLoopbackAddresses() throws Exception {
        X509Certificate leaf = PemCredentials.load(dir.resolve("server.pem"), null).leaf();
        List<String> names = new ArrayList<>();
        for (List<?> san : leaf.getSubjectAlternativeNames()) {
            names.add(String.valueOf(san.get(1)));
        }
        assertTrue(names.contains("localhost"), names.toString());
        assertTrue(names.contains("127.0.0.1"), names.toString());
        assertTrue(names.contains("0:0:0:0:0:0:0:1"), names.toString());
        assertEquals("RSA", leaf.getPublicKey().getAlgorithm());
    }
}
