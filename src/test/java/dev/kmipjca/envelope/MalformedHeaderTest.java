package dev.kmipjca.envelope;

import static dev.kmipjca.envelope.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each field and each cap of the header: the failure names the offset and what was wrong. */
class MalformedHeaderTest {
    private final InMemoryKeyWrapService service = new InMemoryKeyWrapService(MASTER);
    private final Envelope envelope = Envelope.builder(service).masterKeyId(MASTER).segmentSizeBytes(1024).build();
    /** Key section of every envelope here starts at 54 (single-shot): id length, then "master-1" at 55..63. */
    private final byte[] single;
    private final byte[] segmented;

    MalformedHeaderTest() throws Exception {
        single = envelope.encrypt(bytes(100, 1), null);
        segmented = streamEncrypt(envelope, bytes(3000, 2), null, 3000);
    }

    @AfterEach
    void close() {
        envelope.close();
    }

    /** The failure of every entry point that reads a header: parse, decrypt, stream and incremental. */
    private void assertMalformed(byte[] env, long offset, String reason) throws Exception {
        EnvelopeFormatException e = assertThrows(EnvelopeFormatException.class, () -> EnvelopeHeader.parse(env));
        assertEquals(reason, e.reason());
        assertEquals(offset, e.offset());
        assertEquals("malformed envelope at offset " + offset + ": " + reason, e.getMessage());
        e = assertThrows(EnvelopeFormatException.class, () -> envelope.decrypt(env, null));
        assertEquals(reason, e.reason(), "decrypt");
        assertEquals(offset, e.offset(), "decrypt");
        e = assertThrows(EnvelopeFormatException.class, () -> envelope.decryptingStream(new ByteArrayInputStream(env), null));
        assertEquals(reason, e.reason(), "stream");
        e = assertThrows(EnvelopeFormatException.class, () -> EnvelopeHeader.read(new ByteArrayInputStream(env)));
        assertEquals(reason, e.reason(), "read");
        EnvelopeDecryptor d = envelope.newDecryptor();
        e = assertThrows(EnvelopeFormatException.class, () -> {
            byte[] out = new byte[env.length];
            for (int i = 0; i < env.length; i++) { // one byte at a time
                d.update(env, i, 1, out, 0);
            }
            d.doFinal(env, 0, 0, out, 0);
        });
        assertEquals(reason, e.reason(), "incremental");
        assertEquals(offset, e.offset(), "incremental");
    }

    private static byte[] with(byte[] env, int offset, int... values) {
        byte[] t = env.clone();
        for (int i = 0; i < values.length; i++) {
            t[offset + i] = (byte) values[i];
        }
        return t;
    }

    @ParameterizedTest(name = "byte {0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "0|0x4C|0|not a kmip-jca envelope: the magic is not \"KJEF\"",
        "3|0x00|3|not a kmip-jca envelope: the magic is not \"KJEF\"",
        "4|2|4|unsupported format version 2 (this version reads 1)",
        "4|0|4|unsupported format version 0 (this version reads 1)",
        "5|3|5|unknown form 3 (1 single-shot or 2 segmented)",
        "5|0|5|unknown form 0 (1 single-shot or 2 segmented)",
        "6|2|6|unknown bulk algorithm 2 (1 AES-256-GCM)",
        "7|1|7|reserved byte is 1, not 0",
        "54|0|54|master key identifier is empty",
        "55|0xFF|55|master key identifier is not valid UTF-8",
        "63|2|63|unknown wrap algorithm 2 (1 AES-256-GCM)",
        "64|16|64|wrap nonce length 16 is not 12",
        "64|11|64|wrap nonce length 11 is not 12",
    })
    void singleShotField_isCheckedWithItsOffset(int at, String value, long offset, String reason) throws Exception {
        assertMalformed(with(single, at, Integer.decode(value)), offset, reason);
    }

    @ParameterizedTest(name = "segment size {0}")
    @CsvSource({
        "0, 0, 0, 63, segment size 63 is outside 64 to 16777216",
        "0, 0, 0, 0, segment size 0 is outside 64 to 16777216",
        "1, 0, 0, 1, segment size 16777217 is outside 64 to 16777216",
        "255, 255, 255, 255, segment size 4294967295 is outside 64 to 16777216",
    })
    void segmentSizeOutsideItsBounds_isRefusedBeforeAnythingIsAllocated(int b0, int b1, int b2, int b3, String reason)
            throws Exception {
        assertMalformed(with(segmented, 40, b0, b1, b2, b3), 40, reason);
    }

    @Test
    void keySectionLength_isCappedBothWays() throws Exception {
        assertMalformed(with(single, 52, 0, 33), 52, "key section length 33 is outside 34 to 4368");
        assertMalformed(with(single, 52, 0x11, 0x11), 52, "key section length 4369 is outside 34 to 4368");
        assertMalformed(with(single, 52, 0xFF, 0xFF), 52, "key section length 65535 is outside 34 to 4368");
        assertMalformed(with(segmented, 83, 0xFF, 0xFF), 83, "key section length 65535 is outside 34 to 4368");
    }

    @Test
    void keySectionLength_mustMatchItsContents() throws Exception {
        int declared = ((single[52] & 0xFF) << 8) | (single[53] & 0xFF);
        assertEquals(1 + 8 + 1 + 1 + 12 + 2 + 48, declared);
        assertMalformed(with(single, 52, 0, declared + 1), 52,
                "key section length " + (declared + 1) + " does not match its contents (" + declared + " bytes)");
        int end = 54 + declared - 1;
        assertMalformed(with(single, 52, 0, declared - 1), 79,
                "wrapped key runs past the end of the key section (48 bytes at offset 79, section ends at " + end + ")");
        assertMalformed(with(single, 54, 200), 55,
                "master key identifier runs past the end of the key section (200 bytes at offset 55, section ends at "
                        + (end + 1) + ")");
    }

    @Test
    void wrappedKeyLength_isCappedBothWays() throws Exception {
        assertMalformed(with(single, 77, 0, 15), 77, "wrapped key length 15 is outside 16 to 4096");
        assertMalformed(with(single, 77, 0x10, 0x01), 77, "wrapped key length 4097 is outside 16 to 4096");
    }

    @Test
    void truncatedHeader_saysHowManyBytesAreNeeded() throws Exception {
        assertMalformed(Arrays.copyOf(single, 5), 5, "truncated header: 5 bytes, at least 8 needed");
        assertMalformed(Arrays.copyOf(single, 30), 30, "truncated header: 30 bytes, at least 54 needed");
        assertMalformed(Arrays.copyOf(single, 60), 60, "truncated header: 60 bytes, at least 127 needed");
        assertMalformed(Arrays.copyOf(segmented, 84), 84, "truncated header: 84 bytes, at least 85 needed");
        assertMalformed(new byte[0], 0, "truncated header: 0 bytes, at least 8 needed");
    }

    @Test
    void streamHeader_readsNoFurtherThanAnOversizedLength() throws Exception {
        byte[] env = with(single, 52, 0xFF, 0xFF);
        CountingStream in = new CountingStream(env);
        EnvelopeFormatException e = assertThrows(EnvelopeFormatException.class, () -> EnvelopeHeader.read(in));
        assertEquals(52, e.offset());
        assertEquals(54, in.read, "stopped at the length field");
    }

    @Test
    void longestMasterKeyId_fitsAndOneMoreIsRefused() throws Exception {
        String id = "k".repeat(255);
        service.addMasterKey(id);
        try (Envelope e = Envelope.builder(service).masterKeyId(id).build()) {
            byte[] env = e.encrypt(bytes(10, 1), null);
            assertEquals(id, EnvelopeHeader.parse(env).masterKeyId());
            assertArrayEquals(bytes(10, 1), e.decrypt(env, null));
        }
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> Envelope.builder(service).masterKeyId(id + "k").build());
        assertEquals("masterKeyId must be 1 to 255 UTF-8 bytes, was 256", x.getMessage());
    }

    @Test
    void headerCaps_areThoseOfTheFormatDocument() {
        assertEquals(4368, Layout.MAX_KEY_SECTION);
        assertEquals(83 + 2 + 4368, Layout.MAX_HEADER_BYTES);
        assertEquals(1 + 1 + 1 + 1 + 12 + 2 + 16, Layout.MIN_KEY_SECTION);
    }

    private static final class CountingStream extends InputStream {
        private final ByteArrayInputStream in;
        int read;

        CountingStream(byte[] b) {
            in = new ByteArrayInputStream(b);
        }

        @Override
        public int read() {
            int r = in.read();
            read += r < 0 ? 0 : 1;
            return r;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            read += Math.max(0, n);
            return n;
        }
    }
}
