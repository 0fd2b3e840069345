package dev.kmipjca.ttlv;

import static dev.kmipjca.ttlv.TtlvDecoderRejectTest.assertRule;
import static dev.kmipjca.ttlv.TtlvDecoderRejectTest.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The limits (D7 nesting, D8 size), huge declared lengths that must fail before anything is allocated,
 * and {@link TtlvDecoder#frameLength}, which framing uses to size a read from the socket.
 */
class TtlvDecoderLimitTest {

    /** {@code levels} Structures (tag Request Payload), each the only child of the one before. */
    static byte[] nested(int levels) {
        ByteBuffer b = ByteBuffer.allocate(8 * levels);
        for (int i = 0; i < levels; i++) {
            b.putInt(Tag.REQUEST_PAYLOAD << 8 | ItemType.STRUCTURE.code()).putInt(8 * (levels - 1 - i));
        }
        return b.array();
    }

    @Test
    void nesting_64Levels_accepted() throws TtlvException {
        Ttlv t = TtlvDecoder.defaults().decode(nested(64));
        int depth = 1;
        while (!t.children().isEmpty()) {
            t = t.children().get(0);
            depth++;
        }
        assertEquals(64, depth);
    }

    @Test
    void nesting_65Levels_rejectedAtTheDeepestStructure() {
        byte[] in = nested(65);
        TtlvException e = assertThrows(TtlvException.class, () -> TtlvDecoder.defaults().decode(in));
        assertRule(e, 64 * 8, Tag.REQUEST_PAYLOAD, "nesting deeper than 64 levels");
    }

    @Test
    void nesting_primitiveBelowConfiguredDepth_rejected() {
        TtlvDecoder depth2 = new TtlvDecoder(1 << 20, 2, true);
        assertRule(rejected(depth2, """
                420079 | 01 | 00000018
                  420069 | 01 | 00000010
                    42006A | 02 | 00000004 | 00000001 00000000
                """), 16, Tag.PROTOCOL_VERSION_MAJOR, "nesting deeper than 2 levels");
    }

    @Test
    void configuredDepth_aboveLimit_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TtlvDecoder(1 << 20, TtlvDecoder.MAX_DEPTH_LIMIT + 1, true));
        assertEquals("maxMessageBytes must be >= 8 and maxDepth 1 to 1024", e.getMessage());
    }

    @Test
    void nesting_atMaximumConfigurableDepth_decodedWithoutExhaustingTheStack() throws TtlvException {
        TtlvDecoder deepest = new TtlvDecoder(1 << 20, TtlvDecoder.MAX_DEPTH_LIMIT, true);
        deepest.decode(nested(TtlvDecoder.MAX_DEPTH_LIMIT));
        TtlvException e = assertThrows(TtlvException.class, () -> deepest.decode(nested(TtlvDecoder.MAX_DEPTH_LIMIT + 1)));
        assertEquals("nesting deeper than 1024 levels", e.reason());
    }

    @Test
    void message_overConfiguredLimit_rejectedBeforeReading() throws TtlvException {
        TtlvDecoder small = new TtlvDecoder(64, 64, true);
        String header = "420043 | 08 | 00000038 | ";
        small.decode(TtlvFixture.raw(header + "00".repeat(56)));
        assertRule(rejected(small, "420043 | 08 | 00000040 | " + "00".repeat(64)), 0, -1,
                "message of 72 bytes exceeds the limit of 64");
    }

    @Test
    void message_overDefault16MiB_rejected() {
        byte[] in = new byte[(16 << 20) + 8];
        TtlvException e = assertThrows(TtlvException.class, () -> TtlvDecoder.defaults().decode(in));
        assertRule(e, 0, -1, "message of 16777224 bytes exceeds the limit of 16777216");
    }

    @Test
    void structure_claiming4GiB_failsFastWithTheLengthRule() {
        byte[] in = TtlvFixture.raw("420078 | 01 | FFFFFFF8 | " + "00".repeat(56));
        TtlvException e = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> assertThrows(TtlvException.class, () -> TtlvDecoder.defaults().decode(in)));
        assertRule(e, 4, Tag.REQUEST_MESSAGE, "length 4294967288 runs past the enclosing item (56 bytes remain)");
    }

    @Test
    void byteString_claiming2GiB_inSmallInput_failsFastWithTheLengthRule() {
        byte[] in = TtlvFixture.raw("420079 | 01 | 00000038 | 420043 | 08 | 7FFFFFF8 | " + "00".repeat(48));
        assertEquals(64, in.length);
        TtlvException e = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> assertThrows(TtlvException.class, () -> TtlvDecoder.defaults().decode(in)));
        assertRule(e, 12, Tag.KEY_MATERIAL, "length 2147483640 runs past the enclosing item (48 bytes remain)");
    }

    @Test
    void frameLength_requestMessageHeader_returnsWholeItemSize() throws TtlvException {
        assertEquals(0x128, TtlvDecoder.defaults().frameLength(TtlvFixture.hex("4200780100000120")));
        assertEquals(16 << 20, TtlvDecoder.defaults().frameLength(TtlvFixture.hex("42007B0100FFFFF8")));
    }

    @Test
    void frameLength_shortHeader_rejected() {
        TtlvException e = assertThrows(TtlvException.class,
                () -> TtlvDecoder.defaults().frameLength(TtlvFixture.hex("42007B01000000")));
        assertRule(e, 0, -1, "header of 7 bytes; an item header has 8");
    }

    @Test
    void frameLength_tagOutsideRange_rejected() {
        TtlvException e = assertThrows(TtlvException.class,
                () -> TtlvDecoder.defaults().frameLength(TtlvFixture.hex("16030100A5010000")));
        assertRule(e, 0, 0x160301, "tag outside 0x42xxxx and 0x54xxxx");
    }

    @Test
    void frameLength_notAStructure_rejectedAtTypeByte() {
        TtlvException e = assertThrows(TtlvException.class,
                () -> TtlvDecoder.defaults().frameLength(TtlvFixture.hex("42007B0700000010")));
        assertRule(e, 3, Tag.RESPONSE_MESSAGE, "a message must be a Structure, found type 0x07");
    }

    @Test
    void frameLength_lengthNotMultipleOf8_rejected() {
        TtlvException e = assertThrows(TtlvException.class,
                () -> TtlvDecoder.defaults().frameLength(TtlvFixture.hex("42007B0100000121")));
        assertRule(e, 4, Tag.RESPONSE_MESSAGE, "Structure length 289 is not a multiple of 8");
    }

    @Test
    void frameLength_overLimit_rejectedWithoutOverflow() {
        TtlvException e = assertThrows(TtlvException.class,
                () -> TtlvDecoder.defaults().frameLength(TtlvFixture.hex("42007B01FFFFFFF8")));
        assertRule(e, 4, Tag.RESPONSE_MESSAGE, "message of 4294967296 bytes exceeds the limit of 16777216");
        TtlvException justOver = assertThrows(TtlvException.class,
                () -> TtlvDecoder.defaults().frameLength(TtlvFixture.hex("42007B0101000000")));
        assertEquals("message of 16777224 bytes exceeds the limit of 16777216", justOver.reason());
    }
}
