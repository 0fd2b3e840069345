package dev.kmipjca.benchmarks;

import dev.kmipjca.transport.DevPki;
import dev.kmipjca.transport.DevPki.Issued;
import dev.kmipjca.transport.DevPki.KeyKind;
import dev.kmipjca.transport.DevPkiFiles;
import dev.kmipjca.transport.DevPkiFiles.KeyFormat;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prepares a PyKMIP server for the client and server benchmarks (run-client-bench.sh starts and stops
 * it): in DIR a CA, an RSA server certificate for 127.0.0.1 (PyKMIP's TLS 1.2 suites need RSA), one
 * client identity (CN kmip-jca-bench, EKU clientAuth) as a PEM bundle for kmip-jca and as separate
 * certificate and key files for PyKMIP's client, {@code pykmip.conf} on a free port, and
 * {@code pykmip.kmip}, the settings that reach it (absolute paths, so that the file can be copied). A trimmed copy of the test fixture
 * {@code dev.kmipjca.it.PyKmipServer}, which benchmarks cannot use.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.kmipjca.benchmarks.BenchSetup DIR}; prints the port.
 */
public final class BenchSetup {
    private BenchSetup() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BenchSetup DIR");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
        Issued ca = DevPki.createCa("kmip-jca bench CA", KeyKind.RSA_2048);
        Issued server = DevPki.issueServer(ca, "kmip-jca bench server", List.of("localhost"), List.of("127.0.0.1"),
                KeyKind.RSA_2048);
        Issued client = DevPki.issueClient(ca, "kmip-jca-bench", true, KeyKind.RSA_2048);
        DevPkiFiles.writeCertificates(dir.resolve("ca.pem"), List.of(ca.certificate()));
        DevPkiFiles.writeCertificates(dir.resolve("server.crt"), List.of(server.certificate()));
        DevPkiFiles.writeKey(dir.resolve("server.key"), server.privateKey(), KeyFormat.PKCS8, null);
        DevPkiFiles.writeKeyAndChain(dir.resolve("client.pem"), client.privateKey(), client.chain(), KeyFormat.PKCS8, null);
        DevPkiFiles.writeCertificates(dir.resolve("client-cert.pem"), client.chain());
        DevPkiFiles.writeKey(dir.resolve("client-key.pem"), client.privateKey(), KeyFormat.PKCS8, null);
        Files.createDirectories(dir.resolve("policies"));
        int port = freePort();
        Files.writeString(dir.resolve("pykmip.conf"), String.join("\n", "[server]", "hostname=127.0.0.1", "port=" + port,
                "certificate_path=" + dir.resolve("server.crt"), "key_path=" + dir.resolve("server.key"),
                "ca_path=" + dir.resolve("ca.pem"), "auth_suite=TLS1.2", "policy_path=" + dir.resolve("policies"),
                "enable_tls_client_auth=True", "logging_level=WARNING", "database_path=" + dir.resolve("pykmip.db"), ""));
        Files.writeString(dir.resolve("pykmip.kmip"), String.join("\n", "kmip.serverName=127.0.0.1", "kmip.port=" + port,
                "kmip.serverCAFile=" + dir.resolve("ca.pem"), "kmip.clientCertificateFile=" + dir.resolve("client.pem"), "kmip.connectTimeoutMS=30000", ""));
        System.out.println(port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
