package dev.kmipjca.ttlv;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random inputs for {@link TtlvFuzzTest}: random valid trees, and random bytes shaped like TTLV or not. */
final class TtlvRandom {
    private TtlvRandom() {}

    /** A random tree of every item type, at most {@code depth} levels deep. */
    static Ttlv tree(SplittableRandom r, int depth) {
        int tag = (r.nextInt(8) == 0 ? 0x540000 : 0x420000) | r.nextInt(0x180);
        int kind = depth <= 1 ? 1 + r.nextInt(11) : r.nextInt(3) == 0 ? 0 : r.nextInt(12);
        switch (kind) {
            case 0: {
                List<Ttlv> children = new ArrayList<>();
                for (int n = r.nextInt(5); n > 0; n--) {
                    children.add(tree(r, depth - 1));
                }
                return Ttlv.structure(tag, children);
            }
            case 1: return Ttlv.integer(tag, r.nextInt());
            case 2: return Ttlv.longInteger(tag, r.nextLong());
            case 3: return Ttlv.bigInteger(tag, new BigInteger(1 + r.nextInt(300), new java.util.Random(r.nextLong()))
                    .multiply(BigInteger.valueOf(r.nextBoolean() ? 1 : -1)));
            case 4: return Ttlv.enumeration(tag, r.nextInt());
            case 5: return Ttlv.bool(tag, r.nextBoolean());
            case 6: return Ttlv.text(tag, text(r));
            case 7: {
                byte[] b = new byte[r.nextInt(40)];
                r.nextBytes(b);
                return Ttlv.bytes(tag, b);
            }
            case 8: return Ttlv.dateTime(tag, Instant.ofEpochSecond(r.nextLong(-1L << 40, 1L << 40)));
            case 9: return Ttlv.interval(tag, r.nextLong(1L << 32));
            default: {
                long micros = r.nextLong(-1L << 60, 1L << 60);
                return Ttlv.dateTimeExtended(tag, Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        Math.floorMod(micros, 1_000_000L) * 1000L));
            }
        }
    }

    /** Text of ASCII, two- and three-byte characters and surrogate pairs. */
    private static String text(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        for (int n = r.nextInt(20); n > 0; n--) {
            switch (r.nextInt(4)) {
                case 0 -> sb.appendCodePoint(0x20 + r.nextInt(0x5F));
                case 1 -> sb.appendCodePoint(0x80 + r.nextInt(0x780));
                case 2 -> sb.appendCodePoint(0xE000 + r.nextInt(0x2000));
                default -> sb.appendCodePoint(0x10000 + r.nextInt(0x100000));
            }
        }
        return sb.toString();
    }

    /** Random bytes; half of the time behind a plausible first header (tag 0x42/0x54, a small length). */
    static byte[] bytes(SplittableRandom r) {
        byte[] b = new byte[r.nextInt(160)];
        r.nextBytes(b);
        if (b.length >= 8 && r.nextBoolean()) {
            b[0] = r.nextBoolean() ? (byte) 0x42 : (byte) 0x54;
            b[3] = (byte) r.nextInt(0x0D);
            int len = r.nextBoolean() ? b.length - 8 : r.nextInt(b.length);
            b[4] = 0;
            b[5] = 0;
            b[6] = (byte) (len >>> 8);
            b[7] = (byte) len;
        }
        return b;
    }
}
