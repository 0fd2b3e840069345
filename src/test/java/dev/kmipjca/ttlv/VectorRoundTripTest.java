package dev.kmipjca.ttlv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector (spec examples, whole messages from the KMIP 1.0/1.1 test cases and real captures,
 * KMIP 2.0 payloads and fragments) decodes, has the fixture's shape item for item, and re-encodes to
 * exactly the same bytes, through {@link Ttlv#encode()} and through {@link TtlvWriter#write}.
 */
class VectorRoundTripTest {

    static List<String> fixtures() {
        return TtlvFixture.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void vector_decodedAndReEncoded_sameBytes(String name) throws TtlvException {
        byte[] wire = TtlvFixture.bytes(name);
        Ttlv tree = TtlvDecoder.defaults().decode(wire);
        assertArrayEquals(wire, tree.encode());
        assertArrayEquals(wire, new TtlvWriter(16).write(tree).toByteArray());
        assertEquals(wire.length, tree.encodedSize());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void vector_decoded_treeHasTheFixtureLinesInOrder(String name) throws TtlvException {
        TtlvFixture f = TtlvFixture.load(name);
        List<String> decoded = new ArrayList<>();
        walk(TtlvDecoder.defaults().decode(f.bytes), 0, decoded);
        List<String> declared = new ArrayList<>();
        for (TtlvFixture.Line l : f.lines) {
            declared.add(describe(l.depth(), l.tag(), l.type(), l.length()));
        }
        assertEquals(declared, decoded);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void vector_decodedTwice_equalTreesWithEqualHashes(String name) throws TtlvException {
        byte[] wire = TtlvFixture.bytes(name);
        Ttlv a = TtlvDecoder.defaults().decode(wire);
        Ttlv b = TtlvDecoder.defaults().decode(wire.clone());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    private static void walk(Ttlv t, int depth, List<String> out) {
        out.add(describe(depth, t.tag(), t.type().code(), t.valueLength()));
        if (t.isStructure()) {
            for (Ttlv c : t.children()) {
                walk(c, depth + 1, out);
            }
        }
    }

    private static String describe(int depth, int tag, int type, long length) {
        return "  ".repeat(depth) + TagNames.label(tag) + " type " + type + " length " + length;
    }
}
