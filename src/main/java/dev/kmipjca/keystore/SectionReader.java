package dev.kmipjca.keystore;

import dev.kmipjca.envelope.WrappedKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A single pass over the bytes of a protected section laid out as kmip-jca writes it (docs/keystore.md):
 * each field on its line as {@code key=value}, base64 values on the key's line or on continuation
 * lines, ASCII only; {@link SectionLines} walks the lines and decodes the base64. Version 1 entries are
 * decoded into one array that is also the authenticator's input for them ({@link ProtectedSection#entryBlock}),
 * so nothing is copied or re-encoded to check it. Version 2 entries are read lazily: their headers only,
 * their lines stepped over by their layout ({@link #lazyEntry}); the authenticator covers the bytes.
 *
 * <p>It checks what {@link ProtectedSection#parse} checks, and returns null for anything it does not
 * accept; {@link KeystoreFile} then parses the file with the general properties reader, which either
 * reads it (an edited layout: other escapes, separators or line breaks) or says what is wrong.
 */
final class SectionReader extends SectionLines {
    /** Where the begin marker line starts: its byte offset and line number (1-based). */
    record Begin(int offset, int line) {
    }

    private static final byte[] BEGIN_PREFIX = ascii(Format.BEGIN_PREFIX);
    private static final byte[] END = ascii(Format.END);
    private static final byte[] HISTORY = ascii(Format.F_HISTORY);
    private static final byte[] ENTRY = ascii(Format.F_ENTRY);

    private SectionReader(byte[] bytes, Begin begin) {
        super(bytes, begin.offset, begin.line);
    }

    /**
     * The first comment line whose text starts with the begin marker, found as {@code PropertiesText}
     * splits lines (a comment is not continued; a setting ending in an odd number of backslashes is);
     * null when there is none.
     */
    static Begin findBegin(byte[] b) {
        int at = 0;
        int number = 1;
        boolean continued = false;
        while (at < b.length) {
            int e = at;
            while (e < b.length && b[e] != '\n' && b[e] != '\r') {
                e++;
            }
            int ws = skipSpace(b, at, e);
            if (continued) {
                continued = oddBackslashes(b, ws, e);
            } else if (ws == e || b[ws] == '#' || b[ws] == '!') {
                if (startsWith(b, ws, e, BEGIN_PREFIX)) {
                    return new Begin(at, number);
                }
            } else {
                continued = oddBackslashes(b, ws, e);
            }
            at = e < b.length && b[e] == '\r' && e + 1 < b.length && b[e + 1] == '\n' ? e + 2 : e + 1;
            number++;
        }
        return null;
    }

    /**
     * The section that starts at {@code begin}, or null when it is not laid out as kmip-jca writes it.
     *
     * @param digest the digest of a version 2 section's bytes (null when they could not be delimited)
     */
    static ProtectedSection read(byte[] bytes, Begin begin, SectionDigest digest) {
        try {
            return new SectionReader(bytes, begin).section(digest);
        } catch (KeystoreException | RuntimeException e) {
            return null; // the general parser reads it or explains the problem
        }
    }

    /**
     * Decodes the whole of the version 2 entry {@code kmipjca.entry.index} whose line starts at byte
     * {@code lineStart} of {@code text} (line {@code lineNumber}), with every check of a version 1 read.
     *
     * @throws KeystoreException MALFORMED naming the field and line
     */
    static SealedEntry decodeEntry(byte[] text, int lineStart, int lineNumber, int index) throws KeystoreException {
        String where = Format.F_ENTRY + index + " (line " + lineNumber + ")";
        try {
            SectionReader r = new SectionReader(text, new Begin(lineStart, lineNumber));
            if (r.key(ENTRY, index)) {
                byte[] out = new byte[Math.min(text.length - r.start, Format.MAX_ENTRY_BYTES * 4 / 3 + 8) / 4 * 3 + 6];
                int n = r.decodeValue(out, 0, Format.MAX_ENTRY_BYTES);
                if (n >= 0) {
                    return SealedEntry.parse(Arrays.copyOf(out, n), where, lineNumber);
                }
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new KeystoreException(KeystoreException.Reason.MALFORMED, lineNumber, where
                + ": not an entry in base64 as kmip-jca writes it");
    }

    /**
     * The fields of the section that starts at {@code begin} up to {@code kmipjca.entryCount}: what the
     * keystore key's unwrap needs, and the history. Null when they are not laid out as kmip-jca writes them.
     */
    static SectionHead readHead(byte[] bytes, Begin begin) {
        try {
            return new SectionReader(bytes, begin).head();
        } catch (KeystoreException | RuntimeException e) {
            return null;
        }
    }

    private SectionHead head() throws KeystoreException {
        if (!nextLine() || !ascii(start, end)) {
            return null;
        }
        int beginLine = line;
        int version = number(simple(Format.F_VERSION), Integer.MAX_VALUE);
        if (version != Format.VERSION && version != Format.VERSION_1) {
            return null;
        }
        String masterKeyId = simple(Format.F_MASTER_KEY_ID);
        int idLine = fieldLine;
        if (masterKeyId == null || masterKeyId.isEmpty() || masterKeyId.length() > WrappedKey.MAX_KEY_ID_BYTES) {
            return null;
        }
        byte[] kk = base64(Format.F_KEYSTORE_KEY, WrappedKey.MAX_CIPHERTEXT_BYTES + 64);
        int kkLine = fieldLine;
        if (kk == null) {
            return null;
        }
        WrappedKey wrapped = WrappedKeys.decode(kk, masterKeyId, kkLine);
        int historyCount = number(simple(Format.F_HISTORY_COUNT), Format.MAX_HISTORY);
        List<RetiredMasterKey> history = new ArrayList<>();
        for (int h = 0; h < historyCount; h++) {
            if (!key(HISTORY, h)) {
                return null;
            }
            String v = value();
            int space = v == null ? -1 : v.indexOf(' ');
            if (space < 1 || space == v.length() - 1 || v.length() - space - 1 > WrappedKey.MAX_KEY_ID_BYTES) {
                return null;
            }
            history.add(new RetiredMasterKey(v.substring(space + 1), Instant.parse(v.substring(0, space))));
        }
        int count = number(simple(Format.F_ENTRY_COUNT), Format.MAX_ENTRIES);
        if (count < 0 || count > (b.length - next) / 16) {
            return null;
        }
        return new SectionHead(version, beginLine, masterKeyId, idLine, wrapped, kkLine, List.copyOf(history), count);
    }

    private ProtectedSection section(SectionDigest digest) throws KeystoreException {
        SectionHead first = head();
        if (first == null) {
            return null;
        }
        int version = first.version();
        int beginLine = first.beginLine();
        String masterKeyId = first.masterKeyId();
        int idLine = first.masterKeyIdLine();
        WrappedKey wrapped = first.wrappedKey();
        int kkLine = first.keystoreKeyLine();
        List<RetiredMasterKey> history = first.history();
        int count = first.entryCount();
        List<SealedEntry> entries = new ArrayList<>(count);
        Map<String, SealedEntry> index = new LinkedHashMap<>((int) (count / 0.75f) + 1);
        byte[] block = null;
        int size = 0;
        if (version == Format.VERSION_1) {
            block = new byte[4 + 4 * count + (b.length - next) / 4 * 3 + 4];
            size = u32(block, 0, count);
        }
        for (int i = 0; i < count; i++) {
            int lineStart = next;
            SealedEntry e;
            if (block == null) {
                e = entryKey(i) || key(ENTRY, i) ? lazyEntry(i, lineStart) : null;
            } else if (!key(ENTRY, i)) {
                return null;
            } else {
                int n = decodeValue(block, size + 4, Format.MAX_ENTRY_BYTES);
                if (n < 0) {
                    return null;
                }
                e = SealedEntry.parseInPlace(block, size + 4, n);
                if (e == null) { // a non-ASCII alias, or a malformed entry (then this throws)
                    e = SealedEntry.parse(Arrays.copyOfRange(block, size + 4, size + 4 + n), Format.F_ENTRY + i, fieldLine);
                }
                size = u32(block, size, n) + n;
            }
            if (e == null || index.putIfAbsent(e.alias, e) != null) {
                return null;
            }
            entries.add(e);
        }
        byte[] mac = base64(Format.F_MAC, Format.MAC_BYTES);
        int macLine = fieldLine;
        if (mac == null || mac.length != Format.MAC_BYTES || !nextLine() || !Arrays.equals(b, start, end, END, 0,
                END.length)) {
            return null;
        }
        for (int i = next; i < b.length; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\f' && b[i] != '\r' && b[i] != '\n') {
                return null;
            }
        }
        return new ProtectedSection(version, beginLine, masterKeyId, idLine, wrapped, kkLine, history, entries, mac,
                macLine, block, size, index, version == Format.VERSION ? digest : null);
    }

    // ---- version 2 entries, read lazily ------------------------------------------------------------

    /** Scratch for the headers of lazily read entries: at most 3 + 1024 + 8 bytes, and a group of slack. */
    private final byte[] head = new byte[3 + Format.MAX_ALIAS_BYTES + 8 + 3];

    /**
     * The entry whose value starts at {@link #start}, read lazily: only its header is decoded, and its
     * continuation lines are stepped over by their fixed layout (four spaces, 64 characters and a
     * backslash; the last line 4 to 64 characters) without looking at every character. Null when the
     * value is not laid out that way. What is not looked at here is covered by the authenticator, whose
     * input is the section's bytes, and decoded with every check when the entry is first used.
     */
    private SealedEntry lazyEntry(int index, int lineStart) {
        int keyLine = fieldLine;
        int first;      // where the value's characters start
        int stride;     // from one continuation line's characters to the next's
        int chars;      // base64 characters in the value
        if (end - start == 1 && b[start] == '\\') {
            first = next + 4;
            int nl = -1;
            int s = next;
            int lines = 0;
            while (true) {
                if (s + 4 >= b.length || b[s] != ' ' || b[s + 1] != ' ' || b[s + 2] != ' ' || b[s + 3] != ' ') {
                    return null;
                }
                int c = s + 4;
                int e = c + Format.BASE64_LINE;
                int t;
                if (e + 1 < b.length && b[e] == '\\' && (t = terminator(e + 1)) > 0) {
                    if (nl < 0) {
                        nl = t;
                    } else if (nl != t) {
                        return null;
                    }
                    lines++;
                    line++;
                    s = e + 1 + t;
                    continue;
                }
                int q = c + 4;
                while (q < e && q < b.length && b[q] != '\n' && b[q] != '\r') {
                    q += 4;
                }
                if (q >= b.length || (t = terminator(q)) < 0 || (nl > 0 && nl != t)) {
                    return null;
                }
                line++;
                chars = lines * Format.BASE64_LINE + (q - c);
                start = c;
                end = q;
                next = q + t;
                stride = Format.BASE64_LINE + 4 + 1 + (nl < 0 ? t : nl);
                break;
            }
        } else {
            first = start;
            chars = end - start;
            stride = 0;
            if (chars > Format.BASE64_LINE) {
                return null;
            }
        }
        if (chars % 4 != 0 || chars < 8) {
            return null;
        }
        int lastAt = first + (chars - 1) / Format.BASE64_LINE * stride + (chars - 1) % Format.BASE64_LINE;
        int padding = b[lastAt] != '=' ? 0 : b[lastAt - 1] == '=' ? 2 : 1; // a last line has 4 characters or more
        int length = chars / 4 * 3 - padding;
        if (length > Format.MAX_ENTRY_BYTES || !decodeHead(first, stride, 0, 3)) {
            return null;
        }
        EntryKind kind = EntryKind.ofCode(head[0] & 0xFF);
        int n = (head[1] & 0xFF) << 8 | (head[2] & 0xFF);
        int headerLength = 3 + n + 8;
        if (kind == null || n == 0 || n > Format.MAX_ALIAS_BYTES
                || headerLength + Format.NONCE_BYTES + Format.TAG_BYTES > length
                || !decodeHead(first, stride, 3, headerLength)) {
            return null;
        }
        boolean ascii = true;
        for (int i = 3; i < 3 + n; i++) {
            byte c = head[i];
            if (c < 0) {
                ascii = false;
            } else if (c >= 'A' && c <= 'Z') {
                return null;
            }
        }
        String alias;
        if (ascii) {
            alias = new String(head, 3, n, StandardCharsets.ISO_8859_1);
        } else {
            alias = new String(head, 3, n, StandardCharsets.UTF_8);
            if (!Arrays.equals(alias.getBytes(StandardCharsets.UTF_8), 0, n, head, 3, 3 + n)
                    || !alias.equals(alias.toLowerCase(java.util.Locale.ROOT))) {
                return null; // not UTF-8, or not lower case: the general parser explains
            }
        }
        long created = 0;
        for (int i = 3 + n; i < headerLength; i++) {
            created = (created << 8) | (head[i] & 0xFF);
        }
        return SealedEntry.lazy(kind, alias, created, b, lineStart, keyLine, index, length);
    }

    /**
     * The quick form of {@code key(ENTRY, index)} for the line kmip-jca writes, {@code kmipjca.entry.N=\\}:
     * true, positioned as {@code key} leaves it, when the next line is exactly that; false, with nothing
     * moved, otherwise (then {@code key} reads it).
     */
    private boolean entryKey(int index) {
        int p = next;
        if (p + ENTRY.length + 4 > b.length) {
            return false;
        }
        for (int i = 0; i < ENTRY.length; i++) {
            if (b[p + i] != ENTRY[i]) {
                return false;
            }
        }
        p += ENTRY.length;
        int digits = p;
        int v = 0;
        while (p < b.length && b[p] >= '0' && b[p] <= '9' && p - digits < 8) {
            v = v * 10 + (b[p++] - '0');
        }
        if (p == digits || v != index || (b[digits] == '0' && p - digits > 1) || p + 2 >= b.length || b[p] != '='
                || b[p + 1] != '\\') {
            return false;
        }
        int t = terminator(p + 2);
        if (t < 0) {
            return false;
        }
        line++;
        fieldLine = line;
        start = p + 1;
        end = p + 2;
        next = p + 2 + t;
        return true;
    }

    /**
     * Decodes bytes {@code from} (a multiple of 3) to at least {@code to} of a value into {@link #head}: its
     * characters start at {@code first}, {@link Format#BASE64_LINE} per line, each line {@code stride}
     * bytes after the previous one. False on a character outside the alphabet.
     */
    private boolean decodeHead(int first, int stride, int from, int to) {
        int o = from;
        for (int k = from / 3 * 4; o < to; k += 4) { // a group never straddles lines: 64 is a multiple of 4
            int at = first + k / Format.BASE64_LINE * stride + k % Format.BASE64_LINE;
            int v = AT18[b[at] & 0xFF] | AT12[b[at + 1] & 0xFF] | AT6[b[at + 2] & 0xFF] | BASE64[b[at + 3] & 0xFF];
            if (v < 0) {
                return false;
            }
            head[o] = (byte) (v >> 16);
            head[o + 1] = (byte) (v >> 8);
            head[o + 2] = (byte) v;
            o += 3;
        }
        return true;
    }
}
