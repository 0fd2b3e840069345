package dev.kmipjca.ttlv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixture loader itself: layout, comments and the length checks that keep fixtures honest. */
class TtlvFixtureTest {

    @Test
    void nestedFixture_parsed_bytesFollowLinesInOrder() {
        TtlvFixture f = TtlvFixture.parse("t", """
                # source: hand-written
                420069 | 01 | 00000020
                  42006A | 02 | 00000004 | 00000001 00000000
                  42006B | 02 | 00000004 | 00000002 00000000
                """);
        assertEquals("hand-written", f.source);
        assertEquals(3, f.lines.size());
        assertEquals(1, f.lines.get(1).depth());
        assertArrayEquals(TtlvFixture.hex("4200690100000020"
                + "42006A02000000040000000100000000" + "42006B02000000040000000200000000"), f.bytes);
    }

    @Test
    void everyCommittedFixture_loaded_citesItsSourceAndIsConsistent() {
        List<String> names = TtlvFixture.names();
        assertEquals(49, names.size(), "vectors.json holds 49 vectors; each has a fixture");
        for (String name : names) {
            TtlvFixture f = TtlvFixture.load(name);
            assertTrue(f.source.length() > 20, name + " cites its source");
            assertEquals(f.bytes.length, 8 + ((f.lines.get(0).length() + 7) & ~7L), name);
        }
    }

    @Test
    void structureLength_disagreesWithChildren_rejectedWithLineNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TtlvFixture.parse("t", """
                420069 | 01 | 00000018
                  42006A | 02 | 00000004 | 00000001 00000000
                """));
        assertEquals("t line 1: Structure declares length 24 but its children take 16 bytes", e.getMessage());
    }

    @Test
    void valueColumn_shorterThanPaddedLength_rejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TtlvFixture.parse("t", "420094 | 07 | 00000003 | 616263"));
        assertEquals("t line 1: length 3 needs 8 value bytes with padding, found 3", e.getMessage());
    }

    @Test
    void childIndentedTwoLevels_rejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TtlvFixture.parse("t", """
                420069 | 01 | 00000010
                    42006A | 02 | 00000004 | 00000001 00000000
                """));
        assertEquals("t line 2: at depth 2, expected 1", e.getMessage());
    }

    @Test
    void twoTopLevelItems_rejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TtlvFixture.parse("t", """
                42006A | 02 | 00000004 | 00000001 00000000
                42006B | 02 | 00000004 | 00000001 00000000
                """));
        assertEquals("t line 2: a second top-level item", e.getMessage());
    }

    @Test
    void rawText_ignoresLayoutAndChecks() {
        assertArrayEquals(TtlvFixture.hex("4200690100000018AB"), TtlvFixture.raw("""
                # a malformed input
                420069 | 01 | 00000018
                  AB
                """));
    }
}
