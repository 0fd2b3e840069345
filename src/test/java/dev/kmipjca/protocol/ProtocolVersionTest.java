package dev.kmipjca.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolVersionTest {

    @Test
    void versions_orderByMajorThenMinorAsIntegers() {
        assertTrue(new ProtocolVersion(1, 10).compareTo(new ProtocolVersion(1, 9)) > 0, "1.10 follows 1.9");
        assertTrue(ProtocolVersion.V2_0.isAtLeast(ProtocolVersion.V1_4));
        assertTrue(ProtocolVersion.V1_0.isBefore(ProtocolVersion.V1_1));
        List<ProtocolVersion> l = new ArrayList<>(ProtocolVersion.SUPPORTED);
        Collections.sort(l);
        assertEquals(ProtocolVersion.V1_0, l.get(0));
        assertEquals(ProtocolVersion.V2_1, l.get(l.size() - 1));
    }

    @Test
    void parse_readsMajorDotMinor_andRejectsOtherText() {
        assertEquals(ProtocolVersion.V1_4, ProtocolVersion.parse("1.4"));
        assertEquals("2.1", ProtocolVersion.V2_1.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProtocolVersion.parse("1.x"));
        assertTrue(e.getMessage().contains("1.x"));
        assertThrows(IllegalArgumentException.class, () -> ProtocolVersion.parse("14"));
    }

    @Test
    void kmip2_startsAtMajor2() {
        assertTrue(ProtocolVersion.V2_0.isKmip2());
        assertFalse(ProtocolVersion.V1_4.isKmip2());
        assertFalse(new ProtocolVersion(3, 0).isSupportedMajor());
    }
}
