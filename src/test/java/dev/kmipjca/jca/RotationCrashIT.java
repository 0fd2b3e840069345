package dev.kmipjca.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.KmipKeyStoreParameter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of rotation: a child JVM rotates a keystore file in a loop (after a first rotation) (re-wrap and new keystore key
 * alternately) and is killed ({@code destroyForcibly}) at a random moment, {@code kmipjca.crashTrials}
 * times (100), or as many as fit in 55 s. After every kill the file loads, under the old or a new master key, with every entry.
 */
class RotationCrashIT {
    static final int ENTRIES = 5;
    @TempDir
    static Path dir;
    static DevServerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = DevServerFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static String childErr() {
        try {
            return java.nio.file.Files.readString(dir.resolve("child.err"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    static byte[] value(int i) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) (i + 1));
        return b;
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
        Path testClasses = Path.of(RotateLoopChild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> cmd = Child.list(Child.tool("java"), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp",
                Child.JAR + java.io.File.pathSeparator + testClasses, RotateLoopChild.class.getName(), file.toString());
        int trials = Integer.getInteger("kmipjca.crashTrials", 100);
        Random random = new Random();
        Set<String> masters = new HashSet<>();
        long deadline = System.nanoTime() + 55_000_000_000L; // each trial starts a JVM: about 1 s on 2 cores
        int done = 0;
        for (; done < trials && System.nanoTime() < deadline; done++) {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(dir.resolve("child.err").toFile())
                    .start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                String said = out.readLine();
                assertEquals("go", said, () -> "the child's first rotation failed: " + childErr());
                Thread.sleep(random.nextInt(301));
            } finally {
                p.destroyForcibly();
                p.waitFor();
            }
            KeyStore after = fx.keyStore();
            after.load(new KmipKeyStoreParameter(file, null));
            List<String> now = new ArrayList<>(Collections.list(after.aliases()));
            Collections.sort(now);
            assertEquals(aliases, now, "trial " + done);
            for (int i = 0; i < ENTRIES; i++) {
                assertArrayEquals(value(i), after.getKey("entry-" + i, null).getEncoded(), "trial " + done + " entry " + i);
            }
            masters.add(((KmipKey) after.getKey("kmip:master", null)).uniqueIdentifier());
        }
        System.out.println("RotationCrashIT: " + done + " kills, " + masters.size() + " master keys seen");
        assertTrue(done >= Math.min(trials, 10), "only " + done + " trials in the time allowed");
        assertTrue(masters.size() > done / 2, "the kills came at different points: " + masters.size()
                + " master keys seen in " + done + " trials");
    }
}
