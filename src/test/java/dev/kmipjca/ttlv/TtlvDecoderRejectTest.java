package dev.kmipjca.ttlv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The framing rules of docs/architecture.md (kmip-reference section 1.5, D1 to D4 and D6): each
 * malformed input is rejected with the offset, the tag and the rule that it broke. Inputs are written
 * in the fixture layout; {@link TtlvFixture#raw} does not check them.
 */
class TtlvDecoderRejectTest {

    static TtlvException rejected(TtlvDecoder decoder, String layout) {
        byte[] in = TtlvFixture.raw(layout);
        return assertThrows(TtlvException.class, () -> decoder.decode(in));
    }

    static TtlvException rejected(String layout) {
        return rejected(TtlvDecoder.defaults(), layout);
    }

    static void assertRule(TtlvException e, long offset, int tag, String reason) {
        assertEquals(reason, e.reason());
        assertEquals(offset, e.offset(), "offset");
        assertEquals(tag, e.tag(), "tag");
    }

    @Test
    void emptyInput_rejectedAsTruncatedHeader() {
        assertRule(rejected(""), 0, -1, "truncated item header: 0 bytes remain, a header needs 8");
    }

    @Test
    void sixByteInput_rejectedAsTruncatedHeader() {
        assertRule(rejected("420020 | 02 | 0000"), 0, -1, "truncated item header: 6 bytes remain, a header needs 8");
    }

    @Test
    void childLength_beyondEnclosingStructure_rejectedAtChildLengthField() {
        TtlvException e = rejected("""
                420079 | 01 | 00000010
                  420094 | 07 | 00000010 | 41424344 45464748
                41424344 45464748
                """);
        assertRule(e, 12, Tag.UNIQUE_IDENTIFIER, "length 16 runs past the enclosing item (8 bytes remain)");
        assertEquals("invalid TTLV at offset 12, tag 0x420094 (Unique Identifier): "
                + "length 16 runs past the enclosing item (8 bytes remain)", e.getMessage());
    }

    @Test
    void length_beyondBuffer_rejectedAtLengthField() {
        assertRule(rejected("420043 | 08 | 00000020 | 01020304 05060708"), 4, Tag.KEY_MATERIAL,
                "length 32 runs past the enclosing item (8 bytes remain)");
    }

    @Test
    void padding_beyondBuffer_rejectedAtLengthField() {
        assertRule(rejected("420094 | 07 | 00000005 | 41424344 45"), 4, Tag.UNIQUE_IDENTIFIER,
                "padding runs past the enclosing item (5 bytes remain, 8 needed)");
    }

    @ParameterizedTest(name = "first tag byte {0}")
    @ValueSource(strings = {"00", "41", "43", "53", "55", "FF"})
    void tag_outside42And54_rejectedAtItemStart(String firstByte) {
        int tag = Integer.parseInt(firstByte + "0020", 16);
        assertRule(rejected(firstByte + "0020 | 02 | 00000004 | 00000008 00000000"), 0, tag,
                "tag outside 0x42xxxx and 0x54xxxx");
    }

    @Test
    void childTag_outside42And54_rejectedAtChildOffset() {
        assertRule(rejected("""
                420079 | 01 | 00000010
                  000094 | 02 | 00000004 | 00000001 00000000
                """), 8, 0x000094, "tag outside 0x42xxxx and 0x54xxxx");
    }

    @ParameterizedTest(name = "type {0}")
    @ValueSource(strings = {"00", "0C", "0D", "80", "FF"})
    void unknownType_rejectedAtTypeByte(String type) {
        assertRule(rejected("420020 | " + type + " | 00000008 | 00000000 00000000"), 3, 0x420020,
                "unknown item type 0x" + type);
    }

    @Test
    void dateTimeExtended_beforeKmip20_rejectedAtTypeByte() throws TtlvException {
        String layout = """
                420079 | 01 | 00000010
                  420020 | 0B | 00000008 | 00044864 5CF1D040
                """;
        assertRule(rejected(TtlvDecoder.defaults().withDateTimeExtended(false), layout), 11, 0x420020,
                "Date-Time Extended (type 0x0B) is not allowed before KMIP 2.0");
        TtlvDecoder.defaults().withDateTimeExtended(true).decode(TtlvFixture.raw(layout));
    }

    @ParameterizedTest(name = "type {0} length {1}")
    @CsvSource({
            "02, 8, 'Integer length must be 4, was 8'",
            "02, 0, 'Integer length must be 4, was 0'",
            "05, 8, 'Enumeration length must be 4, was 8'",
            "0A, 2, 'Interval length must be 4, was 2'",
            "03, 4, 'Long Integer length must be 8, was 4'",
            "06, 4, 'Boolean length must be 8, was 4'",
            "06, 16, 'Boolean length must be 8, was 16'",
            "09, 16, 'Date-Time length must be 8, was 16'",
            "0B, 4, 'Date-Time Extended length must be 8, was 4'",
            "04, 0, 'Big Integer length must be a positive multiple of 8, was 0'",
            "04, 12, 'Big Integer length must be a positive multiple of 8, was 12'",
            "01, 12, 'Structure length must be a multiple of 8, was 12'",
            "01, 4, 'Structure length must be a multiple of 8, was 4'",
    })
    void fixedSizeType_wrongLength_rejectedAtLengthField(String type, int length, String reason) {
        String zeros = "00".repeat((length + 7) & ~7);
        assertRule(rejected(String.format("420020 | %s | %08X | %s", type, length, zeros)), 4, 0x420020, reason);
    }

    @Test
    void trailingBytes_afterTopLevelItem_rejectedWhereTheyStart() {
        assertRule(rejected("420020 | 02 | 00000004 | 00000008 00000000 | 00000000 00000000"), 16, -1,
                "8 bytes left after the top-level item");
        assertRule(rejected("420020 | 02 | 00000004 | 00000008 00000000 | 000000"), 16, -1,
                "3 bytes left after the top-level item");
    }

    /** Slack inside a Structure is read as a further child; zeros there are not a valid tag. */
    @Test
    void structure_slackAfterLastChild_rejectedWhereSlackStarts() {
        assertRule(rejected("""
                420079 | 01 | 00000018
                  42006A | 02 | 00000004 | 00000001 00000000
                  00000000 00000000
                """), 24, 0x000000, "tag outside 0x42xxxx and 0x54xxxx");
    }

    @Test
    void lastChild_overrunningStructure_rejectedAtChildLengthField() {
        assertRule(rejected("""
                420069 | 01 | 00000018
                  42006A | 02 | 00000004 | 00000001 00000000
                  42006B | 02 | 00000004 | 00000001 00000000
                """), 28, Tag.PROTOCOL_VERSION_MINOR, "length 4 runs past the enclosing item (0 bytes remain)");
    }
}
