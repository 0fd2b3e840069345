package dev.kmipjca.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's JFR events cost nothing when nobody records: creating the first {@code jdk.jfr.Event}
 * in a JVM (or only loading an event class) starts JFR's machinery, 300-500 ms that a command-line run
 * cannot afford, so events are created only once JFR is initialised. The demo from the jar (every layer:
 * KMIP round trips, bulk-provider choice, envelopes, master-key states) loads no {@code jdk.jfr.internal}
 * class without a recording, and with {@code -XX:StartFlightRecording} its round trips and bulk-provider
 * choice are recorded.
 */
class JfrStartupJarIT {
    @TempDir
    Path dir;

    private String demo(String... jvmFlags) throws Exception {
        String jar = System.getProperty("kmipjca.jar", "target/kmip-jca.jar");
        assertTrue(Files.isRegularFile(Path.of(jar)), "no jar at " + jar + "; run mvn package first");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(jvmFlags));
        cmd.addAll(List.of("-Djava.io.tmpdir=" + dir, "-jar", jar, "demo"));
        Path out = dir.resolve("stdout.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectErrorStream(false)
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the demo did not finish within 120 s");
            String text = Files.readString(out, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), text + Files.readString(dir.resolve("stderr.txt")));
            return text;
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void withoutARecording_theDemoLoadsNoJfrMachinery() throws Exception {
        Path classes = dir.resolve("classes.log");
        demo("-Xlog:class+load=info:file=" + classes);
        List<String> loaded = Files.readAllLines(classes);
        assertTrue(loaded.stream().anyMatch(l -> l.contains("dev.kmipjca.client.KmipClient ")), "the log lists our classes");
        List<String> jfr = loaded.stream().filter(l -> l.contains(" jdk.jfr.internal.") || l.contains(" jdk.jfr.Event ")
                || l.contains("Event source: ") && l.contains("dev.kmipjca")).toList();
        assertEquals(List.of(), jfr, "JFR classes loaded without a recording");
    }

    @Test
    void withARecording_roundTripsAndTheBulkProviderAreRecorded() throws Exception {
        Path recording = dir.resolve("demo.jfr");
        demo("-XX:StartFlightRecording:filename=" + recording + ",settings=default");
        Set<String> names = RecordingFile.readAllEvents(recording).stream().map(RecordedEvent::getEventType)
                .map(t -> t.getName()).filter(n -> n.startsWith("dev.kmipjca.")).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("dev.kmipjca.RoundTrip", "dev.kmipjca.BulkProvider")), names.toString());
    }
}
