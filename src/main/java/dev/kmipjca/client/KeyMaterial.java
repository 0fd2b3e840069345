package dev.kmipjca.client;

import dev.kmipjca.protocol.Bytes;
import java.util.Arrays;

/**
 * Secret bytes returned by the server: a key from Get, a plaintext from Decrypt. The holder owns the
 * only copy the client kept; {@link #close()} (or {@link #wipe()}) zeroes it. <b>Callers must close
 * it</b> (try-with-resources) as soon as they have used the bytes, and must zero any array they get
 * from {@link #toByteArray()} themselves. {@link #toString()} shows only the length.
 */
public final class KeyMaterial implements AutoCloseable {
    private final byte[] bytes;
    private volatile boolean wiped;

    private KeyMaterial(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes ownership of {@code bytes} (no copy). */
    static KeyMaterial take(byte[] bytes) {
        return new KeyMaterial(bytes);
    }

    /** Copies {@code source} and zeroes it. */
    static KeyMaterial moveFrom(Bytes source) {
        KeyMaterial m = new KeyMaterial(source.toByteArray());
        source.wipe();
        return m;
    }

    /** The number of bytes. */
    public int length() {
        return bytes.length;
    }

    /**
     * A copy of the bytes. The caller owns the copy and must zero it ({@code Arrays.fill(b, (byte) 0)})
     * when done.
     *
     * @throws IllegalStateException after {@link #wipe()}
     */
    public byte[] toByteArray() {
        if (wiped) {
            throw new IllegalStateException("the key material was wiped");
        }
        return bytes.clone();
    }

    /** Whether {@link #wipe()} or {@link #close()} ran. */
    public boolean isWiped() {
        return wiped;
    }

    /** Zeroes the bytes held here. */
    public void wipe() {
        Arrays.fill(bytes, (byte) 0);
        wiped = true;
    }

    /** Same as {@link #wipe()}. */
    @Override
    public void close() {
        wipe();
    }

    /** "KeyMaterial[32 bytes]": never the contents. */
    @Override
    public String toString() {
        return "KeyMaterial[" + bytes.length + " bytes" + (wiped ? ", wiped" : "") + "]";
    }
}
