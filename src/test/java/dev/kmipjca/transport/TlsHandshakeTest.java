package dev.kmipjca.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.transport.DevPki.Issued;
import dev.kmipjca.transport.DevPki.KeyKind;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS against in-process servers: mutual authentication, host names, trust, protocols and suites. */
class TlsHandshakeTest {
    @TempDir
    Path dir;

    private static final List<String> BOTH = List.of("TLSv1.3", "TLSv1.2");

    /** One echo round trip through a transport for {@code serverName}; returns "protocol suite". */
    private String roundTrip(String serverName) throws Exception {
        return roundTrip(TestPki.settings(dir, serverName).build(), true);
    }

    private static String roundTrip(KmipSettings settings, boolean idempotent) throws Exception {
        try (KmipTransport t = KmipTransport.open(settings, null)) {
            return t.execute(idempotent, c -> {
                byte[] req = Frames.request(7, 8);
                assertArrayEquals(Frames.asResponse(req), c.roundTrip(req));
                return c.tlsProtocol() + " " + c.cipherSuite();
            });
        }
    }

    private String failure(FakeServer server) throws Exception {
        return failure(server.entry());
    }

    private String failure(String serverName) throws Exception {
        ServersUnavailableException e = assertThrows(ServersUnavailableException.class, () -> roundTrip(serverName));
        return e.getMessage();
    }

    @Test
    void mutualAuthentication_succeedsWithTls13AndTheServerSeesOurCertificate() throws Exception {
        try (FakeServer s = FakeServer.tls(FakeServer::echo)) {
            assertTrue(roundTrip(s.entry()).startsWith("TLSv1.3 TLS_"));
            assertEquals(List.of("CN=alice"), s.clientSubjects);
            assertEquals(List.of(), s.sniNames, "no SNI for an IP address");
        }
    }

    @Test
    void hostName_isCheckedAgainstDnsSanAndSentAsSni() throws Exception {
        try (FakeServer s = FakeServer.tls(FakeServer::echo)) {
            roundTrip("localhost:" + s.port());
            assertEquals(List.of("localhost"), s.sniNames);
        }
    }

    @Test
    void ipv6Literal_isCheckedAgainstIpSan() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ipv6Loopback(), "no IPv6 loopback on this machine");
        try (FakeServer s = FakeServer.tls("::1", TestPki.serverContext(), BOTH, null, FakeServer::echo)) {
            assertTrue(roundTrip("[::1]:" + s.port()).startsWith("TLSv1.3"));
            assertEquals(List.of(), s.sniNames, "no SNI for an IP address");
        }
    }

    private static boolean ipv6Loopback() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void tls12OnlyServerWithRsaCertificateAndCbcSuites_connectsAsPyKmipNeeds() throws Exception {
        Issued rsa = DevPki.issueServer(TestPki.CA, "pykmip-like", List.of(), List.of("127.0.0.1"), KeyKind.RSA_2048);
        for (String suite : List.of("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384")) {
            try (FakeServer s = FakeServer.tls(TestPki.serverContext(rsa, TestPki.CA.certificate()),
                    List.of("TLSv1.2"), List.of(suite), FakeServer::echo)) {
                assertEquals("TLSv1.2 " + suite, roundTrip(s.entry()));
            }
        }
    }

    @Test
    void rsaClientCertificate_worksWithTls12AndTls13() throws Exception {
        Issued rsaClient = DevPki.issueClient(TestPki.CA, "rsa-client", true, KeyKind.RSA_2048);
        KmipSettings settings = TestPki.settings(dir, "127.0.0.1").build();
        DevPkiFiles.writeKeyAndChain(settings.clientCertificateFile().orElseThrow(), rsaClient.privateKey(),
                rsaClient.chain(), DevPkiFiles.KeyFormat.TRADITIONAL, null);
        for (String protocol : BOTH) {
            try (FakeServer s = FakeServer.tls(TestPki.serverContext(), List.of(protocol), null, FakeServer::echo)) {
                KmipSettings toServer = settings.toBuilder().serverName(s.entry()).build();
                assertTrue(roundTrip(toServer, false).startsWith(protocol + " "));
                assertEquals(List.of("CN=rsa-client"), s.clientSubjects);
            }
        }
    }

    @Test
    void offeredSuites_includeThePyKmipCbcSuites() throws Exception {
        try (KmipTransport t = KmipTransport.open(TestPki.settings(dir, "127.0.0.1").build(), null)) {
            System.out.println("offered cipher suites: " + t.cipherSuites());
            assertTrue(t.cipherSuites().containsAll(List.of("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                    "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_AES_128_GCM_SHA256")), t.cipherSuites().toString());
        }
    }

    @Test
    void tls13OnlyServer_connects() throws Exception {
        try (FakeServer s = FakeServer.tls(TestPki.serverContext(), List.of("TLSv1.3"), null, FakeServer::echo)) {
            assertTrue(roundTrip(s.entry()).startsWith("TLSv1.3 "));
        }
    }

    @Test
    void serverCertificateFromAnotherCa_failsNamingTheCaFile() throws Exception {
        Issued foreign = DevPki.issueServer(TestPki.OTHER_CA, "foreign", List.of(), List.of("127.0.0.1"), KeyKind.EC_P256);
        try (FakeServer s = FakeServer.tls(TestPki.serverContext(foreign, TestPki.CA.certificate()), BOTH, null,
                FakeServer::echo)) {
            assertEquals("KMIP server unavailable: " + s.entry() + ": TLS handshake failed: the certificate of "
                    + s.entry() + " (CN=foreign, issued by CN=Some Other CA) is not signed by a CA in kmip.serverCAFile="
                    + dir.resolve("ca.pem"), failure(s));
        }
    }

    @Test
    void certificateWithoutTheHostName_failsListingItsSans() throws Exception {
        Issued other = DevPki.issueServer(TestPki.CA, "other", List.of("kmip.example.com"), List.of("10.9.8.7"),
                KeyKind.EC_P256);
        try (FakeServer s = FakeServer.tls(TestPki.serverContext(other, TestPki.CA.certificate()), BOTH, null,
                FakeServer::echo)) {
            assertEquals("KMIP server unavailable: " + s.entry() + ": TLS handshake failed: the certificate of "
                    + s.entry() + " does not name host 127.0.0.1; its SANs are DNS:kmip.example.com, IP:10.9.8.7"
                    + " (connect with a name it carries, or have it reissued with this one)", failure(s));
        }
    }

    @Test
    void expiredServerCertificate_failsSayingWhen() throws Exception {
        Instant end = Instant.now().minus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Issued expired = DevPki.issue(TestPki.CA, DevPki.Request.server("old", List.of(), List.of("127.0.0.1"),
                KeyKind.EC_P256).withValidity(end.minus(Duration.ofDays(30)), end));
        try (FakeServer s = FakeServer.tls(TestPki.serverContext(expired, TestPki.CA.certificate()), BOTH, null,
                FakeServer::echo)) {
            assertEquals("KMIP server unavailable: " + s.entry() + ": TLS handshake failed: the certificate of "
                    + s.entry() + " expired on " + end + "; the server needs a renewed certificate", failure(s));
        }
    }

    @Test
    void serverThatRefusesOurCertificate_saysSoWithTls13AndTls12() throws Exception {
        for (List<String> protocols : List.of(List.of("TLSv1.3"), List.of("TLSv1.2"))) {
            try (FakeServer s = FakeServer.tls(TestPki.serverContext(TestPki.SERVER, TestPki.OTHER_CA.certificate()),
                    protocols, null, FakeServer::echo)) {
                for (boolean idempotent : List.of(true, false)) {
                    ServersUnavailableException e = assertThrows(ServersUnavailableException.class,
                            () -> roundTrip(TestPki.settings(dir, s.entry()).build(), idempotent));
                    String m = e.getMessage();
                    assertTrue(m.startsWith("KMIP server unavailable: " + s.entry() + ": the server refused our client"
                            + " certificate (alert certificate_unknown): ") || m.startsWith("KMIP server unavailable: "
                            + s.entry() + ": the server closed the connection after receiving our client certificate,"
                            + " probably refusing it: "), protocols + ": " + m);
                    System.out.println(protocols + (idempotent ? " idempotent: " : " non-idempotent: ") + m);
                    assertTrue(e.getMessage().endsWith("check that kmip.clientCertificateFile=" + dir.resolve("client.pem")
                            + " holds a certificate issued by a CA the server trusts, still valid, with EKU clientAuth"),
                            e.getMessage());
                }
            }
        }
    }

    @Test
    void serverOfferingOnlyTls11_failsWithTheProtocolMessage() throws Exception {
        // What a TLS 1.1-only server (OpenSSL) answers to our ClientHello: alert(21), version 3.2, fatal protocol_version(70).
        try (FakeServer s = FakeServer.plain((sock, srv) -> {
            sock.getInputStream().read(new byte[512]);
            sock.getOutputStream().write(new byte[] {0x15, 0x03, 0x02, 0x00, 0x02, 0x02, 0x46});
            sock.getOutputStream().flush();
        })) {
            assertEquals("KMIP server unavailable: " + s.entry() + ": TLS handshake failed: no TLS protocol version in"
                    + " common (alert protocol_version); we offer TLSv1.3 and TLSv1.2 only, so the server must support"
                    + " one of them", failure(s));
        }
    }

    @Test
    void plainTextServer_isNotMistakenForTls() throws Exception {
        try (FakeServer s = FakeServer.plain((sock, srv) -> {
            sock.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            sock.getOutputStream().flush();
            FakeServer.silent(sock, srv);
        })) {
            assertEquals("KMIP server unavailable: " + s.entry() + ": the server did not answer with TLS: is this the"
                    + " KMIP port?", failure(s));
        }
    }

    @Test
    void keystorePassword_isTheFallbackForAnEncryptedClientKey() throws Exception {
        KmipSettings settings = TestPki.settings(dir, "127.0.0.1").build();
        Path client = settings.clientCertificateFile().orElseThrow();
        DevPkiFiles.writeKeyAndChain(client, TestPki.CLIENT.privateKey(), TestPki.CLIENT.chain(),
                DevPkiFiles.KeyFormat.PKCS8_ENCRYPTED, "store-pw".toCharArray());
        KmipTransport.open(settings, "store-pw".toCharArray()).close();
        CredentialsException e = assertThrows(CredentialsException.class,
                () -> KmipTransport.open(settings, "other".toCharArray()));
        assertEquals("the private key in " + client + " cannot be decrypted: wrong password (PKCSException)"
                + " (kmip.clientCertificatePassword is not set, so the keystore password is used)", e.getMessage());
        KmipSettings own = settings.toBuilder().clientCertificatePassword("store-pw".toCharArray()).build();
        KmipTransport.open(own, "ignored".toCharArray()).close();
    }
}
