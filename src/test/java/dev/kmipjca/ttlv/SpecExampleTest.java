package dev.kmipjca.ttlv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The ten TTLV examples of KMIP 1.2 section 9.1.2 (fixtures {@code vectors/spec_example_*.ttlv}, each
 * citing its source): built with the {@link Ttlv} factories and with {@link TtlvWriter}, the bytes are
 * the spec's; decoded, the value is the spec's. All use tag 0x420020 (Compromise Date), as the spec does.
 */
class SpecExampleTest {
    private static final int TAG = 0x420020;

    /** Builds with the factory and with the writer, compares both to the fixture, decodes it back. */
    private static Ttlv example(String fixture, Ttlv built, Consumer<TtlvWriter> write) throws TtlvException {
        byte[] expected = TtlvFixture.bytes(fixture);
        assertArrayEquals(expected, built.encode(), "Ttlv factory");
        TtlvWriter w = new TtlvWriter();
        write.accept(w);
        assertArrayEquals(expected, w.toByteArray(), "TtlvWriter");
        Ttlv decoded = TtlvDecoder.defaults().decode(expected);
        assertEquals(built, decoded);
        assertEquals(TAG, decoded.tag());
        assertEquals(expected.length, decoded.encodedSize());
        return decoded;
    }

    @Test
    void integer8_encodedAndDecoded_matchesSpec() throws TtlvException {
        Ttlv t = example("spec_example_integer_8", Ttlv.integer(TAG, 8), w -> w.writeInteger(TAG, 8));
        assertEquals(8, t.asInt());
    }

    @Test
    void longInteger_encodedAndDecoded_matchesSpec() throws TtlvException {
        long v = 123456789000000000L;
        Ttlv t = example("spec_example_long_integer_123456789000000000", Ttlv.longInteger(TAG, v),
                w -> w.writeLongInteger(TAG, v));
        assertEquals(v, t.asLong());
    }

    @Test
    void bigInteger_encodedAndDecoded_matchesSpecWithZeroSignPadding() throws TtlvException {
        BigInteger v = new BigInteger("1234567890000000000000000000");
        Ttlv t = example("spec_example_big_integer_1234567890000000000000000000", Ttlv.bigInteger(TAG, v),
                w -> w.writeBigInteger(TAG, v));
        assertEquals(v, t.asBigInteger());
        assertEquals(16, t.valueLength());
    }

    @Test
    void enumeration255_encodedAndDecoded_matchesSpec() throws TtlvException {
        Ttlv t = example("spec_example_enumeration_255", Ttlv.enumeration(TAG, 255), w -> w.writeEnumeration(TAG, 255));
        assertEquals(255, t.asEnum());
    }

    @Test
    void booleanTrue_encodedAndDecoded_matchesSpec() throws TtlvException {
        Ttlv t = example("spec_example_boolean_true", Ttlv.bool(TAG, true), w -> w.writeBoolean(TAG, true));
        assertTrue(t.asBoolean());
    }

    @Test
    void textHelloWorld_encodedAndDecoded_matchesSpec() throws TtlvException {
        Ttlv t = example("spec_example_text_string_hello_world", Ttlv.text(TAG, "Hello World"),
                w -> w.writeTextString(TAG, "Hello World"));
        assertEquals("Hello World", t.asText());
        assertEquals(11, t.valueLength());
    }

    @Test
    void byteString010203_encodedAndDecoded_matchesSpec() throws TtlvException {
        byte[] v = {1, 2, 3};
        Ttlv t = example("spec_example_byte_string_010203", Ttlv.bytes(TAG, v), w -> w.writeByteString(TAG, v));
        assertArrayEquals(v, t.asBytes());
    }

    @Test
    void dateTime_encodedAndDecoded_matchesSpec() throws TtlvException {
        Instant v = Instant.parse("2008-03-14T11:56:40Z");
        Ttlv t = example("spec_example_date_time_2008_03_14T11_56_40Z", Ttlv.dateTime(TAG, v),
                w -> w.writeDateTime(TAG, v));
        assertEquals(v, t.asInstant());
    }

    @Test
    void interval10Days_encodedAndDecoded_matchesSpec() throws TtlvException {
        long tenDays = 10L * 24 * 3600;
        Ttlv t = example("spec_example_interval_10_days", Ttlv.interval(TAG, tenDays), w -> w.writeInterval(TAG, tenDays));
        assertEquals(864000L, t.asInterval());
    }

    @Test
    void structure_encodedAndDecoded_matchesSpec() throws TtlvException {
        Ttlv built = Ttlv.structure(TAG, Ttlv.enumeration(0x420004, 254), Ttlv.integer(0x420005, 255));
        Ttlv t = example("spec_example_structure_enum254_int255", built, w -> w.beginStructure(TAG)
                .writeEnumeration(0x420004, 254).writeInteger(0x420005, 255).endStructure());
        assertEquals(32, t.valueLength());
        List<Ttlv> c = t.children();
        assertEquals(2, c.size());
        assertEquals(0x420004, c.get(0).tag());
        assertEquals(254, c.get(0).asEnum());
        assertEquals(0x420005, c.get(1).tag());
        assertEquals(255, c.get(1).asInt());
    }
}
