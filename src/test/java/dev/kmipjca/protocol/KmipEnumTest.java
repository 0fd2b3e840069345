package dev.kmipjca.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.ttlv.Tag;
import dev.kmipjca.ttlv.TagNames;
import java.util.List;
import org.junit.jupiter.api.Test;

class KmipEnumTest {

    @Test
    void knownValue_returnsTheConstant() {
        assertSame(ObjectType.SYMMETRIC_KEY, ObjectType.of(2));
        assertEquals("Symmetric Key", ObjectType.SYMMETRIC_KEY.name());
        assertSame(Operation.DISCOVER_VERSIONS, Operation.named("discover versions"));
    }

    @Test
    void unknownValue_keepsTheRawNumberAndEqualsAnotherInstanceOfIt() {
        State s = State.of(0x8000_0001);
        assertFalse(s.isKnown());
        assertTrue(s.isExtension());
        assertNull(s.name());
        assertEquals("0x80000001", s.toString());
        assertEquals(s, State.of(0x8000_0001));
        assertEquals(s.hashCode(), State.of(0x8000_0001).hashCode());
    }

    @Test
    void undeclaredValueNamedInTheTagTables_getsItsName() {
        Operation ping = Operation.of(0x3B);
        assertEquals("Ping", ping.name());
        assertTrue(ping.isKnown());
    }

    @Test
    void vendorValues_compareUnsigned() {
        assertTrue(ResultReason.of(0x8000_0000).compareTo(ResultReason.GENERAL_FAILURE) > 0);
        assertTrue(ResultReason.ITEM_NOT_FOUND.compareTo(ResultReason.of(0xFFFF_FFFF)) < 0);
    }

    @Test
    void sameNumber_inDifferentEnumerations_isNotEqual() {
        assertNotEquals(ObjectType.of(1), State.of(1));
    }

    @Test
    void declaredNames_agreeWithTheTagTables_exceptDocumentedFixes() {
        for (ObjectType t : ObjectType.values()) {
            assertTrue(TagNames.enumName(Tag.OBJECT_TYPE, t.value()).startsWith(t.name()), t.name());
        }
        for (ResultReason r : ResultReason.values()) {
            assertTrue(TagNames.enumName(Tag.RESULT_REASON, r.value()).startsWith(r.name()), r.name());
        }
        // enums.tsv in dev.kmipjca.ttlv names State 1 "Login"; the spec's name is Pre-Active.
        assertEquals("Pre-Active", State.PRE_ACTIVE.name());
    }

    @Test
    void usageMask_describesItsBits() {
        assertEquals("Encrypt|Decrypt", CryptographicUsageMask.describe(12));
        assertEquals("Wrap Key|Unwrap Key|0x80000000", CryptographicUsageMask.describe(0x8000_0030));
        assertEquals("none", CryptographicUsageMask.describe(0));
        assertTrue(CryptographicUsageMask.has(0x3C, CryptographicUsageMask.WRAP_KEY | CryptographicUsageMask.ENCRYPT));
    }

    @Test
    void values_listDeclaredConstantsInOrder() {
        assertEquals(List.of(NameType.UNINTERPRETED_TEXT_STRING, NameType.URI), NameType.values());
    }
}
