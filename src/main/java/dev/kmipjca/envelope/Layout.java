package dev.kmipjca.envelope;

import java.nio.charset.StandardCharsets;

/**
 * The byte layout of envelope format version 1 (docs/envelope-format.md). Offsets are from the first
 * byte of the envelope. The "bulk region" is the part of the header before the key section: the
 * fields that describe the bulk encryption. Rewrapping replaces only what follows it.
 */
final class Layout {
    private Layout() {
    }

    static final byte[] MAGIC = {'K', 'J', 'E', 'F'};
    static final int VERSION = 1;
    static final int FORM_SINGLE_SHOT = 1;
    static final int FORM_SEGMENTED = 2;
    /** AES-256-GCM, 16-byte tags, keys derived from the data key with HKDF-SHA256. */
    static final int ALGORITHM_AES_256_GCM = 1;

    static final int OFF_VERSION = 4;
    static final int OFF_FORM = 5;
    static final int OFF_ALGORITHM = 6;
    static final int OFF_RESERVED = 7;
    static final int OFF_COMMITMENT = 8;
    static final int COMMITMENT_BYTES = 32;
    static final int PREAMBLE_BYTES = OFF_COMMITMENT + COMMITMENT_BYTES;

    /** Single-shot: the 12-byte GCM nonce ends the bulk region. */
    static final int OFF_NONCE = 40;
    static final int NONCE_BYTES = 12;
    static final int BULK_SINGLE_SHOT = OFF_NONCE + NONCE_BYTES;

    /** Segmented: segment size, HKDF salt and nonce prefix end the bulk region. */
    static final int OFF_SEGMENT_SIZE = 40;
    static final int OFF_SALT = 44;
    static final int SALT_BYTES = 32;
    static final int OFF_PREFIX = 76;
    static final int PREFIX_BYTES = 7;
    static final int BULK_SEGMENTED = OFF_PREFIX + PREFIX_BYTES;

    static final int MIN_SEGMENT_BYTES = 64;
    static final int MAX_SEGMENT_BYTES = 16 << 20;
    static final int DEFAULT_SEGMENT_BYTES = 64 << 10;
    /** Segment indexes are 32-bit unsigned: at most 2^32 segments per stream. */
    static final long MAX_SEGMENTS = 1L << 32;

    static final int TAG_BYTES = 16;
    static final int KEY_BYTES = 32;

    /** The key section: id length, id, wrap algorithm, nonce length, nonce, wrapped length, wrapped key. */
    static final int WRAP_NONCE_BYTES = 12;
    static final int MIN_WRAPPED_BYTES = 16;
    static final int MIN_KEY_SECTION = 1 + 1 + 1 + 1 + WRAP_NONCE_BYTES + 2 + MIN_WRAPPED_BYTES;
    static final int MAX_KEY_SECTION = 1 + WrappedKey.MAX_KEY_ID_BYTES + 1 + 1 + WRAP_NONCE_BYTES + 2
            + WrappedKey.MAX_CIPHERTEXT_BYTES;
    static final int MAX_HEADER_BYTES = BULK_SEGMENTED + 2 + MAX_KEY_SECTION;

    /** Associated data of every data-key wrap: keeps envelope data keys apart from other wrapped keys. */
    static final byte[] WRAP_AAD = ascii("kmip-jca envelope v1 data key");
    /** Followed by the 8 fixed header bytes of a single-shot envelope, which the key thereby binds. */
    static final byte[] INFO_SINGLE_SHOT = ascii("kmip-jca envelope v1 single-shot key");
    /** The 8 fixed bytes that start every version-1 single-shot envelope. */
    static final byte[] SINGLE_SHOT_PREAMBLE = {'K', 'J', 'E', 'F', VERSION, FORM_SINGLE_SHOT, ALGORITHM_AES_256_GCM, 0};
    static final byte[] INFO_COMMITMENT = ascii("kmip-jca envelope v1 key commitment");
    static final byte[] INFO_STREAM = ascii("kmip-jca envelope v1 stream key");
    /** How kmip-jca chooses single-shot nonces (not part of the format: a decoder reads the nonce). */
    static final byte[] INFO_NONCE_MASK = ascii("kmip-jca envelope v1 single-shot nonce mask");

    static int bulkLength(int form) {
        return form == FORM_SINGLE_SHOT ? BULK_SINGLE_SHOT : BULK_SEGMENTED;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | b[off + 1] & 0xFF;
    }

    static int i32(byte[] b, int off) {
        return (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | b[off + 3] & 0xFF;
    }

    static void putU16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    static void putI32(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
