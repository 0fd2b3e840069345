package dev.kmipjca.ttlv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Names of tags and enumeration values, read from the data tables {@code tags.tsv} and {@code enums.tsv}
 * (KMIP 2.1 sections 11.56 and 11; see the files' headers). Used by the printer and by error messages.
 */
public final class TagNames {
    private TagNames() {}

    private static final class Tables {
        static final Map<Integer, String> TAG_NAMES = new HashMap<>();
        static final Map<String, Integer> TAG_BY_NAME = new HashMap<>();
        static final Map<Long, String> ENUM_NAMES = new HashMap<>();

        static {
            for (String[] row : read("tags.tsv")) {
                int tag = Integer.decode(row[0]);
                TAG_NAMES.put(tag, row[1]);
                TAG_BY_NAME.put(key(row[1]), tag);
            }
            for (String[] row : read("enums.tsv")) {
                ENUM_NAMES.put(enumKey(Integer.decode(row[0]), Long.decode(row[1]).intValue()), row[2]);
            }
        }

        private static java.util.List<String[]> read(String file) {
            java.util.List<String[]> rows = new java.util.ArrayList<>();
            try (InputStream in = TagNames.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource dev/kmipjca/ttlv/" + file);
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        rows.add(line.split("\t"));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rows;
        }
    }

    /** The spec's name of a tag ("Unique Identifier"), or null for a tag the tables do not know. */
    public static String nameOf(int tag) {
        return Tables.TAG_NAMES.get(tag);
    }

    /**
     * The tag with this name, ignoring case, spaces and punctuation ("Unique Identifier",
     * "UniqueIdentifier"), or -1.
     */
    public static int tagNamed(String name) {
        Integer t = Tables.TAG_BY_NAME.get(key(name));
        return t == null ? -1 : t;
    }

    /** The name of an enumeration value of the field with this tag, or null when unknown. */
    public static String enumName(int tag, int value) {
        return Tables.ENUM_NAMES.get(enumKey(tag, value));
    }

    /** "0x420094 (Unique Identifier)", or "0x540001 (vendor)" / "0x420999 (unknown)". */
    public static String describe(int tag) {
        String name = nameOf(tag);
        if (name == null) {
            name = isVendorTag(tag) ? "vendor" : "unknown";
        }
        return hex(tag) + " (" + name + ")";
    }

    /** "Unique Identifier (0x420094)", as the printer shows a tag. */
    public static String label(int tag) {
        String name = nameOf(tag);
        if (name == null) {
            name = isVendorTag(tag) ? "Vendor Tag" : "Unknown Tag";
        }
        return name + " (" + hex(tag) + ")";
    }

    /** "0x420094". */
    public static String hex(int tag) {
        return String.format(Locale.ROOT, "0x%06X", tag & 0xFFFFFF);
    }

    /** True for tags in the standard range 0x42xxxx or the extension range 0x54xxxx. */
    public static boolean isValidTag(int tag) {
        int prefix = tag >>> 16;
        return (prefix == 0x42 || prefix == 0x54);
    }

    /** True for tags in the extension range 0x54xxxx. */
    public static boolean isVendorTag(int tag) {
        return (tag >>> 16) == 0x54;
    }

    private static String key(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    private static long enumKey(int tag, int value) {
        return ((long) tag << 32) | (value & 0xFFFFFFFFL);
    }
}
