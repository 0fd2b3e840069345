package dev.kmipjca.envelope;

import static dev.kmipjca.envelope.Fixtures.MASTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Single-shot nonces are counted per data key (docs/envelope-format.md, "Single-shot nonces"). */
class SingleShotNonceTest {
    private final InMemoryKeyWrapService service = new InMemoryKeyWrapService(MASTER);

    private static byte[] nonceOf(byte[] envelope) {
        return Arrays.copyOfRange(envelope, Layout.OFF_NONCE, Layout.OFF_NONCE + Layout.NONCE_BYTES);
    }

    @Test
    void messagesOfOneDataKey_haveTheMaskXorTheirNumber() throws Exception {
        try (Envelope e = Envelope.builder(service).masterKeyId(MASTER).build()) {
            byte[] first = nonceOf(e.encrypt(new byte[10], null));
            for (long m = 2; m <= 300; m++) {
                byte[] n = nonceOf(e.encrypt(new byte[10], null));
                assertEquals(0, ByteBuffer.wrap(first).getInt() ^ ByteBuffer.wrap(n).getInt(), "the first 4 bytes stay the mask's");
                assertEquals(1 ^ m, ByteBuffer.wrap(first).getLong(4) ^ ByteBuffer.wrap(n).getLong(4), "message " + m);
            }
            assertEquals(1, service.wraps.get());
        }
    }

    @Test
    void aNewDataKey_hasANewMask() throws Exception {
        try (Envelope e = Envelope.builder(service).masterKeyId(MASTER).dataKeyMaxMessages(2).build()) {
            byte[] a = nonceOf(e.encrypt(new byte[1], null));
            e.encrypt(new byte[1], null);
            byte[] c = nonceOf(e.encrypt(new byte[1], null)); // message 1 of the second data key
            assertEquals(2, service.wraps.get());
            assertNotEquals(Arrays.toString(a), Arrays.toString(c));
        }
    }

    @Test
    void eightThreads_neverShareANonce_andEveryMessageDecrypts() throws Exception {
        try (Envelope e = Envelope.builder(service).masterKeyId(MASTER).build()) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<List<byte[]>>> parts = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                byte[] plain = {(byte) t};
                parts.add(pool.submit(() -> {
                    List<byte[]> out = new ArrayList<>();
                    for (int i = 0; i < 2000; i++) {
                        out.add(e.encrypt(plain, null));
                    }
                    return out;
                }));
            }
            Set<String> nonces = new HashSet<>();
            for (int t = 0; t < 8; t++) {
                for (byte[] env : parts.get(t).get()) {
                    nonces.add(Arrays.toString(nonceOf(env)));
                    assertEquals(t, e.decrypt(env, null)[0]);
                }
            }
            pool.shutdown();
            assertEquals(16_000, nonces.size());
            assertEquals(1, service.wraps.get());
        }
    }
}
