package dev.kmipjca.keystore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A properties file kept line by line, so that it can be edited without losing what people wrote:
 * comments, blank lines, order, spacing and line terminators stay as they were, and a changed value is
 * replaced in place. Reading follows {@code java.util.Properties.load} exactly (comments start with
 * {@code #} or {@code !}, a line ending in an odd number of backslashes continues on the next line
 * whose leading white space is skipped, {@code =}, {@code :} or white space separate key and value, the
 * last of repeated keys wins).
 */
final class PropertiesText {
    private final List<PropertiesLine> lines;
    private final String newline;

    private PropertiesText(List<PropertiesLine> lines, String newline) {
        this.lines = lines;
        this.newline = newline;
    }

    /** Splits {@code text} into logical lines. */
    static PropertiesText parse(String text) throws KeystoreException {
        List<String> physical = physicalLines(text);
        List<PropertiesLine> out = new ArrayList<>();
        int i = 0;
        while (i < physical.size()) {
            int first = i;
            String content = withoutTerminator(physical.get(i));
            int ws = leadingSpace(content, 0);
            if (ws == content.length() || content.charAt(ws) == '#' || content.charAt(ws) == '!') {
                out.add(PropertiesLine.text(first + 1, physical.get(i)));
                i++;
                continue;
            }
            StringBuilder logical = new StringBuilder(content.substring(ws));
            StringBuilder raw = new StringBuilder(physical.get(i));
            int firstSegment = -1;
            while (endsWithOddBackslashes(logical)) {
                logical.setLength(logical.length() - 1);
                if (firstSegment < 0) {
                    firstSegment = logical.length();
                }
                if (++i == physical.size()) {
                    break;
                }
                String next = withoutTerminator(physical.get(i));
                logical.append(next, leadingSpace(next, 0), next.length());
                raw.append(physical.get(i));
            }
            i++;
            out.add(setting(first + 1, raw.toString(), logical.toString(), ws,
                    firstSegment < 0 ? logical.length() : firstSegment));
        }
        return new PropertiesText(out, detectNewline(physical));
    }

    /** Splits key from value as {@code Properties.load} does. */
    private static PropertiesLine setting(int number, String raw, String logical, int ws, int firstSegment)
            throws KeystoreException {
        int keyEnd = 0;
        int valueStart = logical.length();
        boolean separator = false;
        boolean escaped = false;
        for (; keyEnd < logical.length(); keyEnd++) {
            char c = logical.charAt(keyEnd);
            if ((c == '=' || c == ':') && !escaped) {
                valueStart = keyEnd + 1;
                separator = true;
                break;
            } else if ((c == ' ' || c == '\t' || c == '\f') && !escaped) {
                valueStart = keyEnd + 1;
                break;
            }
            escaped = c == '\\' && !escaped;
        }
        while (valueStart < logical.length()) {
            char c = logical.charAt(valueStart);
            if (c != ' ' && c != '\t' && c != '\f') {
                if (separator || (c != '=' && c != ':')) {
                    break;
                }
                separator = true;
            }
            valueStart++;
        }
        String key = PropertiesEscapes.unescape(logical.substring(0, keyEnd), number);
        String value = PropertiesEscapes.unescape(logical.substring(valueStart), number);
        boolean hasSeparator = keyEnd < logical.length();
        int offset = hasSeparator && valueStart <= firstSegment ? ws + valueStart : -1;
        return new PropertiesLine(number, raw, key, value, offset);
    }

    private static List<String> physicalLines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    private static String withoutTerminator(String physical) {
        int end = physical.length();
        while (end > 0 && (physical.charAt(end - 1) == '\n' || physical.charAt(end - 1) == '\r')) {
            end--;
        }
        return physical.substring(0, end);
    }

    private static int leadingSpace(String s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\f')) {
            i++;
        }
        return i;
    }

    private static boolean endsWithOddBackslashes(CharSequence s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    private static String detectNewline(List<String> physical) {
        for (String p : physical) {
            if (p.endsWith("\r\n")) {
                return "\r\n";
            } else if (p.endsWith("\n")) {
                return "\n";
            }
        }
        return "\n";
    }

    // ---- the model ---------------------------------------------------------------------------------

    static PropertiesText empty() {
        return new PropertiesText(new ArrayList<>(), "\n");
    }

    /** Lines {@code from} (inclusive) to {@code to} (exclusive) as a text of their own. */
    PropertiesText slice(int from, int to) {
        return new PropertiesText(new ArrayList<>(lines.subList(from, to)), newline);
    }

    /** The same lines with another line terminator for lines added later. */
    PropertiesText withNewline(String nl) {
        return new PropertiesText(lines, nl);
    }

    PropertiesText copy() {
        return slice(0, lines.size());
    }

    List<PropertiesLine> lines() {
        return List.copyOf(lines);
    }

    /** The line terminator this file uses ("\n" unless its first terminated line ends in "\r\n"). */
    String newline() {
        return newline;
    }

    /** The last line that sets {@code key} (the one {@code Properties.load} keeps). */
    Optional<PropertiesLine> find(String key) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (key.equals(lines.get(i).key)) {
                return Optional.of(lines.get(i));
            }
        }
        return Optional.empty();
    }

    Optional<String> get(String key) {
        return find(key).map(l -> l.value);
    }

    /**
     * Sets {@code key} to {@code value}: in place where the key is set (its last occurrence), else on a
     * new line after the last setting (or at the end when there is none).
     */
    void set(String key, String value) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (key.equals(lines.get(i).key)) {
                lines.set(i, lines.get(i).withValue(value));
                return;
            }
        }
        int at = lines.size();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).isSetting()) {
                at = i + 1;
                break;
            }
        }
        terminate(at - 1);
        lines.add(at, PropertiesLine.setting(key, value, newline));
    }

    /** Inserts a comment or blank line (given without terminator) before line {@code index}. */
    void insertText(int index, String text) {
        terminate(index - 1);
        lines.add(index, PropertiesLine.text(0, text + newline));
    }

    /** Appends a blank line unless the text is empty or already ends with one; terminates the last line. */
    void endWithBlankLine() {
        if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
            insertText(lines.size(), "");
        }
        terminate(lines.size() - 1);
    }

    /** Gives line {@code index} a terminator if it is the unterminated last line of a file. */
    private void terminate(int index) {
        if (index >= 0 && index < lines.size() && !lines.get(index).endsWithNewline()) {
            PropertiesLine l = lines.get(index);
            lines.set(index, new PropertiesLine(l.number, l.raw + newline, l.key, l.value, l.valueOffset));
        }
    }

    /** The settings as {@code Properties.load} would read them from {@link #render()}. */
    Properties toProperties() {
        Properties p = new Properties();
        for (PropertiesLine l : lines) {
            if (l.isSetting()) {
                p.setProperty(l.key, l.value);
            }
        }
        return p;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        for (PropertiesLine l : lines) {
            out.append(l.raw);
        }
        return out.toString();
    }
}
