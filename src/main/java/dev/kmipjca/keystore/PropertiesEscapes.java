package dev.kmipjca.keystore;

/**
 * The escapes of the {@code java.util.Properties} text format, read exactly as {@code Properties.load}
 * reads them and written so that any reader gets the value back, whatever encoding it assumes: every
 * character outside printable ASCII is written as {@code \}{@code uXXXX}.
 */
final class PropertiesEscapes {
    private PropertiesEscapes() {
    }

    /** A key as {@code Properties.store} writes it: spaces are escaped too. */
    static String escapeKey(String key) {
        return escape(key, true);
    }

    /**
     * A value: only what a reader would misread is escaped. A leading space, {@code =} or {@code :}
     * would be taken for part of the separator; {@code #}, {@code !} and later {@code =} or {@code :}
     * need no escape in a value, which keeps identifiers and dates readable.
     */
    static String escapeValue(String value) {
        return escape(value, false);
    }

    private static String escape(String s, boolean key) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case ' ' -> out.append(i == 0 || key ? "\\ " : " ");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                case '\\' -> out.append("\\\\");
                case '=', ':' -> out.append(i == 0 || key ? "\\" : "").append(c);
                case '#', '!' -> out.append(i == 0 && key ? "\\" : "").append(c);
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Resolves the escapes of a key or value as {@code Properties.load} does: {@code \t \n \r \f},
     * {@code \}{@code uXXXX}, and a backslash before any other character stands for that character.
     *
     * @param line the file line, for the error message
     */
    static String unescape(String s, int line) throws KeystoreException {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c != '\\' || i == s.length()) {
                out.append(c);
                continue;
            }
            c = s.charAt(i++);
            switch (c) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append(hex4(s, i, line));
                    i += 4;
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static char hex4(String s, int at, int line) throws KeystoreException {
        if (at + 4 > s.length()) {
            throw new KeystoreException(KeystoreException.Reason.MALFORMED, line,
                    "line " + line + ": malformed \\uXXXX escape (fewer than four hex digits)");
        }
        int v = 0;
        for (int k = at; k < at + 4; k++) {
            int d = Character.digit(s.charAt(k), 16);
            if (d < 0) {
                throw new KeystoreException(KeystoreException.Reason.MALFORMED, line,
                        "line " + line + ": malformed \\uXXXX escape (not a hex digit)");
            }
            v = v * 16 + d;
        }
        return (char) v;
    }
}
