package dev.kmipjca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.client.KmipClient;
import dev.kmipjca.config.KmipSettingsBuilder;
import dev.kmipjca.it.KmipServerUnderTest.Difference;
import dev.kmipjca.it.KmipServerUnderTest.Identity;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.transport.CredentialsException;
import dev.kmipjca.transport.ServersUnavailableException;
import org.junit.jupiter.api.Test;

/**
 * The TLS cases every server under test must pass at KMIP 1.4: encrypted client key bundles work, a
 * wrong key password is refused before connecting, a server certificate from another CA is refused with
 * a message that says so, a client certificate without extended key usage gets what the server answers
 * ({@link Difference#CLIENT_WITHOUT_EKU}), and an EC client certificate negotiates the server's highest
 * version.
 */
abstract class TlsInteropTests extends KmipInteropSuite {
    static final char[] PASSWORD = TestCredentials.PASSWORD.toCharArray();

    /** "localhost:5696": the server as kmip.serverName names it, as messages quote it. */
    abstract String address();

    /** "CN=..., issued by CN=...": how the transport describes the server's certificate. */
    abstract String certificateDescription();

    KmipSettingsBuilder settings(Identity who) {
        return server.settings(who).protocolVersionMin("1.4").protocolVersionMax("1.4");
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

            assertTrue(e.getMessage().contains("TLS handshake failed: the certificate of " + address() + " ("
                    + certificateDescription() + ") is not signed by a CA in kmip.serverCAFile="), e.getMessage());
        }
        record("1.4", "TLS: server certificate from another CA", "refused (not signed by a CA in kmip.serverCAFile)");
    }

    @Test
    void clientCertificateWithoutEku_getsWhatTheServerAnswers() throws Exception {
        ResultReason refused = server.expectedFailure(Difference.CLIENT_WITHOUT_EKU, v("1.4"));
        try (KmipClient c = KmipClient.open(settings(Identity.NO_EKU).build(), null)) {
            if (refused == null) {
                assertTrue(c.capabilities().supports(Operation.CREATE));
                ok("1.4", "TLS: client certificate without extended key usage");
            } else {
                failsWith("1.4", "TLS: client certificate without extended key usage", refused, c::capabilities);
            }
        }
    }

    @Test
    void ecClientCertificate_negotiatesTheServersHighestVersion() throws Exception {
        try (KmipClient c = KmipClient.open(server.settings(Identity.B).build(), null)) {
            ProtocolVersion highest = server.versions().get(0);
            assertEquals(highest, c.protocolVersion());
            record(highest.toString(), "TLS: EC client certificate (identity B)", "ok");
        }
    }
}
