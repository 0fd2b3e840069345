package dev.kmipjca.envelope;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A key wrapped by a master key: the master key's Unique Identifier, the wrap algorithm, the nonce and
 * the ciphertext with its authentication tag. Immutable; accessors return copies. The wrapped bytes
 * are not secret (they are useless without the master key), but they are authenticated by the wrap.
 *
 * <p>Algorithm {@link #AES_256_GCM}: AES-256-GCM under the master key with a 12-byte random nonce and
 * a 16-byte tag appended to the ciphertext, performed by the KMIP server's Encrypt operation (or
 * locally, byte-identically, when the user opted in to fetching the master key).
 */
public final class WrappedKey {
    /** AES-256-GCM, 12-byte nonce, 16-byte tag appended to the ciphertext. */
    public static final int AES_256_GCM = 1;
    /** Longest master-key identifier accepted, in UTF-8 bytes. */
    public static final int MAX_KEY_ID_BYTES = 255;
    /** Longest wrapped key accepted (ciphertext plus tag), in bytes. */
    public static final int MAX_CIPHERTEXT_BYTES = 4096;

    private final String masterKeyId;
    private final int algorithm;
    private final byte[] nonce;
    private final byte[] ciphertext;

    public WrappedKey(String masterKeyId, int algorithm, byte[] nonce, byte[] ciphertext) {
        this.masterKeyId = Objects.requireNonNull(masterKeyId, "masterKeyId");
        int idBytes = masterKeyId.getBytes(StandardCharsets.UTF_8).length;
        if (idBytes == 0 || idBytes > MAX_KEY_ID_BYTES) {
            throw new IllegalArgumentException("master key identifier must be 1 to " + MAX_KEY_ID_BYTES
                    + " UTF-8 bytes, was " + idBytes);
        }
        if (algorithm != AES_256_GCM) {
            throw new IllegalArgumentException("unknown wrap algorithm " + algorithm);
        }
        if (nonce.length != 12) {
            throw new IllegalArgumentException("AES-256-GCM wrap nonce must be 12 bytes, was " + nonce.length);
        }
        if (ciphertext.length < 16 || ciphertext.length > MAX_CIPHERTEXT_BYTES) {
            throw new IllegalArgumentException("wrapped key must be 16 to " + MAX_CIPHERTEXT_BYTES
                    + " bytes, was " + ciphertext.length);
        }
        this.algorithm = algorithm;
        this.nonce = nonce.clone();
        this.ciphertext = ciphertext.clone();
    }

    public String masterKeyId() {
        return masterKeyId;
    }

    public int algorithm() {
        return algorithm;
    }

    public byte[] nonce() {
        return nonce.clone();
    }

    /** Ciphertext followed by the 16-byte tag. */
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WrappedKey w && masterKeyId.equals(w.masterKeyId) && algorithm == w.algorithm
                && Arrays.equals(nonce, w.nonce) && Arrays.equals(ciphertext, w.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(masterKeyId, algorithm, Arrays.hashCode(nonce), Arrays.hashCode(ciphertext));
    }

    @Override
    public String toString() {
        return "WrappedKey[masterKeyId=" + masterKeyId + ", AES-256-GCM, " + ciphertext.length + " bytes]";
    }
}
