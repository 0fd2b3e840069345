package dev.kmipjca.ttlv;

import static dev.kmipjca.ttlv.TtlvDecoderRejectTest.assertRule;
import static dev.kmipjca.ttlv.TtlvDecoderRejectTest.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Value rules (kmip-reference section 1.5, D5): zero padding, Booleans 0 or 1, UTF-8 text; and the
 * canonical-form rules that make every accepted input re-encode to the same bytes (minimal Big
 * Integer sign extension, Date-Times that {@link java.time.Instant} can hold).
 */
class TtlvDecoderValueRejectTest {

    @Test
    void integer_nonZeroPadding_rejectedAtTheByte() {
        assertRule(rejected("420020 | 02 | 00000004 | 00000008 00000001"), 15, 0x420020, "non-zero padding byte");
    }

    @Test
    void enumeration_nonZeroPadding_rejectedAtTheByte() {
        assertRule(rejected("42005C | 05 | 00000004 | 0000000A 80000000"), 12, Tag.OPERATION, "non-zero padding byte");
    }

    @Test
    void textString_nonZeroPadding_rejectedAtTheByte() {
        assertRule(rejected("420094 | 07 | 00000005 | 48656C6C 6F000100"), 14, Tag.UNIQUE_IDENTIFIER,
                "non-zero padding byte");
    }

    @Test
    void byteString_nonZeroPadding_insideStructure_rejectedAtTheByte() {
        assertRule(rejected("""
                420045 | 01 | 00000010
                  420043 | 08 | 00000003 | 01020380 00000000
                """), 19, Tag.KEY_MATERIAL, "non-zero padding byte");
    }

    @Test
    void nonZeroPadding_inKeyMaterial_messageHasNoValueBytes() {
        TtlvException e = rejected("420043 | 08 | 00000003 | A1B2C3FF 00000000");
        assertFalse(e.getMessage().toUpperCase().contains("A1B2C3"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"00000000 00000002", "01000000 00000000", "FFFFFFFF FFFFFFFF", "00000001 00000001"})
    void boolean_otherThan0Or1_rejectedAtValue(String value) {
        assertRule(rejected("420026 | 06 | 00000008 | " + value), 8, Tag.CRITICALITY_INDICATOR,
                "Boolean value must be 0 or 1");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "00000002 C3280000, truncated two-byte sequence",
            "00000001 80000000, lone continuation byte",
            "00000002 C0AF0000, overlong encoding of '/'",
            "00000003 EDA08000, UTF-16 surrogate D800",
            "00000004 F4908080, above U+10FFFF",
            "00000001 FF000000, byte FF",
    })
    void textString_invalidUtf8_rejected(String lengthAndValue, String what) {
        String[] p = lengthAndValue.split(" ");
        TtlvException e = rejected("420055 | 07 | " + p[0] + " | " + p[1] + " 00000000");
        assertEquals(Tag.NAME_VALUE, e.tag(), what);
        assertEquals("Text String is not valid UTF-8", e.reason(), what);
        assertEquals(8, e.offset(), what);
    }

    @Test
    void textString_invalidUtf8AfterValidPrefix_offsetOfTheBadByte() {
        assertRule(rejected("420055 | 07 | 00000006 | 41424344 C3280000"), 12, Tag.NAME_VALUE,
                "Text String is not valid UTF-8");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"00000000 00000000 00000000 00000001", "FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFF",
            "00000000 00000000 00000000 00000000", "FFFFFFFF FFFFFFFF 80000000 00000000"})
    void bigInteger_moreSignExtensionThanNeeded_rejected(String value) {
        assertRule(rejected("420020 | 04 | 00000010 | " + value), 8, 0x420020,
                "Big Integer has more leading sign bytes than needed");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"7FFFFFFF FFFFFFFF", "80000000 00000000"})
    void dateTime_outsideInstantRange_rejected(String value) {
        assertRule(rejected("420092 | 09 | 00000008 | " + value), 8, Tag.TIME_STAMP,
                "Date-Time is outside the range of java.time.Instant");
    }
}
