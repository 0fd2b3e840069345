package dev.kmipjca.server;

import static dev.kmipjca.server.Kmip.KEK_MASK;
import static dev.kmipjca.server.Kmip.V1_4;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.config.KmipSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar target/kmip-jca.jar server} as users run it: the one "listening on" line, a
 * request, a clean stop on SIGTERM and on SIGINT (exit status 0), owner-only key files, and objects
 * kept from one run to the next. The jar path comes from the {@code kmipjca.jar} system property
 * that failsafe sets.
 */
class DevServerJarIT {
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    /** A running server process and the port it printed. */
    record Server(Process process, int port, Path stderrFile) {
        /** What the process wrote to standard error (complete once it has exited). */
        String stderr() throws IOException {
            return Files.readString(stderrFile);
        }
    }

    Server launch(String... extra) throws IOException {
        String jar = System.getProperty("kmipjca.jar", "target/kmip-jca.jar");
        assertTrue(Files.isRegularFile(Path.of(jar)), "no jar at " + jar + "; run mvn package first");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar, "server", "--dir", dir.toString(), "--port", "0"));
        cmd.addAll(List.of(extra));
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        started.add(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).completeOnTimeout(null, 60, TimeUnit.SECONDS).join();
        assertNotNull(line, "no 'listening on' line; stderr: " + Files.readString(err));
        Matcher m = LISTENING.matcher(line);
        assertTrue(m.matches(), "first line: " + line);
        return new Server(p, Integer.parseInt(m.group(1)), err);
    }

    TestClient client(int port) throws IOException {
        SSLContext ctx = TestClient.context(dir.resolve("client.pem"), dir.resolve("ca.pem"));
        return TestClient.connect(port, ctx, null);
    }

    static int stop(Server s, String signal) throws Exception {
        if (signal.equals("TERM")) {
            s.process().destroy();
        } else {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(s.process().pid())).start();
            assertEquals(0, kill.waitFor());
        }
        assertTrue(s.process().waitFor(30, TimeUnit.SECONDS), "the server did not stop on SIG" + signal);
        return s.process().exitValue();
    }

    @Test
    void jar_servesRequests_stopsCleanlyOnSigtermAndSigint_andKeepsObjects() throws Exception {
        Server first = launch("--new-identity", "it-user");
        String uid;
        byte[] key;
        try (TestClient c = client(first.port())) {
            uid = Kmip.activeKey(c, V1_4);
            key = Kmip.keyBytes(c, V1_4, uid);
        }
        assertEquals(first.port(), KmipSettings.load(dir.resolve("client.kmip")).port());
        assertEquals(0, stop(first, "TERM"), "exit status after SIGTERM");
        String err = first.stderr();
        assertTrue(err.contains("stopped"), err);
        assertTrue(err.contains("Create uid=" + uid + " -> Success"), err);
        for (String f : List.of("ca-key.pem", "server.pem", "client.pem", "client-it-user.pem", "client.kmip",
                "client-it-user.kmip", "storage.key", "objects/" + uid + ".obj")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(f))), f);
        }

        Server second = launch();
        try (TestClient c = client(second.port())) {
            assertArrayEquals(key, Kmip.keyBytes(c, V1_4, uid));
            Kmip.create(c, V1_4, 128, KEK_MASK);
        }
        assertEquals(0, stop(second, "INT"), "exit status after SIGINT");
        assertTrue(second.stderr().contains("stopped"));
    }
}
