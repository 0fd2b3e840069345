package dev.kmipjca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.client.KmipClient;
import dev.kmipjca.config.KmipSettingsBuilder;
import dev.kmipjca.it.KmipServerUnderTest.Identity;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.transport.CredentialsException;
import dev.kmipjca.transport.ServersUnavailableException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TLS against PyKMIP with a server certificate that names only {@code localhost}: encrypted client
 * key bundles work, a wrong CA, a wrong host name and a certificate without EKU clientAuth fail with
 * messages that say so.
 */
class PyKmipTlsIT extends KmipInteropSuite {
    private static final char[] PASSWORD = TestCredentials.PASSWORD.toCharArray();

    @Override
    protected KmipServerUnderTest start(Path dir) throws Exception {
        return PyKmipServer.startOrSkip(dir, List.of("localhost"), List.of(), "localhost");
    }

    @Override
    protected String reportName() {
        return "pykmip-tls";
    }

    private KmipSettingsBuilder settings(Identity who) {
        return server.settings(who).protocolVersionMin("1.4").protocolVersionMax("1.4");
    }

    private String port() {
        return String.valueOf(((PyKmipServer) server).port());
    }

    @Test
    void encryptedPkcs8Bundle_decryptedWithTheKeystorePassword_connects() throws Exception {
        try (KmipClient c = KmipClient.open(settings(Identity.A)
                .clientCertificateFile(server.credentials().encryptedPkcs8File()).build(), PASSWORD)) {
            assertTrue(c.capabilities().supports(Operation.CREATE));
        }
        ok("1.4", "TLS: encrypted PKCS#8 client key (keystore password)");
    }

    @Test
    void legacyEncryptedPem_decryptedWithClientCertificatePassword_connects() throws Exception {
        try (KmipClient c = KmipClient.open(settings(Identity.A).clientCertificateFile(server.credentials()
                .legacyEncryptedFile()).clientCertificatePassword(PASSWORD).build(), null)) {
            assertTrue(c.capabilities().supports(Operation.CREATE));
        }
        ok("1.4", "TLS: legacy encrypted PEM client key (kmip.clientCertificatePassword)");
    }

    @Test
    void wrongPassword_failsWhenTheClientIsOpened() {
        CredentialsException e = assertThrows(CredentialsException.class, () -> KmipClient.open(settings(Identity.A)
                .clientCertificateFile(server.credentials().encryptedPkcs8File()).build(), "wrong".toCharArray()));

        assertEquals(CredentialsException.Reason.WRONG_PASSWORD, e.reason());
        assertTrue(e.getMessage().contains("kmip.clientCertificatePassword is not set, so the keystore password is used"),
                e.getMessage());
        record("1.4", "TLS: wrong key password", "refused before connecting");
    }

    @Test
    void serverCertificateFromAnotherCa_isRefused() throws Exception {
        try (KmipClient c = KmipClient.open(settings(Identity.A).serverCAFile(server.credentials().otherCaFile())
                .build(), null)) {
            ServersUnavailableException e = assertThrows(ServersUnavailableException.class, c::capabilities);

            assertTrue(e.getMessage().contains("TLS handshake failed: the certificate of localhost:" + port()
                    + " (CN=kmip-jca IT server, issued by CN=kmip-jca IT CA) is not signed by a CA in kmip.serverCAFile="),
                    e.getMessage());
        }
        record("1.4", "TLS: server certificate from another CA", "refused (not signed by a CA in kmip.serverCAFile)");
    }

    @Test
    void hostNameNotInTheServerCertificate_isRefused() throws Exception {
        try (KmipClient c = KmipClient.open(settings(Identity.A).serverName("127.0.0.1:" + port()).build(), null)) {
            ServersUnavailableException e = assertThrows(ServersUnavailableException.class, c::capabilities);

            assertTrue(e.getMessage().contains("the certificate of 127.0.0.1:" + port() + " does not name host 127.0.0.1;"
                    + " its SANs are DNS:localhost"), e.getMessage());
        }
        record("1.4", "TLS: host name not in the server certificate", "refused (does not name host)");
    }

    @Test
    void clientCertificateWithoutEkuClientAuth_getsAuthenticationNotSuccessful() throws Exception {
        try (KmipClient c = KmipClient.open(settings(Identity.NO_EKU).build(), null)) {
            KmipResultException e = fails("1.4", "TLS: client certificate without EKU clientAuth",
                    KmipResultException.AuthenticationNotSuccessful.class, c::capabilities);

            assertEquals("KMIP Query failed: Authentication Not Successful (0x00000003): Error verifying the client"
                    + " certificate. See server logs for more information. [server localhost:" + port() + "]",
                    e.getMessage());
        }
        try (KmipClient c = KmipClient.open(server.settings(Identity.NO_EKU).build(), null)) {
            KmipResultException e = fails("2.0", "TLS: client certificate without EKU clientAuth",
                    KmipResultException.AuthenticationNotSuccessful.class, c::protocolVersion);

            assertTrue(e.getMessage().startsWith("KMIP Discover Versions failed: Authentication Not Successful"),
                    e.getMessage());
        }
    }

    @Test
    void clientWithEkuClientAuth_negotiates20OverTls12() throws Exception {
        try (KmipClient c = KmipClient.open(server.settings(Identity.B).build(), null)) {
            assertEquals(ProtocolVersion.V2_0, c.protocolVersion());
        }
        ok("2.0", "TLS: EC client certificate (identity B)");
    }
}
