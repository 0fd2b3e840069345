package dev.kmipjca.keystore;

/**
 * One logical line of a properties file: a blank line, a comment, or a key and value that may span
 * several physical lines joined by a trailing backslash. {@link #raw} is the exact text of those
 * physical lines, terminators included, so that an untouched line is written back byte for byte.
 * {@link #toString()} shows the line number and key only: values may be passwords.
 */
final class PropertiesLine {
    /** 1-based number of the first physical line in the file it was read from; 0 for a line added since. */
    final int number;
    final String raw;
    /** The unescaped key, or null for a blank or comment line. */
    final String key;
    /** The unescaped value, or null for a blank or comment line. */
    final String value;
    /**
     * Where the value starts in {@link #raw} when it starts on the first physical line (so the key and
     * separator can be kept as written when the value is replaced), else -1.
     */
    final int valueOffset;

    PropertiesLine(int number, String raw, String key, String value, int valueOffset) {
        this.number = number;
        this.raw = raw;
        this.key = key;
        this.value = value;
        this.valueOffset = valueOffset;
    }

    static PropertiesLine text(int number, String raw) {
        return new PropertiesLine(number, raw, null, null, -1);
    }

    boolean isSetting() {
        return key != null;
    }

    boolean isBlank() {
        return key == null && raw.isBlank();
    }

    /** The comment or blank text without its line terminator, leading and trailing space. */
    String strippedText() {
        return raw.strip();
    }

    boolean endsWithNewline() {
        return raw.endsWith("\n") || raw.endsWith("\r");
    }

    /** This line with {@code value} in place of its value, keeping the key and separator as written. */
    PropertiesLine withValue(String newValue) {
        String prefix = valueOffset >= 0 ? raw.substring(0, valueOffset)
                : PropertiesEscapes.escapeKey(key) + "=";
        String escaped = PropertiesEscapes.escapeValue(newValue);
        return new PropertiesLine(number, prefix + escaped + terminator(), key, newValue, prefix.length());
    }

    /** The line terminator this line ends with: "\r\n", "\n", "\r", or "" at the end of a file. */
    String terminator() {
        if (raw.endsWith("\r\n")) {
            return "\r\n";
        }
        return raw.endsWith("\n") ? "\n" : raw.endsWith("\r") ? "\r" : "";
    }

    /** A new {@code key=value} line. */
    static PropertiesLine setting(String key, String value, String newline) {
        String prefix = PropertiesEscapes.escapeKey(key) + "=";
        return new PropertiesLine(0, prefix + PropertiesEscapes.escapeValue(value) + newline, key, value,
                prefix.length());
    }

    @Override
    public String toString() {
        return key == null ? "line " + number : "line " + number + " " + key + "=...";
    }
}
