package dev.kmipjca.server;

import dev.kmipjca.transport.DevPki;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;

/**
 * The development KMIP server: KMIP 1.0 to 2.1 over TLS 1.2/1.3 with client certificates, keeping
 * its objects in a directory. For development, tests and the demo, never for production (see
 * docs/dev-server.md).
 *
 * <pre>{@code
 * try (DevServer server = DevServer.start(DevServerConfig.builder().dir(tmp).port(0).build())) {
 *     KmipSettings settings = KmipSettings.load(server.clientKeystore()); // points at this server
 *     ...
 * }
 * }</pre>
 *
 * On start it creates, or reuses, the files in its directory ({@code ca.pem}, {@code server.pem},
 * {@code client.pem}, {@code client.kmip}, {@code storage.key}, {@code objects/}) and listens.
 */
public final class DevServer implements AutoCloseable {
    private final DevServerConfig config;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Faults faults;
    private DevFiles files;
    private Listener listener;

    public DevServer(DevServerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.faults = config.faults();
    }

    /** A started server. */
    public static DevServer start(DevServerConfig config) throws IOException {
        return new DevServer(config).start();
    }

    /** Prepares the directory and starts listening; returns when the port is open. */
    public synchronized DevServer start() throws IOException {
        if (listener != null) {
            throw new IllegalStateException("the server is already started");
        }
        files = DevFiles.prepare(config.dir(), config.host());
        ObjectStore store = ObjectStore.open(config.dir().resolve("objects"), StorageKey.loadOrCreate(config.dir()));
        SSLContext tls = ServerTls.context(files.server, files.ca.certificate());
        RequestHandler handler = new RequestHandler(store, this::faults, ServerInfo.current(), config.maxMessageBytes());
        listener = new Listener(tls, config.host(), config.port(), handler, this::faults, config.maxMessageBytes(),
                config.maxConnections());
        try {
            ClientKmipFile.create(clientKeystore(), DevFiles.clientPem(null), DevFiles.DEFAULT_CLIENT, serverName(), port());
            for (String name : config.identities()) {
                newIdentity(name);
            }
            ClientKmipFile.updatePorts(config.dir(), port());
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
        RequestLog.LOG.log(Level.INFO, "development KMIP server on " + host() + ":" + port() + ", directory "
                + config.dir().toAbsolutePath() + ", " + store.size() + " objects");
        return this;
    }

    /** The port listened on (the real one when the configuration asked for 0). */
    public int port() {
        requireStarted();
        return listener.port();
    }

    public String host() {
        return config.host();
    }

    public Path dir() {
        return config.dir();
    }

    /** {@code client.kmip}: the keystore file (kmip.* settings) of the default client identity. */
    public Path clientKeystore() {
        return config.dir().resolve(ClientKmipFile.fileName(null));
    }

    /** {@code ca.pem}: the CA that issued the server's and the clients' certificates. */
    public Path caFile() {
        return config.dir().resolve(DevFiles.CA);
    }

    /**
     * Adds a client identity (CN {@code name}): {@code client-NAME.pem} and {@code client-NAME.kmip},
     * unless they exist. Returns the keystore file.
     */
    public synchronized Path newIdentity(String name) throws IOException {
        requireStarted();
        DevServerConfig.checkIdentity(name);
        files.identity(name, DevFiles.clientPem(name));
        Path kmip = config.dir().resolve(ClientKmipFile.fileName(name));
        ClientKmipFile.create(kmip, DevFiles.clientPem(name), name, serverName(), port());
        return kmip;
    }

    /** The CA, for tests that issue their own client certificates. */
    public DevPki.Issued certificateAuthority() {
        requireStarted();
        return files.ca;
    }

    public Faults faults() {
        return faults;
    }

    /** Replaces the injected faults; takes effect for the next request or connection. */
    public void faults(Faults f) {
        this.faults = Objects.requireNonNull(f, "faults");
    }

    /** Blocks until {@link #close()}. */
    public void awaitClose() throws InterruptedException {
        stopped.await();
    }

    @Override
    public synchronized void close() {
        if (listener != null && stopped.getCount() > 0) {
            listener.close();
            RequestLog.LOG.log(Level.INFO, "development KMIP server on port " + listener.port() + " stopped");
        }
        stopped.countDown();
    }

    private String serverName() {
        return DevFiles.isWildcard(config.host()) ? "localhost" : config.host();
    }

    private void requireStarted() {
        if (listener == null) {
            throw new IllegalStateException("the server is not started");
        }
    }
}
