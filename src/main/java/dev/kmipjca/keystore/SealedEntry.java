package dev.kmipjca.keystore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

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
    private final byte[] nonce;
    private final byte[] ciphertext;

    SealedEntry(EntryKind kind, String alias, long createdMillis, byte[] nonce, byte[] ciphertext) {
        this.kind = kind;
        this.alias = alias;
        this.createdMillis = createdMillis;
        this.nonce = nonce.clone();
        this.ciphertext = ciphertext.clone();
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

    byte[] nonce() {
        return nonce.clone();
    }

    byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** Kind, alias and creation date: the part of the GCM associated data that is specific to this entry. */
    byte[] header() {
        return new ByteWriter(16 + alias.length() * 3).u8(kind.code()).shortString(alias).i64(createdMillis)
                .toByteArray();
    }

    byte[] encode() {
        return new ByteWriter(32 + alias.length() * 3 + ciphertext.length).bytes(header()).bytes(nonce)
                .bytes(ciphertext).toByteArray();
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
        byte[] ciphertext = r.bytes(r.remaining(), "ciphertext");
        return new SealedEntry(kind, alias, created, nonce, ciphertext);
    }

    @Override
    public String toString() {
        return "SealedEntry[" + kind + " " + alias + ", " + ciphertext.length + " bytes]";
    }
}
