package dev.kmipjca.ttlv;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The memory a decode allocates is bounded by its input, whatever the input claims: measured with
 * {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes} on adversarial inputs. Skipped where
 * the JVM cannot count allocated bytes.
 */
class TtlvAllocationTest {
    /** Fixed cost of one decode: the cursor, the exception, its message and stack trace. */
    private static final long OVERHEAD = 16 * 1024;
    /**
     * Objects per item: a Ttlv, a boxed value, a list for a Structure. The costliest input per byte, a
     * Structure holding an empty Structure repeated, allocates about 8.3 bytes per input byte.
     */
    private static final long PER_INPUT_BYTE = 10;

    private static com.sun.management.ThreadMXBean threads;

    @BeforeAll
    static void allocationCounting() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported()) {
            t.setThreadAllocatedMemoryEnabled(true);
            threads = t;
        }
    }

    /** Average bytes allocated by one decode of {@code in}, after warming up. */
    private static long allocatedPerDecode(byte[] in, int reps) {
        assumeTrue(threads != null, "this JVM does not count allocated bytes per thread");
        long id = Thread.currentThread().getId();
        for (int i = 0; i < reps; i++) {
            decodeQuietly(in);
        }
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < reps; i++) {
            decodeQuietly(in);
        }
        return (threads.getThreadAllocatedBytes(id) - before) / reps;
    }

    private static void decodeQuietly(byte[] in) {
        try {
            TtlvDecoder.defaults().decode(in);
        } catch (TtlvException expected) {
            // rejected inputs count too
        }
    }

    private static void assertBounded(String what, byte[] in) {
        assertBounded(what, in, 200);
    }

    private static void assertBounded(String what, byte[] in, int reps) {
        long bytes = allocatedPerDecode(in, reps);
        if (reps > 20) {
            System.out.printf("TtlvAllocationTest: %s: %d input bytes, %d bytes allocated per decode%n", what, in.length, bytes);
        }
        long bound = OVERHEAD + PER_INPUT_BYTE * in.length;
        assertTrue(bytes <= bound, what + ": " + bytes + " bytes allocated for " + in.length + " input bytes, bound " + bound);
    }

    @Test
    void structureClaiming4GiB_allocatesAFewKilobytes() {
        assertBounded("Structure claiming 0xFFFFFFF8", TtlvFixture.raw("420078 | 01 | FFFFFFF8 | " + "00".repeat(56)));
    }

    @Test
    void byteStringClaiming2GiB_allocatesAFewKilobytes() {
        assertBounded("Byte String claiming 0x7FFFFFF8",
                TtlvFixture.raw("420079 | 01 | 00000038 | 420043 | 08 | 7FFFFFF8 | " + "00".repeat(48)));
    }

    @Test
    void nesting65Levels_bounded() {
        assertBounded("65 nested Structures", TtlvDecoderLimitTest.nested(65));
    }

    /** A Structure holding {@code n} copies of {@code child}: many small items, the costliest input per byte. */
    private static byte[] manyChildren(int n, String child) {
        byte[] c = TtlvFixture.raw(child);
        ByteBuffer b = ByteBuffer.allocate(8 + n * c.length);
        b.putInt(Tag.REQUEST_PAYLOAD << 8 | 1).putInt(n * c.length);
        for (int i = 0; i < n; i++) {
            b.put(c);
        }
        return b.array();
    }

    @Test
    void thousandsOfEmptyStructures_boundedByInputSize() {
        assertBounded("4096 empty Structures", manyChildren(4096, "420079 | 01 | 00000000"));
    }

    @Test
    void thousandsOfStructuresHoldingOneEmptyStructure_boundedByInputSize() {
        assertBounded("4096 Structures holding an empty Structure",
                manyChildren(4096, "420079 | 01 | 00000008 | 420079 | 01 | 00000000"));
    }

    @Test
    void thousandsOfIntegersAndEmptyStrings_boundedByInputSize() {
        assertBounded("2048 Integers", manyChildren(2048, "42006A | 02 | 00000004 | 12345678 00000000"));
        assertBounded("4096 empty Text Strings", manyChildren(4096, "420094 | 07 | 00000000"));
        assertBounded("4096 empty Byte Strings", manyChildren(4096, "420043 | 08 | 00000000"));
    }

    @Test
    void largeByteString_allocatesAboutItsOwnSize() {
        int n = 1 << 20;
        byte[] in = new byte[8 + n];
        System.arraycopy(TtlvFixture.hex("4200C20800100000"), 0, in, 0, 8);
        long bytes = allocatedPerDecode(in, 20);
        assertTrue(bytes < n + OVERHEAD, bytes + " bytes allocated to decode a 1 MiB Byte String");
    }

    @Test
    void mutatedVectors_boundedByInputSize() {
        List<byte[]> inputs = new ArrayList<>();
        for (String name : TtlvFixture.names()) {
            byte[] b = TtlvFixture.bytes(name);
            inputs.add(b);
            for (int at = 4; at < b.length; at += 8) { // every length field (and the value word after it) set huge
                byte[] m = b.clone();
                m[at] = (byte) 0x7F;
                inputs.add(m);
            }
        }
        for (byte[] in : inputs) {
            assertBounded(TtlvFixture.hex(in), in, 10);
        }
    }
}
