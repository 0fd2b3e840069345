package dev.kmipjca.keystore;

import java.util.Arrays;

/**
 * The inner loop of {@link SectionReader}'s base64 decoding: whole groups of four characters of the
 * standard alphabet, straight from the file's bytes into the output, stopping at the first group that
 * holds anything else (padding, a backslash, a line break, white space), which the caller then reads
 * one character at a time with its checks and messages.
 */
final class Base64Quads {
    /** The value of each byte as a base64 character, -1 when it is not one. */
    static final int[] VALUE = new int[256];
    /** {@link #VALUE} shifted into its place in a group of four; -1 (all bits) for a non-character. */
    static final int[] AT18 = new int[256];
    static final int[] AT12 = new int[256];
    static final int[] AT6 = new int[256];

    static {
        Arrays.fill(VALUE, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUE[alphabet.charAt(i)] = i;
        }
        for (int c = 0; c < 256; c++) {
            AT18[c] = VALUE[c] < 0 ? -1 : VALUE[c] << 18;
            AT12[c] = VALUE[c] < 0 ? -1 : VALUE[c] << 12;
            AT6[c] = VALUE[c] < 0 ? -1 : VALUE[c] << 6;
        }
    }

    private Base64Quads() {
    }

    /**
     * Decodes the groups of four base64 characters of {@code in[from .. to)} into {@code out} at
     * {@code o}, up to the first group that is not four characters of the alphabet (or {@code to}).
     * The caller makes room for {@code (to - from) / 4 * 3} bytes.
     *
     * @return where decoding stopped in {@code in}; {@code (return - from) / 4 * 3} bytes were written
     */
    static int decode(byte[] in, int from, int to, byte[] out, int o) {
        int i = from;
        while (i + 4 <= to) {
            int v = AT18[in[i] & 0xFF] | AT12[in[i + 1] & 0xFF] | AT6[in[i + 2] & 0xFF] | VALUE[in[i + 3] & 0xFF];
            if (v < 0) {
                break;
            }
            out[o] = (byte) (v >> 16);
            out[o + 1] = (byte) (v >> 8);
            out[o + 2] = (byte) v;
            o += 3;
            i += 4;
        }
        return i;
    }
}
