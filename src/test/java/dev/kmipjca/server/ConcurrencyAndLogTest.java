package dev.kmipjca.server;

import static dev.kmipjca.server.Kmip.V1_4;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.protocol.Activate;
import dev.kmipjca.protocol.BlockCipherMode;
import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.CryptographicParameters;
import dev.kmipjca.protocol.Decrypt;
import dev.kmipjca.protocol.Encrypt;
import dev.kmipjca.protocol.ResponseBatchItem;
import dev.kmipjca.protocol.UniqueId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several clients at once, and the request log's content. */
class ConcurrencyAndLogTest {
    @TempDir
    static Path dir;
    static DevServer server;

    @BeforeAll
    static void start() throws IOException {
        server = Kmip.start(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void parallelClients_createAndUseKeysWithoutInterference() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                work.add(() -> {
                    int done = 0;
                    try (TestClient c = TestClient.connect(server)) {
                        for (int i = 0; i < 8; i++) {
                            String uid = Kmip.activeKey(c, V1_4);
                            CryptographicParameters p = CryptographicParameters.builder()
                                    .blockCipherMode(BlockCipherMode.GCM).build();
                            byte[] plain = ("message " + i).getBytes();
                            Encrypt.Response e = c.ok(V1_4, Encrypt.Request.of(UniqueId.of(uid), p, Bytes.of(plain), null,
                                    null), Encrypt.Response.class);
                            Decrypt.Response d = c.ok(V1_4, Decrypt.Request.of(UniqueId.of(uid), p, e.data(),
                                    e.ivCounterNonce(), null, e.tag()), Decrypt.Response.class);
                            assertArrayEquals(plain, d.data().toByteArray());
                            done++;
                        }
                    }
                    return done;
                });
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(work, 60, TimeUnit.SECONDS)) {
                total += f.get();
            }
            assertEquals(48, total);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentActivations_ofOneKey_exactlyOneSucceeds() throws Exception {
        String uid;
        try (TestClient c = TestClient.connect(server)) {
            uid = Kmip.create(c, V1_4, 128, Kmip.KEK_MASK);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger ok = new AtomicInteger();
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                work.add(() -> {
                    try (TestClient c = TestClient.connect(server)) {
                        ResponseBatchItem r = c.call(V1_4, Activate.Request.of(uid));
                        if (r.isSuccess()) {
                            ok.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(work, 60, TimeUnit.SECONDS)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, ok.get());
    }

    @Test
    void requestLog_namesOperationIdentityUidAndResult_neverKeyBytes() throws IOException {
        List<String> lines = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(r.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger("dev.kmipjca.server");
        Level before = log.getLevel();
        log.setLevel(Level.INFO);
        log.addHandler(h);
        try (TestClient c = TestClient.connect(server)) {
            String uid = Kmip.activeKey(c, V1_4);
            byte[] key = Kmip.keyBytes(c, V1_4, uid);
            c.ok(V1_4, Encrypt.Request.of(UniqueId.of(uid), CryptographicParameters.builder()
                    .blockCipherMode(BlockCipherMode.CBC).build(), Bytes.of(key), null, null), Encrypt.Response.class);
            c.call(V1_4, Activate.Request.of("missing"));
            String all = String.join("\n", lines);
            assertTrue(all.contains("KMIP 1.4 kmip-client: Create uid=" + uid + " -> Success"), all);
            assertTrue(all.contains("KMIP 1.4 kmip-client: Get uid=" + uid + " -> Success"), all);
            assertTrue(all.contains("Activate -> Item Not Found"), all);
            String hex = HexFormat.of().formatHex(key);
            assertFalse(all.toLowerCase().contains(hex), "key bytes in the log");
            assertEquals(5, lines.size(), all);
        } finally {
            log.removeHandler(h);
            log.setLevel(before);
        }
    }
}
