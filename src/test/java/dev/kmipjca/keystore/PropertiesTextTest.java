package dev.kmipjca.keystore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PropertiesTextTest {
    /** Lines that exercise every rule of Properties.load. */
    private static final List<String> TRICKY = List.of(
            "a=b\n",
            "  spaced   =   value with trailing space   \n",
            "colon:value\n",
            "space separated value\n",
            "tab\tseparated\n",
            "key = = starts with equals\n",
            "esc\\ aped\\=key\\:x = v\n",
            "continued = one, \\\n    two, \\\n\t\tthree\n",
            "even\\\\\nnext=line\n",
            "empty.continuation = a\\\n\nafter=blank\n",
            "# comment = not a key\n",
            "   ! also a comment \\\nreal=after comment with backslash\n",
            "unicode=\\u00e9t\\u00C9 caf\u00e9\n",
            "escapes=\\t\\n\\r\\f\\q\\\\\n",
            "justkey\n",
            "crlf=one\r\ncr=two\rlast=no newline",
            "ends.with.backslash=x\\",
            "\f formfeed = ok\n",
            "dup=first\ndup=second\n");

    @Test
    void parse_trickyLines_readsWhatPropertiesLoadReads() throws Exception {
        for (String text : TRICKY) {
            assertEquals(load(text), PropertiesText.parse(text).toProperties(), () -> "for " + text);
        }
        String all = String.join("", TRICKY.subList(0, TRICKY.size() - 3)) + "\n";
        assertEquals(load(all), PropertiesText.parse(all).toProperties());
    }

    @Test
    void render_untouched_isByteForByteTheInput() throws Exception {
        for (String text : TRICKY) {
            assertEquals(text, PropertiesText.parse(text).render());
        }
    }

    @Test
    void parse_lineNumbers_countPhysicalLines() throws Exception {
        PropertiesText t = PropertiesText.parse("# c\na=1\\\n  2\n\nb=3\r\nc=4");
        assertEquals(List.of(1, 2, 4, 5, 6), t.lines().stream().map(l -> l.number).toList());
        assertEquals(5, t.find("b").orElseThrow().number);
    }

    @Test
    void set_existingKey_replacesTheValueKeepingKeyAndSeparatorAsWritten() throws Exception {
        PropertiesText t = PropertiesText.parse("# top\nkmip.keyIdentifier  :  old value\nz=1\n");
        t.set("kmip.keyIdentifier", "new-id");
        assertEquals("# top\nkmip.keyIdentifier  :  new-id\nz=1\n", t.render());
    }

    @Test
    void set_repeatedKey_changesTheLastOccurrence() throws Exception {
        PropertiesText t = PropertiesText.parse("k=1\nk=2\n");
        t.set("k", "3");
        assertEquals("k=1\nk=3\n", t.render());
    }

    @Test
    void set_keyWithoutSeparator_addsOne() throws Exception {
        PropertiesText t = PropertiesText.parse("justkey\nspace \n");
        t.set("justkey", "v");
        t.set("space", "=w");
        assertEquals("justkey=v\nspace \\=w\n", t.render());
        assertEquals("=w", load(t.render()).getProperty("space"));
    }

    @Test
    void set_continuedValue_rewritesTheWholeLogicalLine() throws Exception {
        PropertiesText t = PropertiesText.parse("a=1\nlist = x,\\\n   y\n# after\n");
        t.set("list", "z");
        assertEquals("a=1\nlist = z\n# after\n", t.render());
    }

    @Test
    void set_missingKey_appendsAfterTheLastSettingBeforeTrailingComments() throws Exception {
        PropertiesText t = PropertiesText.parse("# head\na=1\n\n# trailing note\n");
        t.set("kmip.keyIdentifier", "id-1");
        assertEquals("# head\na=1\nkmip.keyIdentifier=id-1\n\n# trailing note\n", t.render());
    }

    @Test
    void set_onUnterminatedLastLine_terminatesItFirst() throws Exception {
        PropertiesText t = PropertiesText.parse("a=1\r\nb=2");
        t.set("c", "3");
        assertEquals("a=1\r\nb=2\r\nc=3\r\n", t.render());
    }

    @Test
    void escapedValues_readBackExactlyThroughPropertiesLoad() throws Exception {
        List<String> values = List.of("", "  leading spaces", "a=b:c#d!e", "back\\slash", "new\nline\r\tand\f",
                "caf\u00e9 \u65e5\u672c \ud83d\udd11", "\u0000\u001f\u007f", "trailing  ", "#not a comment");
        for (String v : values) {
            PropertiesText t = PropertiesText.parse("x=1\n");
            t.set("key with spaces=and:colon", v);
            t.set("x", v);
            Properties p = load(t.render());
            assertEquals(v, p.getProperty("x"));
            assertEquals(v, p.getProperty("key with spaces=and:colon"));
            assertTrue(t.render().chars().allMatch(c -> c == '\n' || (c >= 0x20 && c <= 0x7e)), t.render());
        }
    }

    @Test
    void parse_malformedUnicodeEscape_namesTheLine() {
        KeystoreException e = assertThrows(KeystoreException.class,
                () -> PropertiesText.parse("a=1\n# ok\nb=\\u12G4\n"));
        assertEquals(KeystoreException.Reason.MALFORMED, e.reason());
        assertEquals(3, e.line());
        assertEquals("line 3: malformed \\uXXXX escape (not a hex digit)", e.getMessage());
        KeystoreException shortEscape = assertThrows(KeystoreException.class, () -> PropertiesText.parse("b=\\u12"));
        assertEquals("line 1: malformed \\uXXXX escape (fewer than four hex digits)", shortEscape.getMessage());
    }

    @Test
    void toString_ofAPasswordLine_showsKeyNotValue() throws Exception {
        PropertiesText t = PropertiesText.parse("kmip.clientCertificatePassword=hunter2\n");
        String shown = t.lines().get(0).toString();
        assertEquals("line 1 kmip.clientCertificatePassword=...", shown);
    }

    private static Properties load(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p;
    }
}
