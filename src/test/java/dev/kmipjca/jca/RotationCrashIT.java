package dev.kmipjca.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.KmipKeyStoreParameter;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Link;
import dev.kmipjca.protocol.LinkType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of rotation: a child JVM ({@link RotateLoopChild}) rotates a small keystore file in a
 * hot loop (re-wrap and new keystore key alternately) and is killed ({@code destroyForcibly}) at a
 * random moment, {@code kmipjca.crashTrials} times (100). After every kill the file loads, under the
 * old master key or one rotated from it (followed through Re-key's Replaced Object links), with every
 * entry and its value.
 *
 * <p>Kills are cheap because start-up is taken out of the trial: one development server serves every
 * trial; the children share a class-data archive recorded once by a training run; and the next
 * children start and warm up (classes, a rotation of a scratch copy) while the current one is rotating,
 * so each trial costs about its random delay (0 to {@value #MAX_DELAY_MS} ms) plus the check.
 */
class RotationCrashIT {
    static final int ENTRIES = 3;
    static final long DEADLINE_NANOS = 150_000_000_000L;
    /** Children warming up while one rotates: a start costs about 0.8 s of CPU and 1.5 s of wall time. */
    static final int SPARES = 2;
    /** A warm rotation takes about 0.2 s (a new connection, a load, Re-key, Encrypt, two fsyncs), so this spans several. */
    static final int MAX_DELAY_MS = 500;
    @TempDir
    static Path dir;
    static DevServerFixture fx;
    static final AtomicInteger CHILDREN = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        fx = DevServerFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static byte[] value(int i) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) (i + 1));
        return b;
    }

    /** A started child and its output. */
    record Running(Process process, BufferedReader out, Path err) {
        /** Waits for {@code line}; fails with the child's standard error if it says something else. */
        void expect(String line) throws IOException {
            String said = out.readLine();
            assertEquals(line, said, () -> "the child did not say " + line + ": " + read(err));
        }
    }

    static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The child's class in a jar of its own: a class-data archive takes jars only, no directories. */
    static synchronized Path childJar() throws Exception {
        Path jar = dir.resolve("rotate-child.jar");
        if (!Files.exists(jar)) {
            String entry = RotateLoopChild.class.getName().replace('.', '/') + ".class";
            try (var in = RotateLoopChild.class.getClassLoader().getResourceAsStream(entry);
                 var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
                out.putNextEntry(new java.util.jar.JarEntry(entry));
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return jar;
    }

    static List<String> command(Path archive, String... args) throws Exception {
        List<String> cmd = Child.list(Child.tool("java"), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-XX:-UsePerfData", "-Xss512k");
        if (archive != null) {
            cmd.add((Files.exists(archive) ? "-XX:SharedArchiveFile=" : "-XX:ArchiveClassesAtExit=") + archive);
        }
        cmd.addAll(List.of("-cp", Child.JAR + java.io.File.pathSeparator + childJar(), RotateLoopChild.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** A child that warms up on its own scratch copy of {@code template}, then waits for a line to rotate {@code file}. */
    static Running child(Path archive, Path file, Path template) throws Exception {
        int n = CHILDREN.incrementAndGet();
        Path scratch = Files.copy(template, dir.resolve("scratch-" + n + ".kmip"));
        Path err = dir.resolve("child-" + n + ".err");
        Process p = new ProcessBuilder(command(archive, file.toString(), scratch.toString())).directory(dir.toFile())
                .redirectError(err.toFile()).start();
        return new Running(p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)), err);
    }

    /** Records the class-data archive the children share; null (no archive) when the JVM cannot. */
    static Path train(Path template) throws Exception {
        Path archive = dir.resolve("rotate-child.jsa");
        Path scratch = Files.copy(template, dir.resolve("scratch-train.kmip"));
        Child.Result r = Child.run(dir, "", command(archive, "--train", scratch.toString()));
        if (r.exit() != 0 || !Files.exists(archive)) {
            System.out.println("RotationCrashIT: no class-data archive, children start without one: " + r);
            return null;
        }
        return archive;
    }

    /**
     * How many rotations lead from master key {@code before} to {@code after}, following the Replaced
     * Object links that Re-key sets; -1 when {@code after} does not descend from {@code before}.
     */
    static int rotationsBetween(String before, String after) throws Exception {
        String k = after;
        for (int n = 0; n < 1000; n++) {
            if (k.equals(before)) {
                return n;
            }
            Link replaced = fx.client().getAttributes(k).getAll(AttributeKey.LINK).stream()
                    .filter(l -> l.type().equals(LinkType.REPLACED_OBJECT_LINK)).findFirst().orElse(null);
            if (replaced == null) {
                return -1;
            }
            k = replaced.linkedObjectIdentifier().toString();
        }
        return -1;
    }

    @Test
    void killedDuringRotation_atRandomPoints_fileAlwaysLoadsWithEveryEntry() throws Exception {
        Path file = fx.newKeystoreFile();
        KeyStore ks = fx.keyStore();
        ks.load(new KmipKeyStoreParameter(file, null));
        for (int i = 0; i < ENTRIES; i++) {
            ks.setKeyEntry("entry-" + i, new SecretKeySpec(value(i), "AES"), null, null);
        }
        ks.store(null);
        List<String> aliases = new ArrayList<>(Collections.list(ks.aliases()));
        Collections.sort(aliases);
        Path template = Files.copy(file, dir.resolve("template.kmip"));
        long start = System.nanoTime();
        Path archive = train(template);
        long trained = System.nanoTime();

        int trials = Integer.getInteger("kmipjca.crashTrials", 100);
        Random random = new Random();
        String previous = ((KmipKey) ks.getKey("kmip:master", null)).uniqueIdentifier();
        int unchanged = 0;
        int completed = 0;
        int done = 0;
        java.util.ArrayDeque<Running> spares = new java.util.ArrayDeque<>();
        for (int i = 0; i < SPARES; i++) {
            spares.add(child(archive, file, template));
        }
        try {
            for (; done < trials && System.nanoTime() - start < DEADLINE_NANOS; done++) {
                Running active = spares.remove();
                active.expect("ready");
                spares.add(child(archive, file, template));
                try {
                    active.process().getOutputStream().write('\n');
                    active.process().getOutputStream().flush();
                    active.expect("go");
                    Thread.sleep(random.nextInt(MAX_DELAY_MS + 1));
                } finally {
                    active.process().destroyForcibly();
                    active.process().waitFor();
                }
                KeyStore after = fx.keyStore();
                after.load(new KmipKeyStoreParameter(file, null));
                List<String> now = new ArrayList<>(Collections.list(after.aliases()));
                Collections.sort(now);
                assertEquals(aliases, now, "trial " + done);
                for (int i = 0; i < ENTRIES; i++) {
                    assertArrayEquals(value(i), after.getKey("entry-" + i, null).getEncoded(), "trial " + done + " entry " + i);
                }
                String master = ((KmipKey) after.getKey("kmip:master", null)).uniqueIdentifier();
                int rotations = rotationsBetween(previous, master);
                assertTrue(rotations >= 0, "trial " + done + ": the file's master key " + master
                        + " is neither the old one, " + previous + ", nor one rotated from it");
                if (rotations == 0) {
                    unchanged++;
                }
                completed += rotations;
                previous = master;
            }
        } finally {
            spares.forEach(r -> Child.stop(r.process()));
        }
        System.out.printf("RotationCrashIT: %d kills in %.1f s (training %.1f s, class-data archive %s); %d rotations"
                + " completed in all, %d kills before the first one completed%n", done, (System.nanoTime() - trained) / 1e9,
                (trained - start) / 1e9, archive == null ? "unavailable" : "shared", completed, unchanged);
        assertEquals(trials, done, "trials in the " + DEADLINE_NANOS / 1_000_000_000L + " s allowed");
        assertTrue(unchanged > 0 && unchanged < done, "the kills came at different points: " + unchanged + " of "
                + done + " before the first rotation completed, " + completed + " rotations completed");
    }
}
