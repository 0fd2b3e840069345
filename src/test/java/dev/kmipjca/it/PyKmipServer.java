package dev.kmipjca.it;

import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.config.KmipSettingsBuilder;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.transport.PemCredentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's PyKMIP server ({@code python3-pykmip}) run for a test class: configuration, certificates,
 * policy and database in a temporary directory, a free port on 127.0.0.1, started with
 * {@code /usr/bin/python3} and stopped by process id (with its children) in {@link #close()}, and by
 * a shutdown hook should the JVM end first. Where PyKMIP is not installed the calling tests are
 * skipped, unless the environment variable {@code CI} is {@code true}, where they fail.
 */
public final class PyKmipServer implements KmipServerUnderTest {
    /** Debian's Python, which has the kmip package; {@code -Dkmipjca.it.python=...} points elsewhere. */
    static final String PYTHON = System.getProperty("kmipjca.it.python", "/usr/bin/python3");
    /** An operation policy allowing every operation to every identity (PyKMIP notes, section 1). */
    public static final String SHARED_POLICY = "shared";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static String installedVersion;
    private static boolean probed;

    private final Path dir;
    private final TestCredentials credentials;
    private final String connectHost;
    private final int port;
    private final String version;
    private final Process process;
    private final Thread shutdownHook;

    private PyKmipServer(Path dir, TestCredentials credentials, String connectHost, int port, String version,
                         Process process) {
        this.dir = dir;
        this.credentials = credentials;
        this.connectHost = connectHost;
        this.port = port;
        this.version = version;
        this.process = process;
        this.shutdownHook = new Thread(() -> ProcessTree.stop(process), "pykmip-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** A server whose certificate names localhost and 127.0.0.1, reached as 127.0.0.1. */
    public static PyKmipServer startOrSkip(Path dir) throws Exception {
        return startOrSkip(dir, List.of("localhost"), List.of("127.0.0.1"), "127.0.0.1");
    }

    /**
     * @param dnsNames    DNS SANs of the server certificate
     * @param ips         IP SANs of the server certificate
     * @param connectHost the name clients use in {@code kmip.serverName} (the server listens on 127.0.0.1)
     */
    public static PyKmipServer startOrSkip(Path dir, List<String> dnsNames, List<String> ips, String connectHost)
            throws Exception {
        String version = requireInstalled();
        TestCredentials credentials = TestCredentials.create(dir.resolve("certs"), dnsNames, ips);
        int port = freePort();
        Path conf = writeConfiguration(dir, credentials, port);
        Process p = new ProcessBuilder(PYTHON, "-c", "from kmip.services.server.server import main; main()",
                "-f", conf.toString(), "-l", dir.resolve("server.log").toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("stdout.txt").toFile())
                .start();
        PyKmipServer server = new PyKmipServer(dir, credentials, connectHost, port, version, p);
        try {
            server.awaitReady();
            return server;
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    /** The installed PyKMIP version; skips (or, with CI=true, fails) the caller when there is none. */
    static synchronized String requireInstalled() {
        if (!probed) {
            probed = true;
            installedVersion = probeVersion();
        }
        if (installedVersion == null) {
            String why = "PyKMIP is not installed (`" + PYTHON + " -c 'import kmip'` failed; apt-get install"
                    + " python3-pykmip)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why + ": CI=true requires the PyKMIP interoperability tests to run");
            }
            Assumptions.abort(why + ": skipping the PyKMIP interoperability tests");
        }
        return installedVersion;
    }

    private static String probeVersion() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return null;
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import kmip; print(kmip.__version__)")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                ProcessTree.stop(p);
                return null;
            }
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static Path writeConfiguration(Path dir, TestCredentials c, int port) throws IOException {
        Path policies = Files.createDirectories(dir.resolve("policies"));
        Files.writeString(policies.resolve("shared.json"), PolicyFile.shared(SHARED_POLICY));
        String conf = String.join("\n", "[server]", "hostname=127.0.0.1", "port=" + port,
                "certificate_path=" + c.serverCertificateFile(), "key_path=" + c.serverKeyFile(),
                "ca_path=" + c.caFile(), "auth_suite=TLS1.2", "policy_path=" + policies,
                "enable_tls_client_auth=True", "logging_level=INFO", "database_path=" + dir.resolve("pykmip.db"), "");
        return Files.writeString(dir.resolve("server.conf"), conf);
    }

    /** Until a TLS handshake as identity A succeeds and the policy monitor has loaded the shared policy. */
    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        SSLContext tls = clientContext();
        Exception last = null;
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PyKMIP exited with status " + process.exitValue() + " during start; "
                        + logTail());
            }
            try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                s.setSoTimeout(5000);
                s.startHandshake();
                break;
            } catch (IOException e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PyKMIP did not accept TLS on 127.0.0.1:" + port + " within "
                        + START_TIMEOUT.toSeconds() + " s (" + last + "); " + logTail());
            }
            Thread.sleep(100);
        }
        while (!log().contains("Loading policy: " + SHARED_POLICY)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PyKMIP did not load the policy " + SHARED_POLICY + "; " + logTail());
            }
            Thread.sleep(100);
        }
    }

    private SSLContext clientContext() throws Exception {
        PemCredentials a = PemCredentials.load(credentials.clientFile(Identity.A), null);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("a", a.privateKey(), new char[0], a.chain().toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(ks, new char[0]);
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("ca", PemCredentials.loadCertificates(credentials.caFile()).get(0));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLSv1.2");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    String log() throws IOException {
        Path log = dir.resolve("server.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private String logTail() {
        try {
            String all = log() + Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8);
            return "last output: " + all.substring(Math.max(0, all.length() - 2000));
        } catch (IOException e) {
            return "no log (" + e.getMessage() + ")";
        }
    }

    @Override
    public String description() {
        return "PyKMIP " + version + " at " + connectHost + ":" + port;
    }

    @Override
    public List<ProtocolVersion> versions() {
        return List.of(ProtocolVersion.V2_0, ProtocolVersion.V1_4, ProtocolVersion.V1_3, ProtocolVersion.V1_2,
                ProtocolVersion.V1_1, ProtocolVersion.V1_0);
    }

    /** PyKMIP 0.10's answers (docs/interoperability.md). */
    @Override
    public ResultReason expectedFailure(Difference d, ProtocolVersion version) {
        return switch (d) {
            case DESTROY_WHILE_ACTIVE, GET_FOREIGN_OBJECT -> ResultReason.PERMISSION_DENIED;
            case GET_AFTER_DESTROY -> ResultReason.ITEM_NOT_FOUND; // the row is deleted
            case CREATE_WITH_POLICY_NAME -> version.isKmip2() ? ResultReason.INVALID_MESSAGE : null;
            case REKEY -> ResultReason.OPERATION_NOT_SUPPORTED;
            case ADD_ATTRIBUTE -> ResultReason.INVALID_MESSAGE; // no decoder for its payload
            case DELETE_ATTRIBUTE_BY_NAME -> version.isKmip2() ? ResultReason.INVALID_MESSAGE : null;
            case GCM_WRONG_TAG -> ResultReason.GENERAL_FAILURE; // an uncaught InvalidTag
            case GET_WRAPPED -> version.isAtLeast(ProtocolVersion.V1_1) ? null : ResultReason.ENCODING_OPTION_ERROR;
            case CLIENT_WITHOUT_EKU -> ResultReason.AUTHENTICATION_NOT_SUCCESSFUL;
        };
    }

    @Override
    public boolean queryListsEveryOperation() {
        return false;
    }

    @Override
    public KmipSettingsBuilder settings(Identity who) {
        return KmipSettings.builder().serverName(connectHost + ":" + port).serverCAFile(credentials.caFile())
                .clientCertificateFile(credentials.clientFile(who)).connectTimeoutMS(10_000);
    }

    /**
     * The {@code kmip.*} lines of a keystore file for this server (client identity A, 10 s connect
     * timeout), ending with a newline: what keytool and JSSE scenarios write into their keystores.
     */
    public String keystoreSettings() {
        return "kmip.serverName=127.0.0.1\nkmip.port=" + port + "\nkmip.serverCAFile=" + credentials.caFile()
                + "\nkmip.clientCertificateFile=" + credentials.clientFile(Identity.A) + "\nkmip.connectTimeoutMS=10000\n";
    }

    @Override
    public TestCredentials credentials() {
        return credentials;
    }

    @Override
    public String sharedPolicyName() {
        return SHARED_POLICY;
    }

    @Override
    public Path logFile() {
        return dir.resolve("server.log");
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        ProcessTree.stop(process);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    @Override
    public String toString() {
        return description();
    }
}
