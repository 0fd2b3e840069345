package dev.kmipjca.ttlv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutations of a valid TTLV message for {@link TtlvFuzzTest}. Knows where each item of the original
 * sits, so that some mutations keep the enclosing Structure lengths consistent and reach the checks
 * behind the length checks (values, padding, types, nesting) instead of failing at the first length.
 */
final class TtlvMutator {
    private static final int[] INTERESTING_LENGTHS = {0, 1, 3, 4, 7, 8, 9, 12, 15, 16, 24, 0x7FFFFFF8, 0x7FFFFFFF,
            0x80000000, 0xFFFFFFF8, 0xFFFFFFFF, 0x00FFFFF8};
    private static final byte[] INTERESTING_BYTES = {0x00, (byte) 0xFF, 0x7F, (byte) 0x80, 0x01, 0x42, 0x54, 0x0B, 0x0C};

    /** An item of the original message: where its header starts, where it ends, its enclosing Structures. */
    private record Item(int offset, int end, int type, int valueLength, int[] parents) {}

    /** A mutated input and what was done to it. */
    record Mutant(byte[] bytes, String how) {}

    final byte[] original;
    private final List<Item> items = new ArrayList<>();

    TtlvMutator(TtlvFixture fixture) {
        this.original = fixture.bytes;
        int[] starts = new int[64];
        int offset = 0;
        for (TtlvFixture.Line l : fixture.lines) {
            int size = 8 + (l.type() == ItemType.STRUCTURE.code() ? 0 : (int) ((l.length() + 7) & ~7L));
            int[] parents = Arrays.copyOf(starts, l.depth());
            int end = l.type() == ItemType.STRUCTURE.code() ? offset + 8 + (int) l.length() : offset + size;
            items.add(new Item(offset, end, l.type(), (int) l.length(), parents));
            starts[l.depth()] = offset;
            offset += size;
        }
    }

    /** One structure-aware mutation, sometimes followed by up to two blind ones; names what it did. */
    Mutant mutate(SplittableRandom r) {
        byte[] b = original.clone();
        String how;
        switch (r.nextInt(9)) {
            case 0 -> how = flipBits(r, b);
            case 1 -> how = setBytes(r, b);
            case 2 -> {
                Item it = pick(r);
                int len = r.nextBoolean() ? INTERESTING_LENGTHS[r.nextInt(INTERESTING_LENGTHS.length)]
                        : it.valueLength + 8 * (r.nextInt(5) - 2) + (r.nextBoolean() ? 0 : r.nextInt(8));
                putInt(b, it.offset + 4, len);
                how = "length of item at " + it.offset + " set to " + Integer.toUnsignedString(len);
            }
            case 3 -> {
                Item it = pick(r);
                int type = r.nextInt(0x0E);
                b[it.offset + 3] = (byte) type;
                how = "type of item at " + it.offset + " set to " + type;
            }
            case 4 -> {
                Item it = pick(r);
                if (it.type != ItemType.STRUCTURE.code()) {
                    for (int i = it.offset + 8; i < it.offset + 8 + it.valueLength; i++) {
                        b[i] = (byte) r.nextInt(256);
                    }
                }
                how = "value of item at " + it.offset + " randomised";
            }
            case 5 -> {
                Item it = pick(r);
                byte[] chunk = r.nextBoolean() ? Arrays.copyOfRange(b, it.offset, it.end) : randomChunk(r);
                b = insert(b, it.end, chunk, r.nextInt(4) != 0 ? it.parents : new int[0]);
                how = "inserted " + chunk.length + " bytes after item at " + it.offset;
            }
            case 6 -> {
                int at = 8 * r.nextInt(b.length / 8);
                int[] parents = r.nextInt(4) != 0 ? enclosing(at) : new int[0];
                b = remove(b, at, 8, parents);
                how = "removed 8 bytes at " + at;
            }
            case 7 -> {
                int n = r.nextInt(b.length);
                b = Arrays.copyOf(b, n);
                how = "truncated to " + n;
            }
            default -> {
                Item it = pick(r);
                b = remove(b, it.offset, it.end - it.offset, it.parents);
                how = "removed item at " + it.offset;
            }
        }
        for (int extra = r.nextInt(4) - 1; extra > 0 && b.length > 0; extra--) {
            how += "; " + (r.nextBoolean() ? flipBits(r, b) : setBytes(r, b));
        }
        return new Mutant(b, how);
    }

    private Item pick(SplittableRandom r) {
        return items.get(r.nextInt(items.size()));
    }

    private int[] enclosing(int at) {
        for (int i = items.size() - 1; i >= 0; i--) {
            Item it = items.get(i);
            if (it.type == 1 && it.offset < at && at < it.end) {
                int[] p = Arrays.copyOf(it.parents, it.parents.length + 1);
                p[p.length - 1] = it.offset;
                return p;
            }
        }
        return new int[0];
    }

    private static String flipBits(SplittableRandom r, byte[] b) {
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            int bit = r.nextInt(b.length * 8);
            b[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        return "flipped " + n + " bits";
    }

    private static String setBytes(SplittableRandom r, byte[] b) {
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            b[r.nextInt(b.length)] = r.nextBoolean() ? INTERESTING_BYTES[r.nextInt(INTERESTING_BYTES.length)]
                    : (byte) r.nextInt(256);
        }
        return "set " + n + " bytes";
    }

    private static byte[] randomChunk(SplittableRandom r) {
        byte[] c = new byte[8];
        if (r.nextBoolean()) {
            r.nextBytes(c);
        } else { // a header of an empty item: Structure, Text or Byte String of length 0
            c[0] = 0x42;
            c[2] = (byte) r.nextInt(256);
            c[3] = (byte) new int[] {1, 7, 8}[r.nextInt(3)];
        }
        return c;
    }

    private static byte[] insert(byte[] b, int at, byte[] chunk, int[] parents) {
        byte[] out = new byte[b.length + chunk.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(chunk, 0, out, at, chunk.length);
        System.arraycopy(b, at, out, at + chunk.length, b.length - at);
        adjust(out, parents, chunk.length);
        return out;
    }

    private static byte[] remove(byte[] b, int at, int n, int[] parents) {
        byte[] out = new byte[b.length - n];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + n, out, at, b.length - at - n);
        adjust(out, parents, -n);
        return out;
    }

    /** Adds delta to the Length of each enclosing Structure, keeping the message consistent. */
    private static void adjust(byte[] b, int[] parents, int delta) {
        for (int p : parents) {
            int len = ((b[p + 4] & 0xFF) << 24) | ((b[p + 5] & 0xFF) << 16) | ((b[p + 6] & 0xFF) << 8) | (b[p + 7] & 0xFF);
            putInt(b, p + 4, len + delta);
        }
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
