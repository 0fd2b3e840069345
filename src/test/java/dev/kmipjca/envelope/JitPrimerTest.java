package dev.kmipjca.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.config.BulkProvider;
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

    @Test
    void oneLongStream_countsEverySegmentTowardsThePriming_bothWays() throws Exception {
        InMemoryKeyWrapService service = new InMemoryKeyWrapService(Fixtures.MASTER);
        try (Envelope e = Envelope.builder(service).masterKeyId(Fixtures.MASTER).bulkProvider(BulkProvider.SUNJCE).build()) {
            int s = e.segmentSizeBytes();
            byte[] plain = Fixtures.bytes(40 * s + 5, 40);
            byte[] sealed = Fixtures.streamEncrypt(e, plain, null, 1 << 20);
            // 40 full segments; the final one (5 bytes) is too small to count
            assertEquals(40L * s, e.ciphers.counted(), "encryption");
            assertArrayEquals(plain, Fixtures.streamDecrypt(e, sealed, null, 1 << 20));
            // decryption counts what goes through the cipher: each segment's ciphertext and its 16-byte tag
            assertEquals(40L * s + 40L * (s + 16), e.ciphers.counted(), "encryption and decryption");
        }
    }

    @Test
    void accp_countsNothing() throws Exception {
        AccpPlatform.assumeAccpUsableUnlessRequired();
        InMemoryKeyWrapService service = new InMemoryKeyWrapService(Fixtures.MASTER);
        try (Envelope e = Envelope.builder(service).masterKeyId(Fixtures.MASTER).bulkProvider(BulkProvider.ACCP).build()) {
            Fixtures.streamEncrypt(e, new byte[10 * e.segmentSizeBytes()], null, 1 << 20);
            assertEquals(0, e.ciphers.counted());
        }
    }
}
