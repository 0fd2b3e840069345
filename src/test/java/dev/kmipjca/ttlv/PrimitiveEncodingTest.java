package dev.kmipjca.ttlv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Encodings the spec fixes but gives no example for: Big Integer sign extension (KMIP 1.4 section
 * 9.1.1.4: minimal two's complement, sign-extended on the left to a multiple of 8 bytes), Date-Time
 * Extended (KMIP 2.0: signed microseconds), and the unsigned Interval and Enumeration.
 */
class PrimitiveEncodingTest {
    private static final int TAG = Tag.COMPROMISE_DATE;

    private static byte[] header(int type, int length) {
        return TtlvFixture.hex(String.format("420020%02X%08X", type, length));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "-1, FFFFFFFFFFFFFFFF",
            "-129, FFFFFFFFFFFFFF7F",
            "-9223372036854775808, 8000000000000000",
            "-9223372036854775809, FFFFFFFFFFFFFFFF7FFFFFFFFFFFFFFF",
            "0, 0000000000000000",
            "127, 000000000000007F",
            "9223372036854775808, 00000000000000008000000000000000",
            "18446744073709551615, 0000000000000000FFFFFFFFFFFFFFFF",
    })
    void bigInteger_encoded_minimalTwosComplementSignExtendedToMultipleOf8(String decimal, String valueHex)
            throws TtlvException {
        BigInteger v = new BigInteger(decimal);
        byte[] expected = TtlvFixture.hex(String.format("42002004%08X", valueHex.length() / 2) + valueHex);
        assertArrayEquals(expected, Ttlv.bigInteger(TAG, v).encode());
        assertArrayEquals(expected, new TtlvWriter().writeBigInteger(TAG, v).toByteArray());
        assertEquals(v, TtlvDecoder.defaults().decode(expected).asBigInteger());
    }

    @Test
    void dateTimeExtended_microsecondInstant_encodedAsSignedMicroseconds() throws TtlvException {
        Instant v = Instant.parse("2008-03-14T11:56:40.123456Z");
        byte[] expected = TtlvFixture.hex("4200200B00000008" + "000448645CF1D040"); // 1205495800123456 µs
        assertArrayEquals(expected, Ttlv.dateTimeExtended(TAG, v).encode());
        assertArrayEquals(expected, new TtlvWriter().writeDateTimeExtended(TAG, v).toByteArray());
        Ttlv decoded = TtlvDecoder.defaults().decode(expected);
        assertEquals(ItemType.DATE_TIME_EXTENDED, decoded.type());
        assertEquals(v, decoded.asInstant());
    }

    @Test
    void dateTimeExtended_nanoseconds_truncatedToMicroseconds() {
        Ttlv t = Ttlv.dateTimeExtended(TAG, Instant.parse("2008-03-14T11:56:40.123456789Z"));
        assertEquals(Instant.parse("2008-03-14T11:56:40.123456Z"), t.asInstant());
    }

    @Test
    void dateTimeExtended_beforeEpoch_decodedWithFloorDivision() throws TtlvException {
        byte[] minusOneMicro = TtlvFixture.hex("4200200B00000008FFFFFFFFFFFFFFFF");
        Ttlv t = TtlvDecoder.defaults().decode(minusOneMicro);
        assertEquals(Instant.parse("1969-12-31T23:59:59.999999Z"), t.asInstant());
        assertArrayEquals(minusOneMicro, t.encode());
    }

    @Test
    void dateTime_fractionOfSecond_dropped() {
        byte[] spec = TtlvFixture.bytes("spec_example_date_time_2008_03_14T11_56_40Z");
        assertArrayEquals(spec, Ttlv.dateTime(TAG, Instant.parse("2008-03-14T11:56:40.999Z")).encode());
    }

    @Test
    void dateTime_negativeSeconds_decodedBeforeEpoch() throws TtlvException {
        Ttlv t = TtlvDecoder.defaults().decode(TtlvFixture.hex("4200200900000008FFFFFFFFFFFFFFFF"));
        assertEquals(Instant.parse("1969-12-31T23:59:59Z"), t.asInstant());
    }

    @Test
    void interval_topBitSet_decodedUnsigned() throws TtlvException {
        byte[] in = TtlvFixture.hex("4200200A00000004FFFFFFFF00000000");
        Ttlv t = TtlvDecoder.defaults().decode(in);
        assertEquals(4294967295L, t.asInterval());
        assertArrayEquals(in, t.encode());
    }

    @Test
    void interval_outOfUnsigned32Range_refusedByFactoryAndWriter() {
        assertThrows(IllegalArgumentException.class, () -> Ttlv.interval(TAG, -1));
        assertThrows(IllegalArgumentException.class, () -> new TtlvWriter().writeInterval(TAG, 1L << 32));
    }

    @Test
    void enumeration_vendorValueWithTopBit_keptAndReEncoded() throws TtlvException {
        byte[] in = TtlvFixture.hex("42005C05000000048000000100000000");
        Ttlv t = TtlvDecoder.defaults().decode(in);
        assertEquals(0x80000001L, Integer.toUnsignedLong(t.asEnum()));
        assertArrayEquals(in, t.encode());
    }

    @Test
    void textString_multiByteUtf8_lengthCountsBytes() throws TtlvException {
        String v = "Grüße €𝄞"; // 2-, 3- and 4-byte sequences
        Ttlv t = Ttlv.text(Tag.NAME_VALUE, v);
        assertEquals(15, t.valueLength());
        byte[] encoded = t.encode();
        assertEquals(8 + 16, encoded.length);
        assertEquals(v, TtlvDecoder.defaults().decode(encoded).asText());
    }

    @Test
    void byteString_empty_encodedWithNoValueBytes() throws TtlvException {
        byte[] expected = header(0x08, 0);
        assertArrayEquals(expected, Ttlv.bytes(TAG, new byte[0]).encode());
        assertEquals(0, TtlvDecoder.defaults().decode(expected).byteLength());
    }
}
