package dev.kmipjca.transport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the {@code openssl} command for cross-checks; tests skip when it is not installed. */
final class Openssl {
    private static final boolean AVAILABLE = probe();

    private Openssl() {
    }

    private static boolean probe() {
        try {
            return run(Path.of("."), "version").exitCode == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Skips the calling test when openssl is missing. */
    static void assumeAvailable() {
        assumeTrue(AVAILABLE, "openssl is not installed; skipping the cross-check");
    }

    record Result(int exitCode, String output) {
    }

    /** Runs openssl with {@code args} in {@code dir}, stdout and stderr merged; the process is stopped by its id on timeout. */
    static Result run(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("openssl " + String.join(" ", args) + " did not finish");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Runs openssl and fails the test unless it exits with 0. */
    static String ok(Path dir, String... args) throws IOException {
        Result r = run(dir, args);
        if (r.exitCode != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " failed: " + r.output);
        }
        return r.output;
    }
}
