package dev.kmipjca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.client.KmipClient;
import dev.kmipjca.it.KmipServerUnderTest.Identity;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.transport.ServersUnavailableException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TLS against PyKMIP with a server certificate that names only {@code localhost}: the cases of
 * {@link TlsInteropTests}, plus a wrong host name, and PyKMIP's exact answer to a certificate without
 * EKU clientAuth (at 1.4 and during negotiation).
 */
class PyKmipTlsIT extends TlsInteropTests {

    @Override
    protected KmipServerUnderTest start(Path dir) throws Exception {
        return PyKmipServer.startOrSkip(dir, List.of("localhost"), List.of(), "localhost");
    }

    @Override
    protected String reportName() {
        return "pykmip-tls";
    }

    private String port() {
        return String.valueOf(((PyKmipServer) server).port());
    }

    @Override
    String address() {
        return "localhost:" + port();
    }

    @Override
    String certificateDescription() {
        return "CN=kmip-jca IT server, issued by CN=kmip-jca IT CA";
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

    /** PyKMIP answers every request, whatever its version, with this message under a 1.0 header. */
    @Test
    @Override
    void clientCertificateWithoutEku_getsWhatTheServerAnswers() throws Exception {
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
}
