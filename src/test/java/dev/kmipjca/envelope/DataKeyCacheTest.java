package dev.kmipjca.envelope;

import static dev.kmipjca.envelope.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.config.KmipSettings;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The data-key limits on both sides, and zeroing. Keys are observed through the arrays the key service saw. */
class DataKeyCacheTest {
    private static final long SECOND = 1_000_000_000L;
    private final InMemoryKeyWrapService service = new InMemoryKeyWrapService(MASTER);
    private final AtomicLong now = new AtomicLong(1_000 * SECOND);

    private EnvelopeBuilder builder() {
        return Envelope.builder(service).masterKeyId(MASTER).clock(now::get);
    }

    private static String keyOf(byte[] env) throws Exception {
        return EnvelopeHeader.parse(env).wrappedKey().toString() + Arrays.toString(EnvelopeHeader.parse(env)
                .wrappedKey().ciphertext());
    }

    private static boolean zeroed(byte[] key) {
        return Arrays.equals(key, new byte[key.length]);
    }

    @Test
    void messageLimit_theNPlusFirstMessageUsesANewDataKey() throws Exception {
        try (Envelope e = builder().dataKeyMaxMessages(3).build()) {
            String first = keyOf(e.encrypt(bytes(10, 1), null));
            assertEquals(first, keyOf(e.encrypt(bytes(10, 1), null)));
            assertEquals(first, keyOf(e.encrypt(bytes(10, 1), null)));
            assertEquals(1, service.wraps.get());
            byte[] fourth = e.encrypt(bytes(10, 1), null);
            assertNotEquals(first, keyOf(fourth));
            assertEquals(2, service.wraps.get());
            assertTrue(zeroed(service.keyArrays.get(0)), "the replaced key is zeroed");
            assertFalse(zeroed(service.keyArrays.get(1)), "the current key is not");
            streamEncrypt(e, bytes(10_000, 1), null, 100); // a stream is one message
            e.encrypt(bytes(10, 1), null);
            assertEquals(2, service.wraps.get());
            e.encrypt(bytes(10, 1), null);
            assertEquals(3, service.wraps.get());
        }
    }

    @Test
    void ageLimit_replacesTheKeyAtItsMaximumAge() throws Exception {
        try (Envelope e = builder().dataKeyMaxAge(Duration.ofSeconds(10)).build()) {
            String first = keyOf(e.encrypt(bytes(10, 1), null));
            now.addAndGet(10 * SECOND - 1);
            assertEquals(first, keyOf(e.encrypt(bytes(10, 1), null)));
            now.addAndGet(1);
            assertNotEquals(first, keyOf(e.encrypt(bytes(10, 1), null)));
            assertEquals(2, service.wraps.get());
            assertTrue(zeroed(service.keyArrays.get(0)));
        }
    }

    @Test
    void expiredEncryptionKey_isZeroedByDecryptionToo() throws Exception {
        try (Envelope e = builder().dataKeyMaxAge(Duration.ofSeconds(10)).build()) {
            byte[] env = e.encrypt(bytes(10, 1), null);
            now.addAndGet(11 * SECOND);
            assertFalse(zeroed(service.keyArrays.get(0)));
            e.decrypt(env, null);
            assertTrue(zeroed(service.keyArrays.get(0)), "no encryption needed to drop the expired key");
            assertEquals(1, service.wraps.get());
        }
    }

    @Test
    void byteLimit_countsPlaintextBytesAndGivesAnOversizedMessageItsOwnKey() throws Exception {
        try (Envelope e = builder().dataKeyMaxBytes(1000).build()) {
            String a = keyOf(e.encrypt(new byte[600], null));
            assertEquals(a, keyOf(e.encrypt(new byte[400], null)), "exactly at the limit");
            String b = keyOf(e.encrypt(new byte[1], null));
            assertNotEquals(a, b);
            String c = keyOf(e.encrypt(new byte[5000], null));
            assertNotEquals(b, c, "over the limit: a fresh key of its own");
            String d = keyOf(e.encrypt(new byte[1], null));
            assertNotEquals(c, d);
            assertEquals(4, service.wraps.get());
            try (OutputStream out = e.encryptingStream(OutputStream.nullOutputStream(), null)) {
                out.write(new byte[2000]); // streams count their bytes as they are written
            }
            assertNotEquals(d, keyOf(e.encrypt(new byte[1], null)));
            assertEquals(5, service.wraps.get());
        }
    }

    @Test
    void decryptCache_holdsAtMostItsSizeAndEvictsTheOldest() throws Exception {
        byte[][] envs = new byte[3][];
        for (int i = 0; i < 3; i++) {
            try (Envelope writer = builder().build()) {
                envs[i] = writer.encrypt(bytes(10, i), null);
            }
        }
        service.keyArrays.clear();
        try (Envelope reader = Envelope.builder(service).dataKeyCacheSize(2).clock(now::get).build()) {
            reader.decrypt(envs[0], null);
            reader.decrypt(envs[1], null);
            assertEquals(2, service.unwraps.get());
            reader.decrypt(envs[0], null);
            reader.decrypt(envs[1], null);
            assertEquals(2, service.unwraps.get(), "both cached");
            reader.decrypt(envs[2], null);
            assertEquals(3, service.unwraps.get());
            assertEquals(2, reader.decryptKeys.size());
            assertTrue(zeroed(service.keyArrays.get(0)), "the oldest was evicted and zeroed");
            assertFalse(zeroed(service.keyArrays.get(1)));
            reader.decrypt(envs[1], null);
            assertEquals(3, service.unwraps.get());
            reader.decrypt(envs[0], null);
            assertEquals(4, service.unwraps.get());
        }
        for (byte[] k : service.keyArrays) {
            assertTrue(zeroed(k), "close zeroes every cached key");
        }
    }

    @Test
    void decryptCache_dropsKeysAtTheirMaximumAge() throws Exception {
        byte[] env;
        try (Envelope writer = builder().build()) {
            env = writer.encrypt(bytes(10, 1), null);
        }
        service.keyArrays.clear();
        try (Envelope reader = Envelope.builder(service).dataKeyCacheMaxAge(Duration.ofSeconds(5)).clock(now::get).build()) {
            reader.decrypt(env, null);
            now.addAndGet(5 * SECOND - 1);
            reader.decrypt(env, null);
            assertEquals(1, service.unwraps.get());
            now.addAndGet(1);
            reader.decrypt(env, null);
            assertEquals(2, service.unwraps.get());
            assertTrue(zeroed(service.keyArrays.get(0)));
            assertFalse(zeroed(service.keyArrays.get(1)));
        }
    }

    @Test
    void cacheSizeZero_unwrapsEveryTimeAndZeroesAfterUse() throws Exception {
        try (Envelope e = builder().dataKeyCacheSize(0).build()) {
            byte[] env = e.encrypt(bytes(10, 1), null);
            service.keyArrays.clear();
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(bytes(10, 1), e.decrypt(env, null));
            }
            assertEquals(3, service.unwraps.get());
            assertEquals(3, service.keyArrays.size());
            service.keyArrays.forEach(k -> assertTrue(zeroed(k)));
        }
    }

    @Test
    void steadyState_encryptsAndDecryptsWithoutCallingTheKeyService() throws Exception {
        try (Envelope e = builder().build(); Envelope reader = Envelope.builder(service).build()) {
            for (int i = 0; i < 1000; i++) {
                byte[] env = i % 2 == 0 ? e.encrypt(bytes(100, i), null) : streamEncrypt(e, bytes(100, i), null, 10);
                assertArrayEquals(bytes(100, i), e.decrypt(env, null));
                assertArrayEquals(bytes(100, i), reader.decrypt(env, null));
            }
            assertEquals(1, service.wraps.get(), "one data key");
            assertEquals(1, service.unwraps.get(), "the writer never unwraps its own keys; the reader once");
        }
    }

    @Test
    void close_zeroesEveryKeyAndRefusesFurtherUse() throws Exception {
        Envelope e = builder().build();
        byte[] env = e.encrypt(bytes(10, 1), null);
        EncryptKeys.Slot slot = e.encryptKeysForTest().current();
        assertEquals(1, e.decryptKeys.size());
        e.close();
        assertTrue(slot.key.isDestroyed());
        assertTrue(slot.key.singleShotKey().isDestroyed());
        assertTrue(zeroed(service.keyArrays.get(0)));
        assertEquals(0, e.decryptKeys.size());
        IllegalStateException x = assertThrows(IllegalStateException.class, () -> e.encrypt(new byte[1], null));
        assertEquals("the envelope is closed", x.getMessage());
        assertThrows(IllegalStateException.class, () -> e.decrypt(env, null));
        e.close();
    }

    @Test
    void keyInUse_isZeroedOnlyWhenTheLastUserLetsGo() {
        byte[] raw = bytes(32, 1);
        DataKey k = DataKey.create(raw, new byte[] {1});
        assertTrue(k.acquire());
        k.retire();
        assertFalse(k.isDestroyed());
        assertFalse(zeroed(raw));
        k.release();
        assertTrue(k.isDestroyed());
        assertTrue(zeroed(raw));
        assertFalse(k.acquire(), "a zeroed key cannot be taken again");
        assertEquals("DataKey[destroyed]", k.toString());
    }

    @Test
    void failedWrap_isReportedAndTheNewKeyZeroed() throws Exception {
        service.unavailable = true;
        try (Envelope e = builder().build()) {
            KeyWrapException x = assertThrows(KeyWrapException.class, () -> e.encrypt(new byte[1], null));
            assertEquals(KeyWrapException.Kind.UNAVAILABLE, x.kind());
            assertTrue(zeroed(service.keyArrays.get(0)));
            service.unavailable = false;
            assertArrayEquals(new byte[1], e.decrypt(e.encrypt(new byte[1], null), null));
        }
    }

    @Test
    void badLimits_areRefusedNamingTheSetting() {
        assertEquals("dataKeyMaxMessages must be 1 to 2^32, was 0",
                assertThrows(IllegalArgumentException.class, () -> builder().dataKeyMaxMessages(0).build()).getMessage());
        assertEquals("dataKeyMaxBytes must be 1 to 2^48, was " + ((1L << 48) + 1), assertThrows(
                IllegalArgumentException.class, () -> builder().dataKeyMaxBytes((1L << 48) + 1).build()).getMessage());
        assertEquals("dataKeyMaxAge must be positive and at most a day, was PT0S", assertThrows(
                IllegalArgumentException.class, () -> builder().dataKeyMaxAge(Duration.ZERO).build()).getMessage());
        assertEquals("dataKeyCacheSize must be 0 to 100000, was -1",
                assertThrows(IllegalArgumentException.class, () -> builder().dataKeyCacheSize(-1).build()).getMessage());
        assertEquals("segmentSizeBytes must be 64 to 16777216, was 63",
                assertThrows(IllegalArgumentException.class, () -> builder().segmentSizeBytes(63).build()).getMessage());
    }

    @Test
    void settings_supplyTheFiveLimits() throws Exception {
        KmipSettings s = KmipSettings.builder().dataKeyMaxMessages(2)
                .dataKeyCacheSize(0).build();
        try (Envelope e = builder().settings(s).build()) {
            e.encrypt(new byte[1], null);
            e.encrypt(new byte[1], null);
            e.decrypt(e.encrypt(new byte[1], null), null);
            assertEquals(2, service.wraps.get());
            assertEquals(1, service.unwraps.get(), "cache size 0: not even own keys are kept");
        }
    }
}
