package dev.kmipjca.envelope;

import static dev.kmipjca.envelope.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kmipjca.config.BulkProvider;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every change to an envelope fails decryption, with a security exception and never with plaintext;
 * with SunJCE and with ACCP doing the bulk AES-GCM.
 */
@ParameterizedClass(name = "bulk provider {0}")
@EnumSource(value = BulkProvider.class, names = {"SUNJCE", "ACCP"})
class TamperTest {
    private static final int SEGMENT = 64;
    private static final byte[] AAD = {9, 8, 7};
    private final InMemoryKeyWrapService service = new InMemoryKeyWrapService(MASTER);
    private final Envelope envelope;

    TamperTest(BulkProvider bulk) {
        if (bulk == BulkProvider.ACCP) {
            AccpPlatform.assumeAccpUsableUnlessRequired();
        }
        this.envelope = Envelope.builder(service).masterKeyId(MASTER).segmentSizeBytes(SEGMENT).bulkProvider(bulk).build();
    }

    @AfterEach
    void close() {
        envelope.close();
    }

    /** The master key id's bytes in an envelope's header. */
    private static int[] idRange(byte[] env) throws Exception {
        int start = EnvelopeHeader.parse(env).form() == Envelope.Form.SEGMENTED ? 83 + 3 : 52 + 3;
        return new int[] {start, start + MASTER.length()};
    }

    /** Decrypts {@code env} both ways and checks that each fails as an altered envelope must. */
    private void assertRefused(byte[] env, String what, int[] idRange, int changedByte) {
        expectFailure(() -> envelope.decrypt(env, AAD), what, idRange, changedByte);
        expectFailure(() -> {
            try {
                streamDecrypt(envelope, env, AAD, 50);
            } catch (IOException e) {
                if (e.getCause() instanceof GeneralSecurityException g) {
                    throw g;
                }
                throw e;
            }
        }, what + " (stream)", idRange, changedByte);
    }

    private interface Attempt {
        void run() throws Exception;
    }

    private final Map<String, Integer> outcomes = new TreeMap<>();

    private void expectFailure(Attempt a, String what, int[] idRange, int changedByte) {
        try {
            a.run();
            fail(what + ": decrypted");
        } catch (AEADBadTagException | EnvelopeFormatException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            outcomes.merge(e.getClass().getSimpleName(), 1, Integer::sum);
        } catch (KeyWrapException e) {
            outcomes.merge("KEY_NOT_FOUND", 1, Integer::sum);
            boolean inId = changedByte >= idRange[0] && changedByte < idRange[1];
            assertTrue(inId && e.kind() == KeyWrapException.Kind.KEY_NOT_FOUND,
                    what + ": only an altered master key id may be reported as a missing key, got " + e);
            assertTrue(!e.masterKeyId().equals(MASTER), what);
        } catch (Exception e) {
            fail(what + ": unexpected " + e, e);
        }
    }

    private void everyBitFlip_fails(byte[] env) throws Exception {
        int[] id = idRange(env);
        for (int i = 0; i < env.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] t = env.clone();
                t[i] ^= (byte) (1 << bit);
                assertRefused(t, "bit " + bit + " of byte " + i, id, i);
            }
        }
        assertEquals(Set.of("AEADBadTagException", "EnvelopeFormatException", "KEY_NOT_FOUND"),
                outcomes.keySet(), outcomes.toString());
        assertEquals(2 * 8 * env.length, outcomes.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void everySingleBitFlip_ofASingleShotEnvelope_fails() throws Exception {
        byte[] env = envelope.encrypt(bytes(40, 1), AAD);
        assertArrayEquals(bytes(40, 1), envelope.decrypt(env, AAD));
        everyBitFlip_fails(env);
    }

    @Test
    void everySingleBitFlip_ofASegmentedEnvelope_fails() throws Exception {
        byte[] env = streamEncrypt(envelope, bytes(150, 2), AAD, 1000);
        assertArrayEquals(bytes(150, 2), envelope.decrypt(env, AAD));
        everyBitFlip_fails(env);
    }

    @Test
    void truncationAtEveryLength_fails() throws Exception {
        byte[] single = envelope.encrypt(bytes(40, 1), AAD);
        byte[] segmented = streamEncrypt(envelope, bytes(4 * SEGMENT, 2), AAD, 1000);
        for (byte[] env : new byte[][] {single, segmented}) {
            for (int n = 0; n < env.length; n++) {
                assertRefused(Arrays.copyOf(env, n), "truncated to " + n, new int[2], -1);
            }
        }
    }

    @Test
    void truncationAtEverySegmentBoundary_failsNamingTheMissingFinalSegment() throws Exception {
        byte[] env = streamEncrypt(envelope, bytes(4 * SEGMENT, 2), AAD, 1000);
        int h = EnvelopeHeader.parse(env).length();
        assertEquals(h + 4 * (SEGMENT + 16) + 16, env.length, "four full segments and an empty final one");
        AEADBadTagException e = assertThrows(AEADBadTagException.class, () -> envelope.decrypt(Arrays.copyOf(env, h), AAD));
        assertEquals("the envelope is truncated: it has no segments", e.getMessage());
        for (int k = 1; k <= 4; k++) {
            byte[] cut = Arrays.copyOf(env, h + k * (SEGMENT + 16));
            e = assertThrows(AEADBadTagException.class, () -> envelope.decrypt(cut, AAD));
            assertEquals("the envelope is truncated: it ends after segment " + (k - 1) + " without its final segment",
                    e.getMessage());
            IOException io = assertThrows(IOException.class, () -> streamDecrypt(envelope, cut, AAD, 10));
            assertEquals(e.getMessage(), io.getCause().getMessage());
        }
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            int n = random.nextInt(env.length);
            assertRefused(Arrays.copyOf(env, n), "truncated to " + n, new int[2], -1);
        }
    }

    @Test
    void swappedOrReplayedSegments_fail() throws Exception {
        byte[] plaintext = bytes(3 * SEGMENT + 10, 3);
        byte[] env = streamEncrypt(envelope, plaintext, AAD, 1000);
        byte[] other = streamEncrypt(envelope, plaintext, AAD, 1000);
        int h = EnvelopeHeader.parse(env).length();
        int c = SEGMENT + 16;
        byte[] swapped = env.clone();
        System.arraycopy(env, h, swapped, h + c, c);
        System.arraycopy(env, h + c, swapped, h, c);
        AEADBadTagException e = assertThrows(AEADBadTagException.class, () -> envelope.decrypt(swapped, AAD));
        assertTrue(e.getMessage().startsWith("segment 0 failed authentication"), e.getMessage());
        byte[] repeated = env.clone();
        System.arraycopy(env, h, repeated, h + c, c);
        e = assertThrows(AEADBadTagException.class, () -> envelope.decrypt(repeated, AAD));
        assertTrue(e.getMessage().startsWith("segment 1 failed authentication"), e.getMessage());
        byte[] finalFirst = env.clone();
        System.arraycopy(env, h, finalFirst, h + 2 * c, c);
        assertThrows(AEADBadTagException.class, () -> envelope.decrypt(finalFirst, AAD));
        byte[] spliced = env.clone();
        System.arraycopy(other, h + c, spliced, h + c, c);
        e = assertThrows(AEADBadTagException.class, () -> envelope.decrypt(spliced, AAD));
        assertTrue(e.getMessage().startsWith("segment 1 failed authentication"), e.getMessage());
        byte[] dropped = new byte[env.length - c];
        System.arraycopy(env, 0, dropped, 0, h + c);
        System.arraycopy(env, h + 2 * c, dropped, h + c, env.length - h - 2 * c);
        assertThrows(AEADBadTagException.class, () -> envelope.decrypt(dropped, AAD));
    }

    @Test
    void appendedBytes_fail() throws Exception {
        byte[] single = envelope.encrypt(bytes(40, 1), AAD);
        byte[] segmented = streamEncrypt(envelope, bytes(2 * SEGMENT + 5, 2), AAD, 1000);
        for (byte[] env : new byte[][] {single, segmented}) {
            for (int extra : new int[] {1, 15, 16, 17, SEGMENT + 16, SEGMENT + 32}) {
                byte[] longer = Arrays.copyOf(env, env.length + extra);
                assertRefused(longer, extra + " zero bytes appended", new int[2], -1);
                System.arraycopy(env, env.length - Math.min(extra, env.length), longer, env.length, Math.min(extra, env.length));
                assertRefused(longer, extra + " copied bytes appended", new int[2], -1);
            }
        }
    }

    @Test
    void singleShotEnvelope_withItsFormByteChangedToSegmented_fails() throws Exception {
        byte[] env = envelope.encrypt(bytes(300, 1), AAD);
        env[5] = 2;
        assertRefused(env, "form changed", new int[2], -1);
    }
}
