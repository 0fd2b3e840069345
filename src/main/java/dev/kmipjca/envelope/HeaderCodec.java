package dev.kmipjca.envelope;

import static dev.kmipjca.envelope.Layout.*;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads and writes envelope headers (docs/envelope-format.md). Every header starts at offset 0 of the
 * array given. Each length is checked against its cap before anything is allocated, and every problem
 * is an {@link EnvelopeFormatException} naming the field and its offset.
 */
final class HeaderCodec {
    private HeaderCodec() {
    }

    /** The structure of a header: where its parts are. */
    static final class Parsed {
        final int form;
        final int bulkLength;
        final int segmentSize;
        final int keySectionLength;
        final int length;

        Parsed(int form, int segmentSize, int keySectionLength) {
            this.form = form;
            this.bulkLength = bulkLength(form);
            this.segmentSize = segmentSize;
            this.keySectionLength = keySectionLength;
            this.length = bulkLength + 2 + keySectionLength;
        }

        int keySectionOffset() {
            return bulkLength + 2;
        }
    }

    /**
     * The number of bytes the whole header needs, as far as the first {@code have} bytes of {@code b}
     * tell: 8 while the fixed fields are incomplete, then the bulk region plus the key-section length,
     * then the full header. Checks every field it can see.
     */
    static int needed(byte[] b, int have) throws EnvelopeFormatException {
        if (have < OFF_COMMITMENT) {
            return OFF_COMMITMENT;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (b[i] != MAGIC[i]) {
                throw new EnvelopeFormatException(i, "not a kmip-jca envelope: the magic is not \"KJEF\"");
            }
        }
        if (b[OFF_VERSION] != VERSION) {
            throw new EnvelopeFormatException(OFF_VERSION, "unsupported format version " + (b[OFF_VERSION] & 0xFF)
                    + " (this version reads 1)");
        }
        int form = b[OFF_FORM];
        if (form != FORM_SINGLE_SHOT && form != FORM_SEGMENTED) {
            throw new EnvelopeFormatException(OFF_FORM, "unknown form " + (form & 0xFF)
                    + " (1 single-shot or 2 segmented)");
        }
        if (b[OFF_ALGORITHM] != ALGORITHM_AES_256_GCM) {
            throw new EnvelopeFormatException(OFF_ALGORITHM, "unknown bulk algorithm " + (b[OFF_ALGORITHM] & 0xFF)
                    + " (1 AES-256-GCM)");
        }
        if (b[OFF_RESERVED] != 0) {
            throw new EnvelopeFormatException(OFF_RESERVED, "reserved byte is " + (b[OFF_RESERVED] & 0xFF) + ", not 0");
        }
        int bulk = bulkLength(form);
        if (have < bulk + 2) {
            return bulk + 2;
        }
        if (form == FORM_SEGMENTED) {
            segmentSize(b);
        }
        int section = u16(b, bulk);
        if (section < MIN_KEY_SECTION || section > MAX_KEY_SECTION) {
            throw new EnvelopeFormatException(bulk, "key section length " + section + " is outside "
                    + MIN_KEY_SECTION + " to " + MAX_KEY_SECTION);
        }
        return bulk + 2 + section;
    }

    /** Parses the header at the start of the first {@code have} bytes of {@code b}. */
    static Parsed parse(byte[] b, int have) throws EnvelopeFormatException {
        int n = needed(b, have);
        if (n > have) {
            throw new EnvelopeFormatException(have, "truncated header: " + have + " bytes, at least " + n + " needed");
        }
        int form = b[OFF_FORM];
        int bulk = bulkLength(form);
        int segment = form == FORM_SEGMENTED ? segmentSize(b) : 0;
        int start = bulk + 2;
        int end = n;
        int p = start;
        int idLength = b[p] & 0xFF;
        if (idLength == 0) {
            throw new EnvelopeFormatException(p, "master key identifier is empty");
        }
        p = field(p + 1, idLength, end, "master key identifier");
        field(p, 1, end, "wrap algorithm");
        int algorithm = b[p] & 0xFF;
        if (algorithm != WrappedKey.AES_256_GCM) {
            throw new EnvelopeFormatException(p, "unknown wrap algorithm " + algorithm + " (1 AES-256-GCM)");
        }
        p++;
        field(p, 1, end, "wrap nonce length");
        int nonceLength = b[p] & 0xFF;
        if (nonceLength != WRAP_NONCE_BYTES) {
            throw new EnvelopeFormatException(p, "wrap nonce length " + nonceLength + " is not 12");
        }
        p = field(p + 1, nonceLength, end, "wrap nonce");
        field(p, 2, end, "wrapped key length");
        int wrappedLength = u16(b, p);
        if (wrappedLength < MIN_WRAPPED_BYTES || wrappedLength > WrappedKey.MAX_CIPHERTEXT_BYTES) {
            throw new EnvelopeFormatException(p, "wrapped key length " + wrappedLength + " is outside "
                    + MIN_WRAPPED_BYTES + " to " + WrappedKey.MAX_CIPHERTEXT_BYTES);
        }
        p = field(p + 2, wrappedLength, end, "wrapped key");
        if (p != end) {
            throw new EnvelopeFormatException(bulk, "key section length " + (end - start)
                    + " does not match its contents (" + (p - start) + " bytes)");
        }
        return new Parsed(form, segment, end - start);
    }

    /** The end of a field of {@code length} bytes at {@code p}, which must fit before {@code end}. */
    private static int field(int p, int length, int end, String name) throws EnvelopeFormatException {
        if (length > end - p) {
            throw new EnvelopeFormatException(p, name + " runs past the end of the key section (" + length
                    + " bytes at offset " + p + ", section ends at " + end + ")");
        }
        return p + length;
    }

    private static int segmentSize(byte[] b) throws EnvelopeFormatException {
        int s = i32(b, OFF_SEGMENT_SIZE);
        if (s < MIN_SEGMENT_BYTES || s > MAX_SEGMENT_BYTES) {
            throw new EnvelopeFormatException(OFF_SEGMENT_SIZE, "segment size " + Integer.toUnsignedString(s)
                    + " is outside " + MIN_SEGMENT_BYTES + " to " + MAX_SEGMENT_BYTES);
        }
        return s;
    }

    /** The wrapped key in a parsed header; the master key identifier must be valid UTF-8. */
    static WrappedKey wrappedKey(byte[] b, Parsed h) throws EnvelopeFormatException {
        int p = h.keySectionOffset();
        int idLength = b[p] & 0xFF;
        String id;
        try {
            id = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, p + 1, idLength)).toString();
        } catch (CharacterCodingException e) {
            throw new EnvelopeFormatException(p + 1, "master key identifier is not valid UTF-8");
        }
        p += 1 + idLength;
        int algorithm = b[p] & 0xFF;
        byte[] nonce = Arrays.copyOfRange(b, p + 2, p + 2 + WRAP_NONCE_BYTES);
        p += 2 + WRAP_NONCE_BYTES;
        int wrappedLength = u16(b, p);
        byte[] wrapped = Arrays.copyOfRange(b, p + 2, p + 2 + wrappedLength);
        return new WrappedKey(id, algorithm, nonce, wrapped);
    }

    /** The key section that holds {@code w}. */
    static byte[] keySection(WrappedKey w) {
        byte[] id = w.masterKeyId().getBytes(StandardCharsets.UTF_8);
        byte[] nonce = w.nonce();
        byte[] wrapped = w.ciphertext();
        if (nonce.length != WRAP_NONCE_BYTES) {
            throw new IllegalArgumentException("wrap nonce must be 12 bytes");
        }
        byte[] out = new byte[1 + id.length + 2 + nonce.length + 2 + wrapped.length];
        int p = 0;
        out[p++] = (byte) id.length;
        System.arraycopy(id, 0, out, p, id.length);
        p += id.length;
        out[p++] = (byte) w.algorithm();
        out[p++] = (byte) nonce.length;
        System.arraycopy(nonce, 0, out, p, nonce.length);
        p += nonce.length;
        putU16(out, p, wrapped.length);
        System.arraycopy(wrapped, 0, out, p + 2, wrapped.length);
        return out;
    }

    /**
     * A header of the given form: the fixed fields, the commitment, the form's parameters (a zero
     * nonce for single-shot, filled in per message) and the key section.
     */
    static byte[] header(int form, byte[] commitment, int segmentSize, byte[] salt, byte[] prefix, byte[] keySection) {
        int bulk = bulkLength(form);
        byte[] h = new byte[bulk + 2 + keySection.length];
        System.arraycopy(MAGIC, 0, h, 0, MAGIC.length);
        h[OFF_VERSION] = VERSION;
        h[OFF_FORM] = (byte) form;
        h[OFF_ALGORITHM] = ALGORITHM_AES_256_GCM;
        System.arraycopy(commitment, 0, h, OFF_COMMITMENT, COMMITMENT_BYTES);
        if (form == FORM_SEGMENTED) {
            putI32(h, OFF_SEGMENT_SIZE, segmentSize);
            System.arraycopy(salt, 0, h, OFF_SALT, SALT_BYTES);
            System.arraycopy(prefix, 0, h, OFF_PREFIX, PREFIX_BYTES);
        }
        putU16(h, bulk, keySection.length);
        System.arraycopy(keySection, 0, h, bulk + 2, keySection.length);
        return h;
    }
}
