package dev.kmipjca.jca;

import dev.kmipjca.KmipRotation;
import dev.kmipjca.config.RetireOldMasterKey;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child JVM for {@link RotationCrashIT}. {@code RotateLoopChild FILE SCRATCH}: warms up by rotating
 * SCRATCH (a copy of FILE that nobody checks) once, which loads and links the classes a rotation needs;
 * says "ready"; waits for a line on standard input;
 * says "go" and rotates FILE in a loop (re-wrap and new keystore key alternately) until it is killed,
 * so that the kill lands at a random point of a hot rotation loop rather than in JVM start-up.
 * {@code RotateLoopChild --train SCRATCH} only warms up and exits (to record a class-data archive).
 */
public final class RotateLoopChild {
    private RotateLoopChild() {
    }

    public static void main(String[] args) throws Exception {
        boolean train = args[0].equals("--train");
        Path scratch = Path.of(args[1]);
        KmipRotation.rotate(scratch, null, new KmipRotation.Options(RetireOldMasterKey.KEEP, true));
        Files.deleteIfExists(scratch);
        if (train) {
            return;
        }
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        System.out.println("go");
        System.out.flush();
        Path file = Path.of(args[0]);
        for (int i = 0; ; i++) {
            KmipRotation.rotate(file, null, new KmipRotation.Options(RetireOldMasterKey.KEEP, i % 2 == 1));
        }
    }
}
