package dev.kmipjca.envelope;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

class JitPrimerTest {
    @Test
    void prime_runsItsTinyOperationsUnderAThrowawayKey() throws Exception {
        JitPrimer.prime(Cipher.getInstance("AES/GCM/NoPadding", "SunJCE"));
    }

    @Test
    void firstLargePieceWithSunJce_primesOncePerJvm() throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        JitPrimer.beforeLarge(JitPrimer.LARGE_BYTES, c);
        assertTrue(JitPrimer.done());
        JitPrimer.beforeLarge(JitPrimer.LARGE_BYTES, c); // a no-op now
    }
}
