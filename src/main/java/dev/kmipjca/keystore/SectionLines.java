package dev.kmipjca.keystore;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of a protected section line by line, as {@link SectionReader} reads them: a cursor over the
 * physical lines ({@link #start} to {@link #end} of the current one, {@link #next} where the following one
 * starts), the fields {@code key=value} found on them, and base64 values on the key's line or on
 * continuation lines, decoded straight from the byte ranges. Everything here returns null, false or -1 for
 * what it does not accept, and leaves the explanation to the general parser.
 */
abstract class SectionLines {
    static final int[] BASE64 = Base64Quads.VALUE;
    static final int[] AT18 = Base64Quads.AT18;
    static final int[] AT12 = Base64Quads.AT12;
    static final int[] AT6 = Base64Quads.AT6;

    final byte[] b;
    /** Where the next line starts. */
    int next;
    /** The number of the current line (1-based). */
    int line;
    /** The current line, or the part of it not yet read, and where it ends (before its terminator). */
    int start;
    int end;
    /** The line of the field last found by {@code key}. */
    int fieldLine;

    /** A cursor before the line that starts at byte {@code offset}, whose number is {@code lineNumber}. */
    SectionLines(byte[] bytes, int offset, int lineNumber) {
        this.b = bytes;
        this.next = offset;
        this.line = lineNumber - 1;
    }

    // ---- lines and fields -------------------------------------------------------------------------

    /** Moves to the next physical line ({@link #start} to {@link #end}, without terminator); false at the end. */
    boolean nextLine() {
        if (next >= b.length) {
            return false;
        }
        start = next;
        line++;
        endLineFrom(start);
        return true;
    }

    /**
     * Ends the line begun at {@link #start} at the first line terminator at or after {@code from}
     * (which the caller knows is not past it): sets {@link #end} and {@link #next}.
     */
    void endLineFrom(int from) {
        int e = from;
        while (e < b.length && b[e] != '\n' && b[e] != '\r') {
            e++;
        }
        end = e;
        if (e < b.length && b[e] == '\r') {
            if (e + 1 >= b.length || b[e + 1] != '\n') {
                throw new IllegalArgumentException("a lone carriage return");
            }
            e++;
        }
        next = e + 1;
    }

    /** The length of the line terminator at {@code at} ("\n" 1, "\r\n" 2), or -1. */
    int terminator(int at) {
        if (b[at] == '\n') {
            return 1;
        }
        return b[at] == '\r' && at + 1 < b.length && b[at + 1] == '\n' ? 2 : -1;
    }

    /** The next line is {@code key=}; leaves {@link #start} after the '='. */
    boolean key(String key) {
        if (!nextLine() || end - start <= key.length() || b[start + key.length()] != '=') {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (b[start + i] != key.charAt(i)) {
                return false;
            }
        }
        start += key.length() + 1;
        fieldLine = line;
        return true;
    }

    /** The next line is {@code prefix}, the decimal {@code index} and '='. */
    boolean key(byte[] prefix, int index) {
        if (!nextLine()) {
            return false;
        }
        int p = start + prefix.length;
        if (p >= end || !startsWith(b, start, end, prefix)) {
            return false;
        }
        long v = 0;
        int digits = p;
        while (p < end && b[p] >= '0' && b[p] <= '9' && p - digits < 10) {
            v = v * 10 + (b[p++] - '0');
        }
        if (p == digits || p >= end || b[p] != '=' || v != index || (b[digits] == '0' && p - digits > 1)) {
            return false;
        }
        start = p + 1;
        fieldLine = line;
        return true;
    }

    /** A plain value: printable ASCII without backslashes, not starting with white space; else null. */
    String value() {
        if (start < end && (b[start] == ' ' || b[start] == '\t' || b[start] == '\f')) {
            return null;
        }
        for (int i = start; i < end; i++) {
            if (b[i] < 0x20 || b[i] > 0x7E || b[i] == '\\') {
                return null;
            }
        }
        return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
    }

    String simple(String key) {
        return key(key) ? value() : null;
    }

    /** A decimal of "0|[1-9][0-9]{0,8}" up to {@code max}, else -1. */
    static int number(String v, int max) {
        if (v == null || v.isEmpty() || v.length() > 9 || (v.charAt(0) == '0' && v.length() > 1)) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n <= max ? n : -1;
    }

    byte[] base64(String key, int maxBytes) {
        if (!key(key)) {
            return null;
        }
        byte[] out = new byte[Math.min((b.length - start) / 4 * 3, (maxBytes / 3 + 1) * 3) + 3];
        int n = decodeValue(out, 0, maxBytes);
        return n < 0 ? null : Arrays.copyOf(out, n);
    }

    /**
     * Decodes the base64 value that starts at {@link #start}: the rest of the line, or, when that is
     * a lone backslash, the continuation lines (leading white space skipped, a final backslash
     * continuing). Only canonical base64 is taken (whole groups of four, '=' padding at the end).
     *
     * @return the number of bytes written to {@code out} at {@code at}, or -1
     */
    int decodeValue(byte[] out, int at, int maxBytes) {
        int limit = (maxBytes / 3 + 1) * 4;
        int chars = 0;
        int o = at;
        int acc = 0;
        int k = 0;
        int pad = 0;
        boolean more = end - start == 1 && b[start] == '\\';
        while (true) {
            int s;
            int i;
            if (more) {
                // a continuation line, decoded as it is scanned: its end is looked for from where the
                // groups of four stopped (base64 characters are never line terminators)
                if (next >= b.length) {
                    return -1;
                }
                start = next;
                line++;
                s = skipSpace(b, start, b.length);
                i = k == 0 && pad == 0 ? Base64Quads.decode(b, s, (int) Math.min(b.length, (long) s + limit - chars), out, o) : s;
                endLineFrom(i);
            } else {
                s = start;
                i = k == 0 && pad == 0 ? Base64Quads.decode(b, s, Math.min(end, s + limit - chars), out, o) : s;
            }
            o += (i - s) / 4 * 3;
            int e = end;
            boolean continues = more && e > s && b[e - 1] == '\\';
            if (continues) {
                e--;
            }
            chars += e - s;
            if (chars > limit) {
                return -1;
            }
            for (; i < e; i++) {
                int c = BASE64[b[i] & 0xFF];
                if (c < 0) {
                    if (b[i] != '=' || (k < 2 && pad == 0)) {
                        return -1;
                    }
                    pad++;
                } else if (pad > 0) {
                    return -1;
                } else {
                    acc = acc << 6 | c;
                    if (++k == 4) {
                        out[o++] = (byte) (acc >> 16);
                        out[o++] = (byte) (acc >> 8);
                        out[o++] = (byte) acc;
                        acc = 0;
                        k = 0;
                    }
                }
            }
            if (!continues) {
                break;
            }
        }
        if (k == 2 && pad == 2) {
            out[o++] = (byte) (acc >> 4);
        } else if (k == 3 && pad == 1) {
            out[o++] = (byte) (acc >> 10);
            out[o++] = (byte) (acc >> 2);
        } else if (k != 0 || pad != 0) {
            return -1;
        }
        return o - at;
    }

    // ---- bytes ------------------------------------------------------------------------------------

    static int u32(byte[] out, int at, int v) {
        out[at] = (byte) (v >>> 24);
        out[at + 1] = (byte) (v >>> 16);
        out[at + 2] = (byte) (v >>> 8);
        out[at + 3] = (byte) v;
        return at + 4;
    }

    static int skipSpace(byte[] b, int from, int to) {
        int i = from;
        while (i < to && (b[i] == ' ' || b[i] == '\t' || b[i] == '\f')) {
            i++;
        }
        return i;
    }

    static boolean oddBackslashes(byte[] b, int from, int to) {
        int n = 0;
        for (int i = to - 1; i >= from && b[i] == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    static boolean startsWith(byte[] b, int from, int to, byte[] prefix) {
        return to - from >= prefix.length && Arrays.equals(b, from, from + prefix.length, prefix, 0, prefix.length);
    }

    boolean ascii(int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
