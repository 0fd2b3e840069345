package dev.kmipjca.envelope;

import static dev.kmipjca.envelope.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.config.BulkProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Both forms round-trip at every size around the segment boundaries; with SunJCE and with ACCP. */
@ParameterizedClass(name = "bulk provider {0}")
@EnumSource(value = BulkProvider.class, names = {"SUNJCE", "ACCP"})
class RoundTripTest {
    static final int SEGMENT = 4096;
    private final InMemoryKeyWrapService service = new InMemoryKeyWrapService(MASTER);
    private final BulkProvider bulk;
    private final Envelope envelope;

    RoundTripTest(BulkProvider bulk) {
        if (bulk == BulkProvider.ACCP) {
            AccpPlatform.assumeAccpUsableUnlessRequired();
        }
        this.bulk = bulk;
        this.envelope = Envelope.builder(service).masterKeyId(MASTER).segmentSizeBytes(SEGMENT).bulkProvider(bulk).build();
    }

    @AfterEach
    void close() {
        envelope.close();
    }

    @Test
    void bulkCiphers_comeFromTheProviderAsked() {
        String expected = bulk == BulkProvider.ACCP ? "AmazonCorrettoCryptoProvider" : "SunJCE";
        assertEquals(expected, envelope.ciphers.local().getProvider().getName());
        assertEquals(expected, envelope.ciphers.borrow().getProvider().getName());
    }

    static Stream<Arguments> sizes() {
        byte[] aad = "table=users,row=42".getBytes(StandardCharsets.UTF_8);
        int[] sizes = {0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 2 * SEGMENT, 3 * 1024 * 1024 + 17};
        return IntStream.of(sizes).boxed().flatMap(n -> Stream.of(Arguments.of(n, null), Arguments.of(n, aad)));
    }

    @ParameterizedTest(name = "{0} bytes, aad {1}")
    @MethodSource("sizes")
    void singleShot_roundTrips(int size, byte[] aad) throws Exception {
        byte[] plaintext = bytes(size, size);
        byte[] sealed = envelope.encrypt(plaintext, aad);
        assertEquals(EnvelopeHeader.parse(sealed).length() + size + 16, sealed.length);
        assertArrayEquals(plaintext, envelope.decrypt(sealed, aad));
        assertArrayEquals(plaintext, streamDecrypt(envelope, sealed, aad, 1000));
    }

    @ParameterizedTest(name = "{0} bytes, aad {1}")
    @MethodSource("sizes")
    void segmented_roundTripsThroughStreamsAndArrays(int size, byte[] aad) throws Exception {
        byte[] plaintext = bytes(size, size);
        byte[] sealed = streamEncrypt(envelope, plaintext, aad, 1000);
        EnvelopeHeader h = EnvelopeHeader.parse(sealed);
        assertEquals(Envelope.Form.SEGMENTED, h.form());
        int segments = size / SEGMENT + 1;
        assertEquals(h.length() + size + 16L * segments, sealed.length, "the final segment holds 0 to S-1 bytes");
        assertArrayEquals(plaintext, streamDecrypt(envelope, sealed, aad, 777));
        assertArrayEquals(plaintext, streamDecrypt(envelope, sealed, aad, 1 << 20));
        assertArrayEquals(plaintext, envelope.decrypt(sealed, aad));
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("sizes")
    void segmented_isTheSameWhateverTheWriteSizes(int size, byte[] aad) throws Exception {
        byte[] plaintext = bytes(size, 7);
        for (int write : new int[] {1, SEGMENT, 3 * SEGMENT + 5, 1 << 20}) {
            if (write == 1 && size > 100_000) {
                continue;
            }
            assertArrayEquals(plaintext, envelope.decrypt(streamEncrypt(envelope, plaintext, aad, write), aad));
        }
    }

    @Test
    void wrongAad_failsInEveryForm() throws Exception {
        byte[] aad = {1, 2, 3};
        byte[] plaintext = bytes(3 * SEGMENT, 1);
        byte[] single = envelope.encrypt(plaintext, aad);
        byte[] segmented = streamEncrypt(envelope, plaintext, aad, SEGMENT);
        for (byte[] wrong : new byte[][] {null, {}, {1, 2}, {1, 2, 4}, {1, 2, 3, 0}}) {
            assertThrows(AEADBadTagException.class, () -> envelope.decrypt(single, wrong));
            AEADBadTagException e = assertThrows(AEADBadTagException.class, () -> envelope.decrypt(segmented, wrong));
            assertTrue(e.getMessage().startsWith("segment 0 failed authentication"), e.getMessage());
            IOException io = assertThrows(IOException.class, () -> streamDecrypt(envelope, segmented, wrong, 100));
            assertTrue(io.getCause() instanceof AEADBadTagException, io.toString());
        }
    }

    @Test
    void missingAad_failsWhenAadWasGiven() throws Exception {
        byte[] sealed = envelope.encrypt(bytes(10, 1), null);
        assertArrayEquals(bytes(10, 1), envelope.decrypt(sealed, new byte[0]), "null and empty AAD are the same");
        assertThrows(AEADBadTagException.class, () -> envelope.decrypt(sealed, new byte[] {0}));
    }

    @Test
    void decryptOnlyEnvelope_readsTheMasterKeyFromTheHeader() throws Exception {
        byte[] sealed = envelope.encrypt(bytes(100, 1), null);
        try (Envelope reader = Envelope.builder(service).bulkProvider(bulk).build()) {
            assertArrayEquals(bytes(100, 1), reader.decrypt(sealed, null));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> reader.encrypt(new byte[1], null));
            assertEquals("this envelope only decrypts: no master key id was set", e.getMessage());
        }
        assertEquals(MASTER, EnvelopeHeader.parse(sealed).masterKeyId());
    }

    @Test
    void largeSegmentsAndDefaults_roundTrip() throws Exception {
        try (Envelope big = Envelope.builder(service).masterKeyId(MASTER).bulkProvider(bulk).build()) {
            assertEquals(64 * 1024, big.segmentSizeBytes());
            byte[] plaintext = bytes(5 * 64 * 1024 + 3, 3);
            assertArrayEquals(plaintext, big.decrypt(streamEncrypt(big, plaintext, null, 100_000), null));
        }
    }
}
