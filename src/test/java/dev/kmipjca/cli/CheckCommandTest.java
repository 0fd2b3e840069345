package dev.kmipjca.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kmip-jca check} against in-process development servers and a port where nothing listens. */
class CheckCommandTest {
    @TempDir
    Path dir;
    CliServer cli;

    @BeforeEach
    void start() throws Exception {
        cli = CliServer.start(dir);
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    @Test
    void oneGoodServer_reportsTlsVersionVendorAndOperations_andExitsZero() {
        MainTest.Run r = cli.run("check");

        assertEquals(0, r.code(), r.toString());
        String out = r.out();
        assertTrue(out.startsWith("server 127.0.0.1:" + cli.server.port() + "\n"), out);
        assertTrue(Pattern.compile("\n  TLS: +TLSv1\\.3, TLS_AES_(128|256)_GCM_SHA(256|384)\n").matcher(out).find(), out);
        assertTrue(out.contains("\n  KMIP:        2.1\n"), out);
        assertTrue(out.contains("\n  vendor:      kmip-jca development server\n"), out);
        assertTrue(out.contains("\n  operations:  18: Create, Register, Re-key, Locate, Get,"), out);
        assertTrue(Pattern.compile("\n  verdict: +OK \\(\\d+ ms\\)\n").matcher(out).find(), out);
        assertTrue(out.endsWith("OK: 1 of 1 server OK\n"), out);
    }

    @Test
    void bulkProvider_isReportedWithItsReason_beforeTheSummary() {
        MainTest.Run auto = cli.run("check");
        assertTrue(Pattern.compile("\nbulk provider: (ACCP 2\\.5\\.0 \\(AWS-LC v[0-9.]+\\): kmip\\.bulkProvider=auto and ACCP passed its"
                + " self-tests|SunJCE [0-9.]+: kmip\\.bulkProvider=auto and ACCP is not usable: .*)\nOK: 1 of 1 server OK\n$")
                .matcher(auto.out()).find(), auto.out());

        MainTest.Run sun = cli.run("check", "--kmipBulkProvider", "SunJCE");
        assertEquals(0, sun.code(), sun.toString());
        assertTrue(sun.out().endsWith("\nbulk provider: SunJCE " + java.security.Security.getProvider("SunJCE").getVersionStr()
                + ": kmip.bulkProvider=SunJCE\nOK: 1 of 1 server OK\n"), sun.out());
    }

    @Test
    void pinnedVersion_isWhatCheckReports() {
        MainTest.Run r = cli.run("check", "--kmipProtocolVersionMax", "1.4");

        assertTrue(r.out().contains("\n  KMIP:        1.4\n"), r.out());
    }

    @Test
    void eachServerIsCheckedOnItsOwn_oneDownFailsTheCheck_unlessAny() throws Exception {
        int dead = CliServer.deadPort();
        String servers = "127.0.0.1:" + dead + ",127.0.0.1:" + cli.server.port();

        MainTest.Run r = cli.run("check", "--kmipServerName", servers, "--kmipConnectTimeoutMS", "1000");

        assertEquals(1, r.code(), r.toString());
        String out = r.out();
        assertTrue(out.startsWith("server 127.0.0.1:" + dead + "\n  verdict:     FAILED: KMIP server unavailable: 127.0.0.1:"
                + dead + ": "), out);
        assertTrue(out.contains("server 127.0.0.1:" + cli.server.port() + "\n  TLS:"), "the second is checked too: " + out);
        assertTrue(out.endsWith("FAILED: 1 of 2 servers OK\n"), out);
        MainTest.Run any = cli.run("check", "--kmipServerName", servers, "--any");
        assertEquals(0, any.code(), any.toString());
        assertTrue(any.out().endsWith("OK: 1 of 2 servers OK\n"), any.out());
    }

    @Test
    void untrustedServer_failsWithTheTlsReason() {
        MainTest.Run r = cli.run("check", "--kmipServerCAFile", writeOtherCa().toString());

        assertEquals(1, r.code());
        assertTrue(r.out().contains("verdict:     FAILED: KMIP server unavailable: 127.0.0.1:" + cli.server.port()
                + ": TLS handshake failed: "), r.out());
        assertTrue(r.out().contains("is not signed by a CA in kmip.serverCAFile="), r.out());
    }

    private Path writeOtherCa() {
        try {
            Path f = dir.resolve("other-ca.pem");
            dev.kmipjca.transport.DevPkiFiles.writeCertificates(f, java.util.List.of(dev.kmipjca.transport.DevPki
                    .createCa("Some other CA", dev.kmipjca.transport.DevPki.KeyKind.EC_P256).certificate()));
            return f;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
