package dev.kmipjca.jca;

import dev.kmipjca.KmipRotation;
import dev.kmipjca.config.RetireOldMasterKey;
import java.nio.file.Path;

/**
 * A child JVM for {@link RotationCrashIT}: rotates the keystore file once, says "go", then keeps rotating
 * until it is killed (so that kills land inside the rotation loop, not in JVM start-up).
 */
public final class RotateLoopChild {
    private RotateLoopChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        for (int i = 0; ; i++) {
            KmipRotation.rotate(file, null, new KmipRotation.Options(RetireOldMasterKey.KEEP, i % 2 == 1));
            if (i == 0) {
                System.out.println("go");
                System.out.flush();
            }
        }
    }
}
