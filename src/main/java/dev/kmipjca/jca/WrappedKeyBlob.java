package dev.kmipjca.jca;

import dev.kmipjca.envelope.WrappedKey;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.Cipher;

/**
 * The bytes that {@code Cipher.wrap} of the KMIP provider returns and {@code Cipher.unwrap} takes
 * (format version 1):
 * <pre>
 * u8      version = 1
 * 12      nonce (random, chosen for each wrap)
 * rest    AES-GCM ciphertext of the key's encoded bytes, then the 16-byte tag
 * </pre>
 * The encryption is the KMIP server's Encrypt under the handle's key (AES-GCM, 16-byte tag) with the
 * associated data {@code "kmip-jca wrapped key v1" || u8 key type || algorithm name (UTF-8)}, where the
 * key type is {@code Cipher.PUBLIC_KEY} (1), {@code PRIVATE_KEY} (2) or {@code SECRET_KEY} (3). So an
 * unwrap with another algorithm or type than the wrap fails authentication.
 */
final class WrappedKeyBlob {
    static final int VERSION = 1;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    private static final byte[] AAD_PREFIX = "kmip-jca wrapped key v1".getBytes(StandardCharsets.US_ASCII);

    private WrappedKeyBlob() {
    }

    static byte[] aad(int keyType, String algorithm) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(AAD_PREFIX);
        b.write(keyType);
        b.writeBytes(algorithm.getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    static byte[] encode(WrappedKey w) {
        byte[] nonce = w.nonce();
        byte[] ct = w.ciphertext();
        byte[] out = new byte[1 + nonce.length + ct.length];
        out[0] = VERSION;
        System.arraycopy(nonce, 0, out, 1, nonce.length);
        System.arraycopy(ct, 0, out, 1 + nonce.length, ct.length);
        return out;
    }

    /** Parses a blob for the key {@code uid}; the message of a failure names the byte and the rule. */
    static WrappedKey decode(byte[] blob, String uid) throws InvalidKeyException {
        if (blob == null || blob.length < 1 + NONCE_BYTES + TAG_BYTES) {
            throw new InvalidKeyException("a wrapped key of the KMIP provider has at least " + (1 + NONCE_BYTES + TAG_BYTES)
                    + " bytes (version, 12-byte nonce, 16-byte tag); this one has " + (blob == null ? 0 : blob.length));
        }
        if (blob[0] != VERSION) {
            throw new InvalidKeyException("byte 0 of the wrapped key: format version " + (blob[0] & 0xFF)
                    + ", this provider reads version " + VERSION);
        }
        if (blob.length - 1 - NONCE_BYTES > WrappedKey.MAX_CIPHERTEXT_BYTES) {
            throw new InvalidKeyException("the wrapped key has " + (blob.length - 1 - NONCE_BYTES)
                    + " bytes of ciphertext, more than the limit " + WrappedKey.MAX_CIPHERTEXT_BYTES);
        }
        return new WrappedKey(uid, WrappedKey.AES_256_GCM, Arrays.copyOfRange(blob, 1, 1 + NONCE_BYTES),
                Arrays.copyOfRange(blob, 1 + NONCE_BYTES, blob.length));
    }

    static String typeName(int keyType) {
        return switch (keyType) {
            case Cipher.PUBLIC_KEY -> "public key";
            case Cipher.PRIVATE_KEY -> "private key";
            case Cipher.SECRET_KEY -> "secret key";
            default -> "key type " + keyType;
        };
    }
}
