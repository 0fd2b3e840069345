package dev.kmipjca.envelope;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import javax.crypto.SecretKey;

/**
 * A secret key that can be zeroed: an AES-256 key for the bulk cipher, or an HMAC-SHA256 key for HKDF.
 * {@code SecretKeySpec} cannot be destroyed on Java 17, so the envelope hands JCA engines this instead.
 * Not serialisable; {@code toString} shows no bytes.
 */
final class RawKey implements SecretKey {
    private static final long serialVersionUID = 1L;

    private final String algorithm;
    private final byte[] key;
    private volatile boolean destroyed;

    /** Takes ownership of {@code key}, which {@link #destroy()} zeroes. */
    RawKey(String algorithm, byte[] key) {
        this.algorithm = algorithm;
        this.key = key;
    }

    /** An AES-256 key; takes ownership of {@code key}. */
    static RawKey aes(byte[] key) {
        if (key.length != Layout.KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 key must be 32 bytes, was " + key.length);
        }
        return new RawKey("AES", key);
    }

    @Override
    public String getAlgorithm() {
        return algorithm;
    }

    @Override
    public String getFormat() {
        return "RAW";
    }

    /** A copy of the key bytes (what a JCA cipher asks for when it is initialised). */
    @Override
    public byte[] getEncoded() {
        if (destroyed) {
            throw new IllegalStateException("key was destroyed");
        }
        return key.clone();
    }

    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "RawKey[" + algorithm + ", " + key.length * 8 + " bits" + (destroyed ? ", destroyed]" : "]");
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        throw new NotSerializableException("envelope keys are not serialisable");
    }
}
