package dev.kmipjca.ttlv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link Tag} and {@code tags.tsv} are the same table: every public constant (read by reflection) has
 * the value of the row whose name it spells, and every row has its constant.
 */
class TagTest {

    /** "Template-Attribute", "TEMPLATE_ATTRIBUTE" and "TemplateAttribute" all become "templateattribute". */
    private static String key(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    private static Map<String, Integer> constants() throws IllegalAccessException {
        Map<String, Integer> out = new TreeMap<>();
        for (Field f : Tag.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == int.class) {
                assertEquals(null, out.put(key(f.getName()), f.getInt(null)), "two constants spell " + f.getName());
            }
        }
        return out;
    }

    private static Map<String, Integer> rows() throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        try (InputStream in = TagNames.class.getResourceAsStream("tags.tsv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cols = line.split("\t");
                    assertEquals(3, cols.length, line);
                    assertEquals(null, out.put(key(cols[1]), Integer.decode(cols[0])), "two rows spell " + cols[1]);
                }
            }
        }
        return out;
    }

    @Test
    void everyConstant_hasTheValueOfItsRowInTagsTsv_andViceVersa() throws Exception {
        Map<String, Integer> constants = constants();
        Map<String, Integer> rows = rows();
        assertEquals(rows.keySet(), constants.keySet(), "the same names");
        assertEquals(rows, constants, "the same values");
        assertTrue(rows.size() > 350, "KMIP 1.0 to 2.1 define over 350 tags, found " + rows.size());
    }

    @Test
    void everyRow_hasADistinctTagInThe42Range() throws Exception {
        Map<Integer, String> byValue = new TreeMap<>();
        for (Map.Entry<String, Integer> e : rows().entrySet()) {
            assertNull(byValue.put(e.getValue(), e.getKey()), "tag value used twice: " + TagNames.hex(e.getValue()));
            assertEquals(0x42, e.getValue() >>> 16, e.getKey());
        }
    }

    @Test
    void tagNamed_specNameCamelCaseOrConstantName_allFindTheTag() {
        assertEquals(Tag.UNIQUE_IDENTIFIER, TagNames.tagNamed("Unique Identifier"));
        assertEquals(Tag.UNIQUE_IDENTIFIER, TagNames.tagNamed("UniqueIdentifier"));
        assertEquals(Tag.UNIQUE_IDENTIFIER, TagNames.tagNamed("UNIQUE_IDENTIFIER"));
        assertEquals(Tag.TEMPLATE_ATTRIBUTE, TagNames.tagNamed("Template-Attribute"));
        assertEquals(Tag.IV_COUNTER_NONCE, TagNames.tagNamed("IV/Counter/Nonce"));
        assertEquals(-1, TagNames.tagNamed("No Such Tag"));
    }

    @Test
    void nameOf_knownTag_isTheSpecName() {
        assertEquals("Unique Identifier", TagNames.nameOf(Tag.UNIQUE_IDENTIFIER));
        assertEquals("Date-Time Extended", ItemType.DATE_TIME_EXTENDED.displayName());
        assertNull(TagNames.nameOf(0x540001));
        assertEquals("Get", TagNames.enumName(Tag.OPERATION, 0x0A));
        assertNull(TagNames.enumName(Tag.OPERATION, 0x7FFF));
    }

    @Test
    void vendorTags_valid_and0x43Invalid() {
        assertTrue(TagNames.isValidTag(0x540001));
        assertTrue(TagNames.isVendorTag(0x54FFFF));
        assertFalse(TagNames.isVendorTag(Tag.UNIQUE_IDENTIFIER));
        assertEquals("0x540001 (vendor)", TagNames.describe(0x540001));
        assertEquals("0x42FFFF (unknown)", TagNames.describe(0x42FFFF));
        for (int tag : new int[] {0x430001, 0x410000, 0x550000, 0x000042, 0x01420001, -1}) {
            assertFalse(TagNames.isValidTag(tag), TagNames.hex(tag));
        }
    }

    @Test
    void invalidTag_refusedByFactoryAndWriter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ttlv.integer(0x430001, 1));
        assertEquals("tag 0x430001 is outside 0x42xxxx and 0x54xxxx", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TtlvWriter().beginStructure(0x430001));
    }

    @Test
    void itemType_fromCode_coversTypes1To11Only() {
        for (ItemType t : ItemType.values()) {
            assertEquals(t, ItemType.fromCode(t.code()));
        }
        assertNull(ItemType.fromCode(0));
        assertNull(ItemType.fromCode(0x0C));
        assertNull(ItemType.fromCode(-1));
    }
}
