package dev.kmipjca.jca;

import dev.kmipjca.KmipProvider;
import dev.kmipjca.client.KmipClient;
import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.server.DevServer;
import dev.kmipjca.server.DevServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A development KMIP server in a temporary directory for a test class, new keystore files that point at
 * it (absolute paths, protocol version pinned to 1.4 so that no negotiation is counted), a provider and
 * a direct client for checking what happened on the server.
 */
final class DevServerFixture implements AutoCloseable {
    /** Held so that the levels stick (the logging framework keeps loggers weakly). */
    private static final java.util.logging.Logger SERVER_LOG = java.util.logging.Logger.getLogger("dev.kmipjca.server");
    private static final java.util.logging.Logger JCA_LOG = java.util.logging.Logger.getLogger("dev.kmipjca.jca");

    static {
        if (System.getProperty("kmipjca.serverLog") == null) {
            SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
            JCA_LOG.setLevel(java.util.logging.Level.WARNING);
        }
    }

    final DevServer server;
    final KmipProvider provider = new KmipProvider();
    private final Path dir;
    private final AtomicInteger files = new AtomicInteger();
    private KmipClient client;

    private DevServerFixture(Path dir, DevServer server) {
        this.dir = dir;
        this.server = server;
    }

    static DevServerFixture start(Path dir) throws IOException {
        return new DevServerFixture(dir, DevServer.start(DevServerConfig.builder().dir(dir.resolve("server")).port(0).build()));
    }

    /** A server that fails every request of one operation with {@code reason} (a server without Re-key, say). */
    static DevServerFixture start(Path dir, dev.kmipjca.protocol.Operation failing, dev.kmipjca.protocol.ResultReason reason)
            throws IOException {
        return new DevServerFixture(dir, DevServer.start(DevServerConfig.builder().dir(dir.resolve("server")).port(0)
                .faults(dev.kmipjca.server.Faults.builder().fail(failing, reason).build()).build()));
    }

    /** The settings lines of a new keystore file for this server. */
    String settings() {
        return "# a KMIP keystore for tests\n"
                + "kmip.serverName=127.0.0.1\n"
                + "kmip.port=" + server.port() + "\n"
                + "kmip.serverCAFile=" + server.caFile() + "\n"
                + "kmip.clientCertificateFile=" + server.dir().resolve("client.pem") + "\n"
                + "kmip.protocolVersionMin=1.4\n"
                + "kmip.protocolVersionMax=1.4\n";
    }

    /** A new keystore file of settings only, with {@code extra} lines appended. */
    Path newKeystoreFile(String... extra) throws IOException {
        Path f = dir.resolve("ks-" + files.incrementAndGet() + ".kmip");
        Files.writeString(f, settings() + String.join("\n", extra) + (extra.length > 0 ? "\n" : ""), StandardCharsets.UTF_8);
        return f;
    }

    KeyStore keyStore() throws KeyStoreException {
        return KeyStore.getInstance("KMIP", provider);
    }

    /** A client of its own, for looking at the server. */
    synchronized KmipClient client() throws Exception {
        if (client == null) {
            client = KmipClient.open(KmipSettings.fromMap(java.util.Map.of("kmip.serverName", "127.0.0.1",
                    "kmip.port", Integer.toString(server.port()), "kmip.serverCAFile", server.caFile().toString(),
                    "kmip.clientCertificateFile", server.dir().resolve("client.pem").toString()), dir), null);
        }
        return client;
    }

    Path dir() {
        return dir;
    }

    /** Also closes every provider connection the test opened (they would otherwise live until the JVM ends). */
    @Override
    public void close() {
        Engines.closeAllLinks();
        if (client != null) {
            client.close();
        }
        server.close();
    }
}
