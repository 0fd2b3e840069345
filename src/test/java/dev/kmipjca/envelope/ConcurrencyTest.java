package dev.kmipjca.envelope;

import static dev.kmipjca.envelope.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One envelope shared by 8 threads: every message round-trips, and the key service is called as the limits say. */
class ConcurrencyTest {
    private static final int THREADS = 8;
    private final InMemoryKeyWrapService service = new InMemoryKeyWrapService(MASTER);

    private interface Work {
        void run(int thread, Random random) throws Exception;
    }

    private static void onThreads(int iterations, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    Random random = new Random(thread);
                    start.await();
                    for (int i = 0; i < iterations; i++) {
                        work.run(thread, random);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void roundTrip(Envelope e, Random random) throws Exception {
        byte[] plaintext = bytes(random.nextInt(3000), random.nextLong());
        byte[] aad = random.nextBoolean() ? null : bytes(5, random.nextLong());
        byte[] env = random.nextBoolean() ? e.encrypt(plaintext, aad) : streamEncrypt(e, plaintext, aad, 700);
        assertArrayEquals(plaintext, random.nextBoolean() ? e.decrypt(env, aad) : streamDecrypt(e, env, aad, 500));
    }

    @Test
    void eightThreads_shareOneEnvelopeWithoutKeyServiceCallsInSteadyState() throws Exception {
        try (Envelope e = Envelope.builder(service).masterKeyId(MASTER).segmentSizeBytes(1024).build()) {
            e.encrypt(new byte[1], null);
            assertEquals(1, service.calls());
            onThreads(1500, (t, r) -> roundTrip(e, r));
            assertEquals(1, service.wraps.get());
            assertEquals(0, service.unwraps.get());
        }
    }

    @Test
    void keysReplacedWhileOtherThreadsUseThem_neverCorruptAMessage() throws Exception {
        try (Envelope e = Envelope.builder(service).masterKeyId(MASTER).segmentSizeBytes(256)
                .dataKeyMaxMessages(20).dataKeyCacheSize(3).build()) {
            onThreads(1000, (t, r) -> roundTrip(e, r));
            int messages = THREADS * 1000;
            assertTrue(service.wraps.get() >= messages / 20, "a new key at least every 20 messages: " + service.wraps);
        }
        service.keyArrays.forEach(k -> assertArrayEquals(new byte[32], k, "every key zeroed after close"));
    }

    @Test
    void readersOfManyKeys_throughASmallCache_decryptEverything() throws Exception {
        List<byte[]> envs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            try (Envelope w = Envelope.builder(service).masterKeyId(MASTER).build()) {
                envs.add(w.encrypt(bytes(100, i), null));
            }
        }
        try (Envelope reader = Envelope.builder(service).dataKeyCacheSize(4).build()) {
            onThreads(500, (t, r) -> {
                int i = r.nextInt(envs.size());
                assertArrayEquals(bytes(100, i), reader.decrypt(envs.get(i), null));
            });
            assertTrue(reader.decryptKeys.size() <= 4);
        }
    }
}
