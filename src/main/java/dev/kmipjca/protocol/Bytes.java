package dev.kmipjca.protocol;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The value of a Byte String field: identifiers, IVs, tags, key material, data. Holds its own copy;
 * {@link #toByteArray()} hands out copies. {@link #toString()} shows only the length, because many
 * byte strings are secret. {@link #wipe()} zeroes the copy held here once the caller is done with it
 * (the one mutation a Bytes allows; afterwards it holds zeros).
 */
public final class Bytes {
    private static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] value;

    private Bytes(byte[] value) {
        this.value = value;
    }

    /** A Bytes holding a copy of {@code value}. */
    public static Bytes of(byte[] value) {
        return value.length == 0 ? EMPTY : new Bytes(value.clone());
    }

    /** For tests and fixed identifiers: "0A1B..." (case-insensitive). Never use it for secrets in logs. */
    public static Bytes ofHex(String hex) {
        return new Bytes(HexFormat.of().parseHex(hex));
    }

    /** Takes ownership of {@code value} without copying it. */
    static Bytes wrap(byte[] value) {
        return new Bytes(value);
    }

    /** A copy of the bytes; the caller owns it (and zeroes it when it is secret). */
    public byte[] toByteArray() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    /** The bytes without copying, for encoders in this package. */
    byte[] unsafeArray() {
        return value;
    }

    /** Zeroes the bytes held here. */
    public void wipe() {
        Arrays.fill(value, (byte) 0);
    }

    /** Constant-time comparison of the contents. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes && MessageDigest.isEqual(value, ((Bytes) o).value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    /** "Bytes[32]": the length only, never the contents. */
    @Override
    public String toString() {
        return "Bytes[" + value.length + "]";
    }
}
