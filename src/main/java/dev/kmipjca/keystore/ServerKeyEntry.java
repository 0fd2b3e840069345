package dev.kmipjca.keystore;

import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.Objects;

/**
 * A keystore entry that names a key kept on the KMIP server, by its Unique Identifier. It holds no key
 * bytes; the JCA layer turns it into a key handle. The algorithm and size are recorded so that a handle
 * can answer {@code getAlgorithm()} without a round trip; both may be unknown (empty, 0).
 */
public final class ServerKeyEntry implements KeyStore.Entry {
    /** Longest Unique Identifier accepted, in UTF-8 bytes. */
    public static final int MAX_UNIQUE_ID_BYTES = 255;

    private final String uniqueId;
    private final String algorithm;
    private final int keySizeBits;

    /**
     * @param uniqueId    the key's Unique Identifier on the server, 1 to 255 UTF-8 bytes
     * @param algorithm   the JCA algorithm name ("AES"), or "" when unknown
     * @param keySizeBits the key size in bits, or 0 when unknown
     */
    public ServerKeyEntry(String uniqueId, String algorithm, int keySizeBits) {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(algorithm, "algorithm");
        int idBytes = uniqueId.getBytes(StandardCharsets.UTF_8).length;
        if (idBytes == 0 || idBytes > MAX_UNIQUE_ID_BYTES) {
            throw new IllegalArgumentException("unique identifier must be 1 to " + MAX_UNIQUE_ID_BYTES
                    + " UTF-8 bytes, was " + idBytes);
        }
        if (algorithm.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("algorithm name longer than 255 UTF-8 bytes");
        }
        if (keySizeBits < 0) {
            throw new IllegalArgumentException("key size must be 0 (unknown) or positive, was " + keySizeBits);
        }
        this.uniqueId = uniqueId;
        this.algorithm = algorithm;
        this.keySizeBits = keySizeBits;
    }

    public String uniqueId() {
        return uniqueId;
    }

    /** The JCA algorithm name, or "" when unknown. */
    public String algorithm() {
        return algorithm;
    }

    /** The key size in bits, or 0 when unknown. */
    public int keySizeBits() {
        return keySizeBits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerKeyEntry e && uniqueId.equals(e.uniqueId) && algorithm.equals(e.algorithm)
                && keySizeBits == e.keySizeBits;
    }

    @Override
    public int hashCode() {
        return Objects.hash(uniqueId, algorithm, keySizeBits);
    }

    @Override
    public String toString() {
        return "ServerKeyEntry[uniqueId=" + uniqueId + ", algorithm=" + (algorithm.isEmpty() ? "?" : algorithm)
                + ", bits=" + keySizeBits + "]";
    }
}
