package dev.kmipjca.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.protocol.AttributeKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {
    private static final int THREADS = 16;
    private static final int CALLS_PER_THREAD = 250;

    @TempDir
    Path dir;

    @Test
    void sixteenThreadsSharingOneClient_eachGetTheAnswerToTheirOwnRequest() throws Exception {
        try (Harness h = Harness.start(dir, b -> b.protocolVersionMin("2.0").protocolVersionMax("2.0").poolSize(4))) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    results.add(pool.submit(() -> work(h.client, thread)));
                }
                int done = 0;
                for (Future<Integer> f : results) {
                    done += f.get(120, TimeUnit.SECONDS);
                }
                assertEquals(THREADS * CALLS_PER_THREAD, done);
            } finally {
                pool.shutdownNow();
                assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
            }
            assertEquals(THREADS * CALLS_PER_THREAD, h.client.roundTrips());
            assertEquals(THREADS * CALLS_PER_THREAD, h.server.requests.size());
            assertTrue(h.server.connections.get() <= 4, "at most kmip.poolSize connections: " + h.server.connections.get());
        }
    }

    /** Alternates Get (whose key bytes are derived from the identifier asked for) and Get Attributes. */
    private static int work(KmipClient client, int thread) throws Exception {
        for (int i = 0; i < CALLS_PER_THREAD; i++) {
            String uid = "t" + thread + "-" + i;
            if (i % 2 == 0) {
                try (RetrievedObject o = client.get(uid)) {
                    assertEquals(uid, o.uniqueIdentifier());
                    byte[] key = o.material().toByteArray();
                    assertArrayEquals(FakeKmip.keyOf(uid), key);
                    Arrays.fill(key, (byte) 0);
                }
            } else {
                assertEquals(256, client.getAttributes(uid).get(AttributeKey.CRYPTOGRAPHIC_LENGTH));
            }
        }
        return CALLS_PER_THREAD;
    }
}
