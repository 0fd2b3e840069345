package dev.kmipjca.it;

import static dev.kmipjca.protocol.CryptographicUsageMask.DECRYPT;
import static dev.kmipjca.protocol.CryptographicUsageMask.ENCRYPT;
import static dev.kmipjca.protocol.CryptographicUsageMask.UNWRAP_KEY;
import static dev.kmipjca.protocol.CryptographicUsageMask.WRAP_KEY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kmipjca.client.KmipClient;
import dev.kmipjca.client.ObjectSpec;
import dev.kmipjca.client.RetrievedObject;
import dev.kmipjca.it.KmipServerUnderTest.Difference;
import dev.kmipjca.it.KmipServerUnderTest.Identity;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.ResultReason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interoperability suite's machinery: one server per test class, one client per identity and
 * pinned KMIP version ({@link #versions()}: 1.0, 1.2, 1.4, 2.0 and, where the server has it, 2.1), and
 * the matrix of what was observed. Subclasses start the server and hold the tests
 * ({@link InteropTests}); where servers legitimately differ, the tests assert what
 * {@link KmipServerUnderTest#expectedFailure} says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KmipInteropSuite {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    static Path dir;

    KmipServerUnderTest server;
    InteropMatrix matrix;
    private final Map<String, KmipClient> clients = new ConcurrentHashMap<>();

    /** Starts the server under test in {@code dir} (or skips the class). */
    protected abstract KmipServerUnderTest start(Path dir) throws Exception;

    /** The file name of the observed matrix under target/interop. */
    protected abstract String reportName();

    /**
     * The KMIP versions the tests pin the client to (the tests' {@code @MethodSource}); 2.1 only where the
     * server speaks it.
     */
    protected List<String> versions() {
        return List.of("1.0", "1.2", "1.4", "2.0");
    }

    @BeforeAll
    void startServer() throws Exception {
        matrix = new InteropMatrix(versions());
        server = start(dir.resolve("server"));
    }

    @AfterAll
    void stopServer() throws Exception {
        clients.values().forEach(KmipClient::close);
        if (server != null) {
            String title = server.description();
            server.close();
            Path out = Path.of("target", "interop");
            matrix.write(out.resolve(reportName() + ".md"), title);
            if (server.logFile() != null && Files.exists(server.logFile())) {
                Files.copy(server.logFile(), out.resolve(reportName() + "-server.log"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The client of {@code who}, pinned to {@code version}, opened once per class. */
    KmipClient client(Identity who, String version) {
        return clients.computeIfAbsent(who + "@" + version, k -> {
            try {
                return KmipClient.open(server.settings(who).protocolVersionMin(version).protocolVersionMax(version)
                        .build(), null);
            } catch (Exception e) {
                throw new IllegalStateException("cannot open a client for " + k + ": " + e.getMessage(), e);
            }
        });
    }

    KmipClient a(String version) {
        return client(Identity.A, version);
    }

    static ProtocolVersion v(String version) {
        return ProtocolVersion.parse(version);
    }

    static boolean atLeast(String version, String min) {
        return v(version).isAtLeast(v(min));
    }

    /** A name no other test or run uses. */
    static String unique(String prefix) {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return "kmip-jca-it-" + prefix + "-" + HexFormat.of().formatHex(b);
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** An active AES-256 key of identity A with this usage. */
    String activeKey(String version, int usage) throws Exception {
        String uid = a(version).create(CryptographicAlgorithm.AES, 256, ObjectSpec.of(unique("key"), usage));
        a(version).activate(uid);
        return uid;
    }

    String encryptionKey(String version) throws Exception {
        return activeKey(version, ENCRYPT | DECRYPT | WRAP_KEY | UNWRAP_KEY);
    }

    byte[] rawKey(String version, String uid) throws Exception {
        try (RetrievedObject o = a(version).get(uid)) {
            return o.material().toByteArray();
        }
    }

    /** Asserts that {@code call} fails with {@code type}, records "reason" and returns the exception. */
    <E extends KmipResultException> E fails(String version, String row, Class<E> type, Executable call) {
        E e = assertThrows(type, call);
        assertEquals(server.description().replaceFirst("^.* at ", ""), e.server());
        matrix.record(version, row, e.reason() == null ? "failed" : e.reason().toString());
        return e;
    }

    /** What the server answers in a case where servers differ at {@code version}; null: it succeeds. */
    ResultReason expected(Difference d, String version) {
        return server.expectedFailure(d, v(version));
    }

    /** Asserts that {@code call} fails with exactly {@code reason}, records it and returns the exception. */
    KmipResultException failsWith(String version, String row, ResultReason reason, Executable call) {
        KmipResultException e = assertThrows(KmipResultException.class, call);
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(server.description().replaceFirst("^.* at ", ""), e.server());
        matrix.record(version, row, reason.toString());
        return e;
    }

    void ok(String version, String row) {
        matrix.record(version, row, "ok");
    }

    void record(String version, String row, String what) {
        matrix.record(version, row, what);
    }

    static void assertBytes(byte[] expected, byte[] actual, String what) {
        assertArrayEquals(expected, actual, what);
    }
}
