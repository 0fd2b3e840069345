package dev.kmipjca.ttlv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feeds the decoder random bytes, random valid trees and mutations of every vector (bit flips, byte
 * sets, truncations, length and type edits, inserted and removed chunks and items, random values). The
 * decoder may only ever throw {@link TtlvException}, and whatever it accepts must re-encode to exactly
 * the input bytes.
 *
 * <p>Seeded and reproducible: input {@code i} is generated from {@code fuzz.seed} and {@code i} alone.
 * {@code fuzz.inputs} (default 200,000) is the total, the sweep of every truncation of every vector
 * included. A long campaign: {@code mvn test -Dtest=TtlvFuzzTest -DargLine="-Dfuzz.inputs=50000000
 * -Dfuzz.seed=12345"} (docs/fuzzing.md).
 */
class TtlvFuzzTest {
    private static final long SEED = Long.decode(System.getProperty("fuzz.seed", "0x4B4D4950"));
    private static final long INPUTS = Long.parseLong(System.getProperty("fuzz.inputs", "200000"));
    private static final TtlvDecoder DECODER = TtlvDecoder.defaults();
    private static final TtlvDecoder KMIP_1X = DECODER.withDateTimeExtended(false);

    private static final List<TtlvFixture> fixtures = new ArrayList<>();
    private static final List<TtlvMutator> mutators = new ArrayList<>();
    private long accepted;
    private long rejected;

    @BeforeAll
    static void loadVectors() {
        for (String name : TtlvFixture.names()) {
            TtlvFixture f = TtlvFixture.load(name);
            fixtures.add(f);
            mutators.add(new TtlvMutator(f));
        }
    }

    @Test
    void everyVector_truncatedAtEveryLength_rejected() {
        for (TtlvFixture f : fixtures) {
            for (int n = 0; n < f.bytes.length; n++) {
                byte[] in = java.util.Arrays.copyOf(f.bytes, n);
                assertEquals(Outcome.REJECTED, check(in, () -> f.name + " truncated to " + in.length), f.name + " at " + n);
            }
        }
    }

    @Test
    void randomAndMutatedInputs_onlyTtlvExceptionAndExactReEncoding() {
        long sweep = fixtures.stream().mapToLong(f -> f.bytes.length).sum();
        long count = Math.max(1000, INPUTS - sweep);
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            SplittableRandom r = new SplittableRandom(SEED + i * 0x9E3779B97F4A7C15L);
            long index = i;
            int strategy = r.nextInt(10);
            if (strategy == 0) {
                byte[] in = TtlvRandom.bytes(r);
                check(in, () -> "input #" + index + " (random bytes)");
            } else if (strategy <= 2) {
                byte[] in = TtlvRandom.tree(r, 1 + r.nextInt(6)).encode();
                if (strategy == 2) {
                    in[r.nextInt(in.length)] ^= (byte) (1 << r.nextInt(8));
                }
                Outcome o = check(in, () -> "input #" + index + " (random tree" + (strategy == 2 ? ", one bit flipped)" : ")"));
                if (strategy == 1) {
                    assertEquals(Outcome.ACCEPTED, o, "a random valid tree is accepted, input #" + index);
                }
            } else {
                int k = r.nextInt(mutators.size());
                TtlvMutator.Mutant m = mutators.get(k).mutate(r);
                check(m.bytes(), () -> "input #" + index + " (" + fixtures.get(k).name + ": " + m.how() + ")");
            }
        }
        System.out.printf("TtlvFuzzTest: seed %d, %d inputs plus %d truncations, %d accepted, %d rejected, %d ms%n",
                SEED, count, sweep, accepted, rejected, (System.nanoTime() - start) / 1_000_000);
        assertTrue(accepted > count / 20, "the inputs reach the accepting paths too: " + accepted + " of " + count);
        assertTrue(rejected > count / 2, "most inputs are malformed: " + rejected + " rejected of " + count);
    }

    enum Outcome { ACCEPTED, REJECTED }

    /** Decodes one input with both decoders; any Throwable but TtlvException, or a changed re-encoding, fails. */
    private Outcome check(byte[] in, java.util.function.Supplier<String> what) {
        try {
            Ttlv tree;
            try {
                tree = DECODER.decode(in);
            } catch (TtlvException e) {
                assertWellFormed(e, in);
                assertKmip1xRejects(in);
                rejected++;
                return Outcome.REJECTED;
            }
            assertArrayEquals(in, tree.encode(), "accepted input re-encodes to the same bytes");
            try {
                assertEquals(tree, KMIP_1X.decode(in), "1.x decoder gives the same tree");
            } catch (TtlvException e) {
                assertEquals("Date-Time Extended (type 0x0B) is not allowed before KMIP 2.0", e.reason());
            }
            accepted++;
            return Outcome.ACCEPTED;
        } catch (Throwable t) {
            throw new AssertionError("fuzz seed " + SEED + ", " + what.get() + ": " + t
                    + "\ninput (" + in.length + " bytes): " + TtlvFixture.hex(in), t);
        }
    }

    private static void assertWellFormed(TtlvException e, byte[] in) {
        assertTrue(e.offset() >= 0 && e.offset() <= in.length, "offset " + e.offset() + " within the input");
        assertTrue(e.tag() >= -1 && e.tag() <= 0xFFFFFF, "tag " + e.tag());
        assertTrue(e.getMessage().startsWith("invalid TTLV at offset " + e.offset()), e.getMessage());
    }

    private static void assertKmip1xRejects(byte[] in) {
        try {
            KMIP_1X.decode(in);
            throw new AssertionError("the 1.x decoder accepted what the 2.x decoder rejected");
        } catch (TtlvException expected) {
            assertWellFormed(expected, in);
        }
    }
}
