package dev.kmipjca.envelope;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.ShortBufferException;

/** Array and ByteBuffer plumbing shared by the encryptor and the decryptor. */
final class Buffers {
    private Buffers() {
    }

    /** One array operation: consume {@code in[inOff, +len)}, write to {@code out[outOff..]}, return bytes written. */
    interface Op {
        int run(byte[] in, int inOff, int len, byte[] out, int outOff) throws GeneralSecurityException, KeyWrapException;
    }

    /**
     * Runs {@code op} on the remaining bytes of {@code in}, writing into {@code out} (which must have
     * room for {@code bound} bytes). Heap buffers are used in place; others go through a copy.
     */
    static int apply(ByteBuffer in, ByteBuffer out, int bound, Op op) throws GeneralSecurityException, KeyWrapException {
        if (out.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        if (out.remaining() < bound) {
            throw shortBuffer(bound, out.remaining());
        }
        int len = in.remaining();
        byte[] a;
        int aOff;
        if (in.hasArray()) {
            a = in.array();
            aOff = in.arrayOffset() + in.position();
        } else {
            a = new byte[len];
            in.duplicate().get(a);
            aOff = 0;
        }
        int n;
        if (out.hasArray()) {
            n = op.run(a, aOff, len, out.array(), out.arrayOffset() + out.position());
            out.position(out.position() + n);
        } else {
            byte[] tmp = new byte[bound];
            n = op.run(a, aOff, len, tmp, 0);
            out.put(tmp, 0, n);
            Arrays.fill(tmp, (byte) 0);
        }
        in.position(in.limit());
        return n;
    }

    static ShortBufferException shortBuffer(long needed, int available) {
        return new ShortBufferException("output needs room for " + needed + " bytes, has " + available);
    }

    /** Checks that {@code [off, off + len)} lies within {@code b}. */
    static void checkRange(byte[] b, int off, int len, String name) {
        if (b == null) {
            throw new NullPointerException(name);
        }
        if (off < 0 || len < 0 || len > b.length - off) {
            throw new IndexOutOfBoundsException(name + " range [" + off + ", +" + len + ") outside 0 to " + b.length);
        }
    }

    /** The output space at {@code out[outOff..]} (negative offsets are an error, not a short buffer). */
    static int space(byte[] out, int outOff) {
        if (out == null) {
            throw new NullPointerException("output");
        }
        if (outOff < 0 || outOff > out.length) {
            throw new IndexOutOfBoundsException("output offset " + outOff + " outside 0 to " + out.length);
        }
        return out.length - outOff;
    }

    /** Whether {@code in[inOff, +len)} and {@code out[outOff..]} are the same array and overlap. */
    static boolean overlaps(byte[] in, int inOff, int len, byte[] out, int outOff) {
        return in == out && len > 0 && inOff < out.length && outOff < inOff + len;
    }

    /** Narrows an output size, refusing sizes a Java array cannot hold. */
    static int size(long n) {
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("output of " + n + " bytes is larger than a Java array");
        }
        return (int) n;
    }
}
