package dev.kmipjca.keystore;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Big-endian binary fields appended to a growing buffer. The buffer may hold key bytes: when it grows
 * the old array is zeroed, and {@link #wipe()} zeroes the current one.
 */
final class ByteWriter {
    private byte[] buf;
    private int size;

    ByteWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    ByteWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    ByteWriter u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    ByteWriter u32(int v) {
        return u16(v >>> 16).u16(v);
    }

    ByteWriter i64(long v) {
        return u32((int) (v >>> 32)).u32((int) v);
    }

    ByteWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    /** A 4-byte length, then the bytes. */
    ByteWriter lengthPrefixed(byte[] b) {
        return u32(b.length).bytes(b);
    }

    /** A 2-byte length, then the UTF-8 bytes of {@code s} (at most 65535 of them). */
    ByteWriter shortString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 0xFFFF) {
            throw new IllegalArgumentException("text longer than 65535 UTF-8 bytes");
        }
        return u16(b.length).bytes(b);
    }

    /** A copy of the bytes written. */
    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** Zeroes the buffer. */
    void wipe() {
        Arrays.fill(buf, (byte) 0);
        size = 0;
    }

    private void ensure(int n) {
        int needed = Math.addExact(size, n);
        if (needed > buf.length) {
            byte[] bigger = Arrays.copyOf(buf, Math.max(needed, Math.multiplyExact(buf.length, 2)));
            Arrays.fill(buf, (byte) 0);
            buf = bigger;
        }
    }
}
