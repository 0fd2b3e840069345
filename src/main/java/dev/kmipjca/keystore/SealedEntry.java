package dev.kmipjca.keystore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Mac;

/**
 * An entry as stored: kind, alias and creation date in the clear (authenticated), the contents
 * encrypted with AES-256-GCM. Binary form (big-endian):
 * <pre>
 * u8      kind (EntryKind.code)
 * u16     alias length, then the alias (UTF-8, lower case)
 * i64     creation date, milliseconds since 1970-01-01T00:00:00Z
 * 12      GCM nonce
 * rest    ciphertext followed by the 16-byte GCM tag
 * </pre>
 * The first three fields are the entry's header, part of its GCM associated data.
 */
final class SealedEntry {
    final EntryKind kind;
    final String alias;
    final long createdMillis;
    /** The binary form, or null until a lazily read entry is first decoded ({@link #slice()}). */
    private volatile Slice slice;
    /**
     * A version 2 entry as found by {@link SectionReader}: its header was decoded, the rest of its value is
     * still base64 in {@code text} (null for an entry decoded when read, or made here), its field
     * {@code kmipjca.entry.index} on line {@code lineNumber}, which starts at byte {@code lineStart}.
     */
    private final byte[] text;
    private final int lineStart;
    private final int lineNumber;
    private final int index;
    /** The length of the binary form, known from the number of base64 characters. */
    private final int encodedLength;

    /**
     * A binary form: {@code data[offset .. offset + length)}, {@code data} possibly shared with other
     * entries; the header (kind, alias, date) is its first {@code headerLength} bytes, the nonce follows.
     */
    private record Slice(byte[] data, int offset, int length, int headerLength) {
    }

    SealedEntry(EntryKind kind, String alias, long createdMillis, byte[] nonce, byte[] ciphertext) {
        this.kind = kind;
        this.alias = alias;
        this.createdMillis = createdMillis;
        byte[] header = headerOf(kind, alias, createdMillis);
        byte[] data = new ByteWriter(header.length + nonce.length + ciphertext.length).bytes(header).bytes(nonce)
                .bytes(ciphertext).toByteArray();
        this.slice = new Slice(data, 0, data.length, header.length);
        this.text = null;
        this.lineStart = 0;
        this.lineNumber = 0;
        this.index = 0;
        this.encodedLength = data.length;
    }

    /** An entry whose binary form, already checked, is the slice {@code data[offset .. offset + length)}. */
    private SealedEntry(EntryKind kind, String alias, long createdMillis, byte[] data, int offset, int length,
            int headerLength) {
        this.kind = kind;
        this.alias = alias;
        this.createdMillis = createdMillis;
        this.slice = new Slice(data, offset, length, headerLength);
        this.text = null;
        this.lineStart = 0;
        this.lineNumber = 0;
        this.index = 0;
        this.encodedLength = length;
    }

    private SealedEntry(EntryKind kind, String alias, long createdMillis, byte[] text, int lineStart, int lineNumber,
            int index, int encodedLength) {
        this.kind = kind;
        this.alias = alias;
        this.createdMillis = createdMillis;
        this.text = text;
        this.lineStart = lineStart;
        this.lineNumber = lineNumber;
        this.index = index;
        this.encodedLength = encodedLength;
    }

    /**
     * A version 2 entry of which only the header has been read: kind, alias and date (decoded from the
     * start of its value), its field {@code kmipjca.entry.index} on line {@code lineNumber}, which starts
     * at byte {@code lineStart} of {@code text}, and the length of its binary form. The rest is decoded
     * when first needed, and checked then ({@link #slice()}); the section's authenticator, which covers the
     * file's bytes, has vouched for it before anyone can ask.
     */
    static SealedEntry lazy(EntryKind kind, String alias, long createdMillis, byte[] text, int lineStart,
            int lineNumber, int index, int encodedLength) {
        return new SealedEntry(kind, alias, createdMillis, text, lineStart, lineNumber, index, encodedLength);
    }

    /** The binary form, decoded now if this entry was read lazily. */
    private Slice slice() throws KeystoreException {
        Slice s = slice;
        if (s == null) {
            SealedEntry full = SectionReader.decodeEntry(text, lineStart, lineNumber, index);
            if (full.kind != kind || !full.alias.equals(alias) || full.createdMillis != createdMillis
                    || full.encodedLength != encodedLength) {
                throw new KeystoreException(KeystoreException.Reason.MALFORMED, lineNumber, Format.F_ENTRY
                        + index + " (line " + lineNumber + "): the entry reads differently in full than its header said");
            }
            s = full.slice;
            slice = s;
        }
        return s;
    }

    /** {@link #slice()} where a failure would be a bug: the entry was authenticated (its file's bytes). */
    private Slice checkedSlice() {
        try {
            return slice();
        } catch (KeystoreException e) {
            throw new IllegalStateException("an authenticated entry cannot be decoded: " + e.getMessage(), e);
        }
    }

    /**
     * The stored form of an alias: lower case (Locale.ROOT), like the JDK's JKS and PKCS12 keystores.
     *
     * @throws KeystoreException when it is empty or longer than 1024 UTF-8 bytes
     */
    static String canonicalAlias(String alias) throws KeystoreException {
        String lower = alias.toLowerCase(Locale.ROOT);
        int n = lower.getBytes(StandardCharsets.UTF_8).length;
        if (n == 0 || n > Format.MAX_ALIAS_BYTES) {
            throw new KeystoreException(KeystoreException.Reason.INVALID_ENTRY,
                    "an alias must be 1 to " + Format.MAX_ALIAS_BYTES + " UTF-8 bytes, this one has " + n);
        }
        return lower;
    }

    EntryInfo info() {
        return new EntryInfo(alias, kind, Instant.ofEpochMilli(createdMillis));
    }

    byte[] nonce() throws KeystoreException {
        Slice s = slice();
        int at = s.offset + s.headerLength;
        return Arrays.copyOfRange(s.data, at, at + Format.NONCE_BYTES);
    }

    byte[] ciphertext() throws KeystoreException {
        Slice s = slice();
        return Arrays.copyOfRange(s.data, s.offset + s.headerLength + Format.NONCE_BYTES, s.offset + s.length);
    }

    /** Kind, alias and creation date: the part of the GCM associated data that is specific to this entry. */
    byte[] header() throws KeystoreException {
        Slice s = slice();
        return Arrays.copyOfRange(s.data, s.offset, s.offset + s.headerLength);
    }

    /** The header of an entry: kind, alias and creation date, as they start its binary form. */
    static byte[] headerOf(EntryKind kind, String alias, long createdMillis) {
        return new ByteWriter(16 + alias.length() * 3).u8(kind.code()).shortString(alias).i64(createdMillis)
                .toByteArray();
    }

    /** The binary form (a copy), decoding a lazily read entry first (which was authenticated: it cannot fail). */
    byte[] encode() {
        Slice s = checkedSlice();
        return Arrays.copyOfRange(s.data, s.offset, s.offset + s.length);
    }

    /** The length of the binary form. */
    int encodedLength() {
        return encodedLength;
    }

    /** Feeds the binary form to {@code mac}, without copying it. */
    void feed(Mac mac) {
        Slice s = checkedSlice();
        mac.update(s.data, s.offset, s.length);
    }

    /** Reads the binary form; {@code where} names the field and line for messages. */
    static SealedEntry parse(byte[] record, String where, int line) throws KeystoreException {
        ByteReader r = new ByteReader(record, where, line);
        int code = r.u8("kind");
        EntryKind kind = EntryKind.ofCode(code);
        if (kind == null) {
            throw new KeystoreException(KeystoreException.Reason.MALFORMED, line,
                    where + ", byte 0: unknown entry kind " + code);
        }
        int aliasAt = r.offset();
        String alias = r.shortString("alias");
        int aliasBytes = alias.getBytes(StandardCharsets.UTF_8).length;
        if (aliasBytes == 0 || aliasBytes > Format.MAX_ALIAS_BYTES || !alias.equals(alias.toLowerCase(Locale.ROOT))) {
            throw new KeystoreException(KeystoreException.Reason.MALFORMED, line, where + ", byte " + aliasAt
                    + ": the alias must be 1 to " + Format.MAX_ALIAS_BYTES + " UTF-8 bytes in lower case");
        }
        long created = r.i64("creation date");
        byte[] nonce = r.bytes(Format.NONCE_BYTES, "nonce");
        if (r.remaining() < Format.TAG_BYTES) {
            throw r.problem("ciphertext needs at least " + Format.TAG_BYTES + " bytes (the GCM tag), "
                    + r.remaining() + " left");
        }
        return new SealedEntry(kind, alias, created, record.clone(), 0, record.length, aliasAt + 2
                + alias.getBytes(StandardCharsets.UTF_8).length + 8);
    }

    /**
     * The entry whose binary form is {@code data[offset .. offset + length)}, kept in place (not
     * copied); null when that is not a valid entry with an ASCII alias. The caller then parses it
     * with {@link #parse}, whose messages say what is wrong.
     */
    static SealedEntry parseInPlace(byte[] data, int offset, int length) {
        int end = offset + length;
        if (length < 1 + 2 + 1 + 8 + Format.NONCE_BYTES + Format.TAG_BYTES) {
            return null;
        }
        EntryKind kind = EntryKind.ofCode(data[offset] & 0xFF);
        int n = ((data[offset + 1] & 0xFF) << 8) | (data[offset + 2] & 0xFF);
        int aliasAt = offset + 3;
        if (kind == null || n == 0 || n > Format.MAX_ALIAS_BYTES
                || aliasAt + n + 8 + Format.NONCE_BYTES + Format.TAG_BYTES > end) {
            return null;
        }
        for (int i = aliasAt; i < aliasAt + n; i++) {
            byte b = data[i];
            if (b < 0 || (b >= 'A' && b <= 'Z')) {
                return null; // not ASCII, or not lower case: parse() decides and explains
            }
        }
        String alias = new String(data, aliasAt, n, StandardCharsets.ISO_8859_1);
        long created = 0;
        for (int i = aliasAt + n; i < aliasAt + n + 8; i++) {
            created = (created << 8) | (data[i] & 0xFF);
        }
        return new SealedEntry(kind, alias, created, data, offset, length, 3 + n + 8);
    }

    @Override
    public String toString() {
        return "SealedEntry[" + kind + " " + alias + ", " + encodedLength() + " bytes" + (slice == null ? ", not decoded"
                : "") + "]";
    }
}
