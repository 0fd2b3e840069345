package dev.kmipjca.keystore;

import dev.kmipjca.envelope.WrappedKey;
import dev.kmipjca.keystore.KeystoreException.Reason;

/**
 * The binary form of the wrapped keystore key in {@code kmipjca.keystoreKey}: u8 wrap algorithm
 * ({@link WrappedKey#AES_256_GCM} = 1), the 12-byte nonce, then the ciphertext with its 16-byte tag.
 * The master key's identifier is a field of its own ({@code kmipjca.masterKeyId}).
 */
final class WrappedKeys {
    private WrappedKeys() {
    }

    static byte[] encode(WrappedKey w) {
        byte[] nonce = w.nonce();
        byte[] ct = w.ciphertext();
        return new ByteWriter(1 + nonce.length + ct.length).u8(w.algorithm()).bytes(nonce).bytes(ct).toByteArray();
    }

    static WrappedKey decode(byte[] blob, String masterKeyId, int line) throws KeystoreException {
        String where = Format.F_KEYSTORE_KEY + " (line " + line + ")";
        ByteReader r = new ByteReader(blob, where, line);
        int algorithm = r.u8("wrap algorithm");
        if (algorithm != WrappedKey.AES_256_GCM) {
            throw new KeystoreException(Reason.MALFORMED, line, where + ", byte 0: unknown wrap algorithm "
                    + algorithm + " (1 is AES-256-GCM)");
        }
        byte[] nonce = r.bytes(Format.NONCE_BYTES, "nonce");
        int n = r.remaining();
        if (n < Format.TAG_BYTES || n > WrappedKey.MAX_CIPHERTEXT_BYTES) {
            throw r.problem("wrapped key must be " + Format.TAG_BYTES + " to " + WrappedKey.MAX_CIPHERTEXT_BYTES
                    + " bytes, is " + n);
        }
        return new WrappedKey(masterKeyId, algorithm, nonce, r.bytes(n, "wrapped key"));
    }
}
