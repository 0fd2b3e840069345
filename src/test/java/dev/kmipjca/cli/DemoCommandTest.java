package dev.kmipjca.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.config.BulkProvider;
import dev.kmipjca.envelope.BulkProviders;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kmip-jca demo}: every step passes and is reported; a failing step fails the demo but cleans up. */
class DemoCommandTest {
    private static final Pattern DIR = Pattern.compile("Working in (\\S+)");

    @TempDir
    Path tmp;

    @Test
    void demo_passesEveryStep_andRemovesItsDirectory() {
        MainTest.Run r = MainTest.run("demo");

        assertEquals(0, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(12, lines.size(), r.out());
        assertTrue(lines.get(1).matches(" 1\\. \\[ *\\d+ ms] Development KMIP server started on 127\\.0\\.0\\.1:\\d+ .*"),
                lines.get(1));
        assertTrue(lines.get(2).contains("over TLSv1.3 (TLS_AES_"), lines.get(2));
        assertTrue(lines.get(2).endsWith("KMIP 2.1 negotiated."), lines.get(2));
        assertTrue(lines.get(3).contains("Master key created on the server and activated"), lines.get(3));
        assertTrue(lines.get(4).contains("wrapped ON THE SERVER (KMIP Encrypt, AES-GCM)"), lines.get(4));
        assertTrue(lines.get(6).endsWith("\"" + DemoSteps.MESSAGE + "\""), lines.get(6));
        assertTrue(lines.get(7).contains("KmipEnvelopes: 1 MiB streamed and 100 messages")
                && lines.get(7).contains("with 1 KMIP round trip"), lines.get(7));
        assertTrue(lines.get(7).endsWith("; bulk AES-256-GCM by "
                + BulkProviders.select(BulkProvider.AUTO).description() + "."), "names the bulk provider and why: " + lines.get(7));
        assertTrue(lines.get(7).matches(".*; bulk AES-256-GCM by (ACCP \\S.*: kmip\\.bulkProvider=auto and ACCP passed its"
                + " self-tests|SunJCE \\S+: kmip\\.bulkProvider=auto and ACCP is not usable: .+)\\."), lines.get(7));
        Matcher rotated = Pattern.compile(" 8\\. \\[ *\\d+ ms] Keystore app\\.kmip rotated with KmipRotation \\(KMIP"
                + " Re-key, old key kept\\): master key (\\S+) -> (\\S+); the file now has kmip\\.keyIdentifier=\\2 and"
                + " its key history kmipjca\\.history\\.0 names \\1; its entry reads back unchanged\\.").matcher(lines.get(8));
        assertTrue(rotated.matches(), lines.get(8));
        assertTrue(lines.get(3).contains(rotated.group(1)), "the old key is the demo's master key: " + lines.get(3));
        assertTrue(lines.get(9).matches(" 9\\. \\[ *\\d+ ms] Envelope message\\.env made before the rotation still"
                + " decrypts \\(header names " + rotated.group(1) + "\\); rewrap moved it to " + rotated.group(2)
                + ": header \\d+ -> \\d+ bytes rewritten, body \\d+ bytes unchanged byte for byte\\."), lines.get(9));
        assertTrue(lines.get(10).endsWith("Server stopped and its temporary files removed."), lines.get(10));
        assertTrue(lines.get(11).matches("Demo passed: 10 steps in \\d+\\.\\d s\\."), lines.get(11));
        assertFalse(Files.exists(workDir(r.out())), "removed");
        assertEquals("", r.err(), "the server's log stays quiet");
    }

    @Test
    void keep_keepsTheDirectoryWithTheFiles() throws Exception {
        MainTest.Run r = MainTest.run("demo", "--keep");

        assertEquals(0, r.code(), r.toString());
        Path dir = workDir(r.out());
        try {
            assertTrue(r.out().contains("files kept in " + dir), r.out());
            assertTrue(Files.isRegularFile(dir.resolve("server/client.kmip")));
            assertEquals(1 + 12 + 32 + 16, Files.size(dir.resolve(DemoSteps.WRAPPED_KEY_FILE)), "iv length, iv, key, tag");
            assertEquals(12 + DemoSteps.MESSAGE.length() + 16, Files.size(dir.resolve(DemoSteps.MESSAGE_FILE)));
            assertTrue(Files.readString(dir.resolve("server/" + DemoRotation.KEYSTORE_FILE)).contains("kmipjca.history.0="));
            assertTrue(Files.isRegularFile(dir.resolve(DemoRotation.ENVELOPE_FILE)));
        } finally {
            new DemoContext(dir, false).delete();
        }
    }

    @Test
    void aFailingStep_stopsTheStory_butTheClosingStepsRun() throws Exception {
        List<String> ran = new ArrayList<>();
        List<Demo.Step> steps = List.of(new Demo.Step("first", c -> {
            ran.add("first");
            return "first done";
        }), new Demo.Step("second", c -> {
            throw new CommandFailure("check failed: something");
        }), new Demo.Step("third", c -> {
            ran.add("third");
            return "never";
        }));
        List<Demo.Step> closing = List.of(new Demo.Step("clean up", c -> {
            ran.add("clean up");
            c.delete();
            return "cleaned";
        }));
        Path dir = Files.createDirectory(tmp.resolve("demo"));
        StringWriter out = new StringWriter();

        int code = Demo.run(steps, closing, new DemoContext(dir, false), new PrintWriter(out), false);

        assertEquals(1, code);
        assertEquals(List.of("first", "clean up"), ran);
        assertTrue(Pattern.compile(" 2\\. \\[ *\\d+ ms\\] FAILED: second: check failed: something\n").matcher(out.toString()).find(),
                out.toString());
        assertTrue(out.toString().contains(" 3. ["), "the closing step is numbered next: " + out);
        assertTrue(out.toString().contains("Demo FAILED at step \"second\""), out.toString());
        assertFalse(Files.exists(dir));
    }

    private static Path workDir(String out) {
        Matcher m = DIR.matcher(out);
        assertTrue(m.find(), out);
        return Path.of(m.group(1));
    }
}
