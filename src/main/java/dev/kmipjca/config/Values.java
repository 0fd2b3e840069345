package dev.kmipjca.config;

import java.util.Locale;

/** Text-to-value conversions for settings; each failure names the rule, the caller adds key and value. */
final class Values {
    private Values() {
    }

    static int integer(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number");
        }
    }

    static long longInteger(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number");
        }
    }

    /** {@code true} or {@code false}, any case; nothing else (no yes/no/1/0, to catch typos). */
    static boolean bool(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("true")) {
            return true;
        }
        if (t.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException("must be true or false");
    }

    /**
     * A value as it may appear in a message: control characters escaped, at most 200 characters.
     * Never used for passwords.
     */
    static String show(String value) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (; i < value.length() && sb.length() < 200; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return i < value.length() ? sb + "..." : sb.toString();
    }
}
