package dev.kmipjca.envelope;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

class JitPrimerTest {
    @Test
    void prime_stopsWithinItsBudget() throws Exception {
        long start = System.nanoTime();
        JitPrimer.prime(Cipher.getInstance("AES/GCM/NoPadding", "SunJCE"), 50_000_000L);
        long took = System.nanoTime() - start;
        assertTrue(took < 2_000_000_000L, "budget 50 ms, took " + took / 1_000_000 + " ms");
    }

    @Test
    void largePieces_triggerPrimingOncePerJvm() throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        for (long seen = 0; seen <= JitPrimer.TRIGGER_BYTES; seen += JitPrimer.LARGE_BYTES) {
            JitPrimer.beforeLarge(JitPrimer.LARGE_BYTES, c);
        }
        assertTrue(JitPrimer.done());
        JitPrimer.beforeLarge(JitPrimer.LARGE_BYTES, c); // a no-op now
    }
}
