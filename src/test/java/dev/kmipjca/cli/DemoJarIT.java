package dev.kmipjca.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar target/kmip-jca.jar demo} as the README tells users to run it: exit status 0, every
 * step's line, and no files left behind. The jar path comes from the {@code kmipjca.jar} system
 * property that failsafe sets; the child is stopped by its process id if it outlives the test.
 */
class DemoJarIT {
    @TempDir
    Path dir;

    @Test
    void demoFromTheJar_passesEveryStepWithinAMinute() throws Exception {
        String jar = System.getProperty("kmipjca.jar", "target/kmip-jca.jar");
        assertTrue(Files.isRegularFile(Path.of(jar)), "no jar at " + jar + "; run mvn package first");
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + dir, "-jar", jar, "demo")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the demo did not finish within 120 s");
            String text = Files.readString(out, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), text + Files.readString(err));
            for (String line : List.of("Development KMIP server started on 127.0.0.1:", "KMIP 2.1 negotiated.",
                    "Master key created on the server and activated", "wrapped ON THE SERVER (KMIP Encrypt, AES-GCM)",
                    "encrypted locally with AES-256-GCM (SunJCE)", "\"" + DemoSteps.MESSAGE + "\"",
                    "rotated with KmipRotation (KMIP Re-key, old key kept): master key ",
                    "its key history kmipjca.history.0 names ", "its entry reads back unchanged.",
                    "made before the rotation still decrypts (header names ", "; rewrap moved it to ",
                    "bytes unchanged byte for byte.",
                    "Server stopped and its temporary files removed.", "Demo passed: 10 steps in ")) {
                assertTrue(text.contains(line), "'" + line + "' in:\n" + text);
            }
            boolean linuxX8664 = System.getProperty("os.name").startsWith("Linux")
                    && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
            // the jar bundles ACCP for linux-x86_64 only: elsewhere SunJCE, and the demo says why
            Pattern bulk = Pattern.compile(linuxX8664
                    ? "; bulk AES-256-GCM by ACCP \\S.*: kmip\\.bulkProvider=auto and ACCP passed its self-tests\\.\n"
                    : "; bulk AES-256-GCM by (ACCP \\S.*: kmip\\.bulkProvider=auto and ACCP passed its self-tests|SunJCE"
                            + " \\S+: kmip\\.bulkProvider=auto and ACCP is not usable: .+)\\.\n");
            assertTrue(bulk.matcher(text).find(), "step 7 names the bulk provider and why (" + bulk + ") in:\n" + text);
            try (var left = Files.list(dir)) {
                assertEquals(List.of("stderr.txt", "stdout.txt"), left.map(f -> f.getFileName().toString()).sorted().toList(),
                        "the demo's temporary directory is gone");
            }
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
