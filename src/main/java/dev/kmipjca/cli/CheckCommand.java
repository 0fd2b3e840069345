package dev.kmipjca.cli;

import dev.kmipjca.client.Capabilities;
import dev.kmipjca.client.KmipClient;
import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.config.ServerAddress;
import dev.kmipjca.envelope.BulkProviders;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.transport.KmipTransport;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kmip-jca check}: connects to each configured server on its own and reports what it found. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "Connects to each configured KMIP server and reports TLS, KMIP version and operations.",
        description = {"Connects to EACH server of kmip.serverName separately (no failover) and prints the TLS version"
            + " and cipher suite, the negotiated KMIP version, the server's vendor and information, and the"
            + " operations it lists in Query, with a verdict per server (OK or FAILED: reason), the provider of the"
            + " envelopes' bulk AES-256-GCM (kmip.bulkProvider: ACCP or SunJCE, and why) and a summary.",
            "Exit status: 0 when every server is OK (with --any: when at least one is) and the bulk provider is"
            + " usable, 1 otherwise, 2 for a usage error.", ""})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Option(names = "--any", description = "Succeed when at least one server is OK (failover setups).")
    boolean any;

    @Override
    public Integer call() throws Exception {
        KmipSettings settings = server.settings();
        PrintWriter out = spec.commandLine().getOut();
        List<ServerAddress> servers = settings.servers();
        int ok = 0;
        BulkProviders.probeInBackground(); // loading ACCP overlaps the TLS handshakes
        try (KmipTransport transport = server.openTransport(settings);
             KmipClient client = KmipClient.over(transport, settings)) {
            for (ServerAddress s : servers) {
                ok += check(transport, client, s, out) ? 1 : 0;
            }
        }
        boolean bulkOk = bulk(settings, out);
        boolean passed = (any ? ok > 0 : ok == servers.size()) && bulkOk;
        out.printf("%s: %d of %d server%s OK%s%n", passed ? "OK" : "FAILED", ok, servers.size(),
                servers.size() == 1 ? "" : "s", bulkOk ? "" : "; no usable bulk provider");
        out.flush();
        return passed ? 0 : Failures.EXIT_FAILURE;
    }

    private boolean check(KmipTransport transport, KmipClient client, ServerAddress server, PrintWriter out) {
        out.println("server " + server);
        long start = System.nanoTime();
        try {
            String tls = transport.executeOn(server, true, c -> c.tlsProtocol() + ", " + c.cipherSuite());
            out.println("  TLS:         " + tls);
            ProtocolVersion version = client.protocolVersion(server);
            out.println("  KMIP:        " + version);
            Capabilities caps = client.capabilities(server);
            out.println("  vendor:      " + orNone(caps.vendorIdentification()));
            out.println("  information: " + orNone(caps.serverInformation()));
            out.println("  operations:  " + caps.operations().size() + ": " + caps.operations().stream()
                    .sorted((a, b) -> Integer.compare(a.value(), b.value())).map(Operation::toString)
                    .collect(Collectors.joining(", ")));
            out.printf("  verdict:     OK (%d ms)%n", (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (Exception e) {
            out.printf("  verdict:     FAILED: %s (%d ms)%n", Failures.describe(e), (System.nanoTime() - start) / 1_000_000);
            if (this.server.verbose) {
                e.printStackTrace(spec.commandLine().getErr());
            }
            return false;
        } finally {
            out.flush();
        }
    }

    /** Prints which provider envelopes would use for bulk AES-256-GCM, and why; false when none is usable. */
    private static boolean bulk(KmipSettings settings, PrintWriter out) {
        try {
            out.println("bulk provider: " + BulkProviders.select(settings.bulkProvider()).description());
            return true;
        } catch (IllegalStateException e) {
            out.println("bulk provider: FAILED: " + e.getMessage());
            return false;
        }
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? "(none given)" : s;
    }
}
