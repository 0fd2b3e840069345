package dev.kmipjca.keystore;

import dev.kmipjca.envelope.WrappedKey;
import dev.kmipjca.keystore.KeystoreException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;

/**
 * The protected section of a keystore file as read, before any cryptography: the fields between the
 * begin and end marker lines, in their fixed order (docs/keystore.md). Parsing checks the structure;
 * {@link #authenticate} computes the authenticator that {@code KeystoreContents} compares with
 * {@link #mac}.
 */
final class ProtectedSection {
    /** The format version read: {@link Format#VERSION_1} or {@link Format#VERSION}. */
    final int version;
    final int beginLine;
    final String masterKeyId;
    final int masterKeyIdLine;
    final WrappedKey wrappedKey;
    final int keystoreKeyLine;
    final List<RetiredMasterKey> history;
    final List<SealedEntry> entries;
    final byte[] mac;
    final int macLine;
    /**
     * When not null, {@code entryBlock[0 .. entryBlockLength)} is the authenticator's input for the
     * entries exactly: u32 count, then each entry's u32 length and binary form, in file order (the
     * entries are slices of it). {@link SectionReader} builds it while it decodes the file.
     */
    final byte[] entryBlock;
    final int entryBlockLength;
    /** {@link #entries} by alias, unmodifiable: from {@link SectionReader}, or built on first use. */
    private volatile Map<String, SealedEntry> index;
    /**
     * Version 2: the SHA-256 of the section's bytes, from its begin marker line up to the authenticator's
     * line; null when the file does not end with those two lines (the section then fails authentication).
     */
    final SectionDigest digest;

    private ProtectedSection(int version, int beginLine, String masterKeyId, int masterKeyIdLine,
            WrappedKey wrappedKey, int keystoreKeyLine, List<RetiredMasterKey> history, List<SealedEntry> entries,
            byte[] mac, int macLine, SectionDigest digest) {
        this(version, beginLine, masterKeyId, masterKeyIdLine, wrappedKey, keystoreKeyLine, history, entries, mac,
                macLine, null, 0, null, digest);
    }

    ProtectedSection(int version, int beginLine, String masterKeyId, int masterKeyIdLine, WrappedKey wrappedKey,
            int keystoreKeyLine, List<RetiredMasterKey> history, List<SealedEntry> entries, byte[] mac, int macLine,
            byte[] entryBlock, int entryBlockLength, Map<String, SealedEntry> index, SectionDigest digest) {
        this.version = version;
        this.digest = digest;
        this.index = index == null ? null : Collections.unmodifiableMap(index);
        this.entryBlock = entryBlock;
        this.entryBlockLength = entryBlockLength;
        this.beginLine = beginLine;
        this.masterKeyId = masterKeyId;
        this.masterKeyIdLine = masterKeyIdLine;
        this.wrappedKey = wrappedKey;
        this.keystoreKeyLine = keystoreKeyLine;
        this.history = List.copyOf(history);
        this.entries = List.copyOf(entries);
        this.mac = mac;
        this.macLine = macLine;
    }

    /**
     * Reads the section that starts with the begin marker at {@code lines.get(begin)}.
     *
     * @param digest for a version 2 section, the digest of its bytes (null when they could not be delimited)
     * @throws KeystoreException TRUNCATED without an end marker, UNSUPPORTED_VERSION, or MALFORMED
     *                           naming the line and field
     */
    static ProtectedSection parse(List<PropertiesLine> lines, int begin, SectionDigest digest) throws KeystoreException {
        int beginLine = lines.get(begin).number;
        int end = -1;
        for (int j = begin + 1; j < lines.size() && end < 0; j++) {
            if (!lines.get(j).isSetting() && lines.get(j).strippedText().equals(Format.END)) {
                end = j;
            }
        }
        if (end < 0) {
            int last = lines.isEmpty() ? 0 : lines.get(lines.size() - 1).number;
            throw new KeystoreException(Reason.TRUNCATED, last, "the protected section that begins on line "
                    + beginLine + " has no end marker line (" + Format.END + "): the file was cut short after line "
                    + last + " or the section was damaged; restore the file from a backup");
        }
        for (int j = end + 1; j < lines.size(); j++) {
            if (!lines.get(j).isBlank()) {
                throw new KeystoreException(Reason.MALFORMED, lines.get(j).number, "line " + lines.get(j).number
                        + ": nothing but blank lines may follow the end of the protected section (line "
                        + lines.get(end).number + "); put settings above the section");
            }
        }
        FieldCursor c = new FieldCursor(lines, begin + 1, end);
        PropertiesLine v = c.expect(Format.F_VERSION);
        int version = c.number(v, Integer.MAX_VALUE);
        if (version != Format.VERSION && version != Format.VERSION_1) {
            throw new KeystoreException(Reason.UNSUPPORTED_VERSION, v.number, Format.F_VERSION + "=" + version
                    + " (line " + v.number + "): this kmip-jca reads keystore format versions " + Format.VERSION_1
                    + " and " + Format.VERSION + "; open the file with the kmip-jca version that wrote it, or a newer one");
        }
        PropertiesLine idLine = c.expect(Format.F_MASTER_KEY_ID);
        String masterKeyId = c.identifier(idLine, idLine.value);
        PropertiesLine kk = c.expect(Format.F_KEYSTORE_KEY);
        WrappedKey wrapped = WrappedKeys.decode(c.base64(kk, WrappedKey.MAX_CIPHERTEXT_BYTES + 64), masterKeyId,
                kk.number);
        int historyCount = c.number(c.expect(Format.F_HISTORY_COUNT), Format.MAX_HISTORY);
        List<RetiredMasterKey> history = new ArrayList<>();
        for (int h = 0; h < historyCount; h++) {
            history.add(c.retired(c.expect(Format.F_HISTORY + h)));
        }
        PropertiesLine countLine = c.expect(Format.F_ENTRY_COUNT);
        int entryCount = c.number(countLine, Format.MAX_ENTRIES);
        List<SealedEntry> entries = new ArrayList<>();
        Map<String, Integer> aliases = new HashMap<>();
        for (int e = 0; e < entryCount; e++) {
            PropertiesLine l = c.expect(Format.F_ENTRY + e);
            SealedEntry s = SealedEntry.parse(c.base64(l, Format.MAX_ENTRY_BYTES), c.where(l), l.number);
            Integer earlier = aliases.putIfAbsent(s.alias, e);
            if (earlier != null) {
                throw new KeystoreException(Reason.MALFORMED, l.number, c.where(l) + ": alias '" + s.alias
                        + "' is also the alias of " + Format.F_ENTRY + earlier);
            }
            entries.add(s);
        }
        PropertiesLine macLine = c.expect(Format.F_MAC);
        byte[] mac = c.base64(macLine, Format.MAC_BYTES);
        if (mac.length != Format.MAC_BYTES) {
            throw new KeystoreException(Reason.MALFORMED, macLine.number, c.where(macLine) + ": the authenticator is "
                    + Format.MAC_BYTES + " bytes, this one " + mac.length);
        }
        c.expectEnd();
        return new ProtectedSection(version, beginLine, masterKeyId, idLine.number, wrapped, kk.number, history,
                entries, mac, macLine.number, version == Format.VERSION ? digest : null);
    }

    /**
     * The version 2 authenticator: HMAC-SHA256 under the authenticator key of {@link Format#MAC_LABEL_V2} and
     * the SHA-256 of the section's bytes (docs/keystore.md).
     */
    static byte[] authenticateV2(Mac mac, byte[] sectionDigest) {
        mac.update(Format.MAC_LABEL_V2);
        return mac.doFinal(sectionDigest);
    }

    /** The version 1 authenticator of a section's contents: HMAC-SHA256 under the authenticator key (docs/keystore.md). */
    static byte[] authenticate(Mac mac, String masterKeyId, byte[] keystoreKeyField, List<RetiredMasterKey> history,
            Iterable<SealedEntry> entries, int entryCount) {
        feedFields(mac, masterKeyId, keystoreKeyField, history);
        u32(mac, entryCount);
        for (SealedEntry e : entries) {
            u32(mac, e.encodedLength());
            e.feed(mac);
        }
        return mac.doFinal();
    }

    /**
     * The entries by alias in file order, unmodifiable: built once per parse and shared by every
     * keystore opened from it, each of which copies it before its first change.
     */
    Map<String, SealedEntry> index() {
        Map<String, SealedEntry> m = index;
        if (m == null) {
            LinkedHashMap<String, SealedEntry> built = new LinkedHashMap<>((int) (entries.size() / 0.75f) + 1);
            for (SealedEntry e : entries) {
                built.put(e.alias, e);
            }
            m = Collections.unmodifiableMap(built);
            index = m;
        }
        return m;
    }

    /**
     * The authenticator of this section as read: version 2, over the digest of its bytes (null when they
     * could not be delimited); version 1, over its contents (its entries in one piece when it can).
     */
    byte[] authenticate(Mac mac) {
        if (version == Format.VERSION) {
            return digest == null ? null : authenticateV2(mac, digest.get());
        }
        if (entryBlock == null) {
            return authenticate(mac, masterKeyId, WrappedKeys.encode(wrappedKey), history, entries, entries.size());
        }
        feedFields(mac, masterKeyId, WrappedKeys.encode(wrappedKey), history);
        mac.update(entryBlock, 0, entryBlockLength);
        return mac.doFinal();
    }

    /** The authenticator's input before the entries. */
    private static void feedFields(Mac mac, String masterKeyId, byte[] keystoreKeyField, List<RetiredMasterKey> history) {
        mac.update(Format.MAC_LABEL);
        u32(mac, Format.VERSION_1);
        lengthPrefixed(mac, masterKeyId.getBytes(StandardCharsets.UTF_8));
        lengthPrefixed(mac, keystoreKeyField);
        u32(mac, history.size());
        for (RetiredMasterKey r : history) {
            lengthPrefixed(mac, r.masterKeyId().getBytes(StandardCharsets.UTF_8));
            lengthPrefixed(mac, r.retired().toString().getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void u32(Mac mac, int v) {
        mac.update(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }

    private static void lengthPrefixed(Mac mac, byte[] b) {
        u32(mac, b.length);
        mac.update(b);
    }

    /**
     * The section's text up to the authenticator's line (the begin marker line first), each line ended by
     * {@code newline}: the bytes whose digest version 2 authenticates. ASCII only (values are escaped).
     */
    static String renderBody(String masterKeyId, WrappedKey wrapped, List<RetiredMasterKey> history,
            List<SealedEntry> entries, String newline) {
        StringBuilder out = new StringBuilder(256 + entries.size() * 200);
        out.append(Format.BEGIN).append(newline);
        field(out, Format.F_VERSION, Integer.toString(Format.VERSION), newline);
        field(out, Format.F_MASTER_KEY_ID, PropertiesEscapes.escapeValue(masterKeyId), newline);
        base64Field(out, Format.F_KEYSTORE_KEY, WrappedKeys.encode(wrapped), newline);
        field(out, Format.F_HISTORY_COUNT, Integer.toString(history.size()), newline);
        for (int h = 0; h < history.size(); h++) {
            RetiredMasterKey r = history.get(h);
            field(out, Format.F_HISTORY + h, PropertiesEscapes.escapeValue(r.retired() + " " + r.masterKeyId()),
                    newline);
        }
        field(out, Format.F_ENTRY_COUNT, Integer.toString(entries.size()), newline);
        for (int e = 0; e < entries.size(); e++) {
            base64Field(out, Format.F_ENTRY + e, entries.get(e).encode(), newline);
        }
        return out.toString();
    }

    /** The authenticator's line and the end marker line. */
    static String renderTail(byte[] mac, String newline) {
        StringBuilder out = new StringBuilder(128);
        base64Field(out, Format.F_MAC, mac, newline);
        out.append(Format.END).append(newline);
        return out.toString();
    }

    private static void field(StringBuilder out, String key, String escapedValue, String newline) {
        out.append(key).append('=').append(escapedValue).append(newline);
    }

    /** Base64 on the key's line when short, else on indented continuation lines of 64 characters. */
    private static void base64Field(StringBuilder out, String key, byte[] value, String newline) {
        String b64 = Base64.getEncoder().encodeToString(value);
        if (b64.length() <= Format.BASE64_LINE) {
            field(out, key, b64, newline);
            return;
        }
        out.append(key).append("=\\").append(newline);
        for (int i = 0; i < b64.length(); i += Format.BASE64_LINE) {
            out.append("    ").append(b64, i, Math.min(b64.length(), i + Format.BASE64_LINE));
            out.append(i + Format.BASE64_LINE < b64.length() ? "\\" : "").append(newline);
        }
    }

    private static final class FieldCursor {
        private final List<PropertiesLine> lines;
        private final int end;
        private int at;

        FieldCursor(List<PropertiesLine> lines, int from, int end) {
            this.lines = lines;
            this.at = from;
            this.end = end;
        }

        String where(PropertiesLine l) {
            return l.key + " (line " + l.number + ")";
        }

        PropertiesLine expect(String key) throws KeystoreException {
            if (at == end) {
                int n = lines.get(end).number;
                throw new KeystoreException(Reason.MALFORMED, n, "line " + n + ": the protected section ends before "
                        + key + ", which is missing");
            }
            PropertiesLine l = lines.get(at++);
            if (!l.isSetting()) {
                throw new KeystoreException(Reason.MALFORMED, l.number, "line " + l.number + ": expected " + key
                        + ", found " + (l.isBlank() ? "a blank line" : "a comment") + " inside the protected section");
            }
            if (!l.key.equals(key)) {
                throw new KeystoreException(Reason.MALFORMED, l.number, "line " + l.number + ": expected " + key
                        + ", found " + shorten(l.key) + (key.startsWith(Format.F_ENTRY)
                        && l.key.equals(Format.F_MAC) ? " (fewer entries than " + Format.F_ENTRY_COUNT + " says)" : ""));
            }
            return l;
        }

        void expectEnd() throws KeystoreException {
            if (at != end) {
                PropertiesLine l = lines.get(at);
                throw new KeystoreException(Reason.MALFORMED, l.number, "line " + l.number + ": expected the end"
                        + " marker after " + Format.F_MAC + ", found " + (l.isSetting() ? shorten(l.key) : "other text"));
            }
        }

        int number(PropertiesLine l, int max) throws KeystoreException {
            if (!l.value.matches("0|[1-9][0-9]{0,8}") || Integer.parseInt(l.value) > max) {
                throw new KeystoreException(Reason.MALFORMED, l.number, where(l) + ": the value is not a number from 0"
                        + " to " + max);
            }
            return Integer.parseInt(l.value);
        }

        String identifier(PropertiesLine l, String id) throws KeystoreException {
            int n = id.getBytes(StandardCharsets.UTF_8).length;
            if (n == 0 || n > WrappedKey.MAX_KEY_ID_BYTES) {
                throw new KeystoreException(Reason.MALFORMED, l.number, where(l) + ": a master key identifier is 1 to "
                        + WrappedKey.MAX_KEY_ID_BYTES + " UTF-8 bytes, this one " + n);
            }
            return id;
        }

        byte[] base64(PropertiesLine l, int maxBytes) throws KeystoreException {
            if (l.value.length() > (maxBytes / 3 + 1) * 4) {
                throw new KeystoreException(Reason.MALFORMED, l.number, where(l) + ": longer than the limit of "
                        + maxBytes + " bytes");
            }
            try {
                return Base64.getDecoder().decode(l.value);
            } catch (IllegalArgumentException e) {
                throw new KeystoreException(Reason.MALFORMED, l.number, where(l) + ": not valid base64 ("
                        + e.getMessage() + ")");
            }
        }

        RetiredMasterKey retired(PropertiesLine l) throws KeystoreException {
            int space = l.value.indexOf(' ');
            try {
                if (space < 0) {
                    throw new DateTimeParseException("no space", l.value, 0);
                }
                Instant when = Instant.parse(l.value.substring(0, space));
                return new RetiredMasterKey(identifier(l, l.value.substring(space + 1)), when);
            } catch (DateTimeParseException e) {
                throw new KeystoreException(Reason.MALFORMED, l.number, where(l) + ": expected a date such as "
                        + "2025-01-31T12:00:00Z, a space and a master key identifier");
            }
        }

        private static String shorten(String s) {
            return s.length() <= 40 ? s : s.substring(0, 40) + "...";
        }
    }
}
