package dev.kmipjca.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The envelope/raw ratio of {@link EnvelopeBenchmark}, measured so that load from other processes
 * cancels out: envelope and raw operations alternate in blocks of about 25 ms (in the order ABBA), and
 * the ratio is taken block pair by block pair, each block timed by the CPU time of this thread (time
 * spent preempted by other processes does not count; {@code -Dwall=true} uses wall-clock time). On a
 * shared machine JMH runs the two benchmarks minutes apart, under different load; here they share it.
 * Prints the median ratio with its quartiles, and the median throughput of each side per CPU second.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.kmipjca.benchmarks.Interleaved SunJCE 1048576 encrypt 20 10</pre>
 * (provider, message bytes, encrypt or decrypt, seconds measured, seconds of warm-up; a sixth argument
 * {@code counter} compares with raw encryption under a counted nonce instead of a random one)
 */
public final class Interleaved {
    private static final long BLOCK_NANOS = 25_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** {@code -Dwall=true}: wall-clock time instead of this thread's CPU time. */
    private static final boolean WALL = Boolean.getBoolean("wall");
    private static volatile int sink;

    private interface Op {
        byte[] run() throws Exception;
    }

    private Interleaved() {
    }

    public static void main(String[] args) throws Exception {
        EnvelopeBenchmark b = new EnvelopeBenchmark();
        b.provider = args[0];
        b.size = Integer.parseInt(args[1]);
        boolean encrypt = args[2].equals("encrypt");
        long measure = Long.parseLong(args[3]) * 1_000_000_000L;
        long warmUp = Long.parseLong(args[4]) * 1_000_000_000L;
        b.setUp();
        Op envelope = args.length > 5 && args[5].equals("aa") ? (encrypt ? b::rawEncrypt : b::rawDecrypt)
                : encrypt ? b::envelopeEncrypt : b::envelopeDecrypt;
        Op raw = encrypt ? b::rawEncrypt : b::rawDecrypt;
        if (args.length > 5 && args[5].equals("ee")) {
            raw = envelope;
        } else if (args.length > 5 && args[5].equals("into")) {
            raw = b::rawEncryptInto;
        } else if (args.length > 5 && args[5].equals("counter")) {
            raw = b::rawEncryptCounted;
        }
        long one = time(raw, 1) + 1;
        int n = (int) Math.max(1, Math.min(1_000_000, BLOCK_NANOS / one));
        for (long start = System.nanoTime(); System.nanoTime() - start < warmUp;) {
            time(envelope, n);
            time(raw, n);
            n = (int) Math.max(1, Math.min(1_000_000, n * BLOCK_NANOS / Math.max(1, time(raw, n))));
        }
        double[] ratios = new double[(int) (measure / BLOCK_NANOS / 2) + 1];
        double[] envNanos = new double[ratios.length];
        double[] rawNanos = new double[ratios.length];
        int k = 0;
        for (long start = System.nanoTime(); System.nanoTime() - start < measure && k < ratios.length; k++) {
            long e;
            long r;
            if (k % 2 == 0) {
                e = time(envelope, n);
                r = time(raw, n);
            } else {
                r = time(raw, n);
                e = time(envelope, n);
            }
            ratios[k] = (double) r / e;
            envNanos[k] = (double) e / n;
            rawNanos[k] = (double) r / n;
        }
        ratios = Arrays.copyOf(ratios, k);
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "%s %s %d bytes (%s time): envelope/raw median %.3f (quartiles %.3f-%.3f, %d block pairs"
                + " of %d operations); envelope %.0f MB/s, raw %.0f MB/s (medians)%n",
                b.provider, encrypt ? "encrypt" : "decrypt", b.size, WALL ? "wall" : "CPU", q(ratios, 0.5), q(ratios, 0.25), q(ratios, 0.75),
                k, n, b.size / median(envNanos, k) * 1e3, b.size / median(rawNanos, k) * 1e3);
        b.tearDown();
    }

    /** Thread CPU time (or wall time when asked) of {@code n} operations. */
    private static long time(Op op, int n) throws Exception {
        long t0 = WALL ? System.nanoTime() : THREADS.getCurrentThreadCpuTime();
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += op.run()[0];
        }
        sink += s;
        return (WALL ? System.nanoTime() : THREADS.getCurrentThreadCpuTime()) - t0;
    }

    private static double median(double[] v, int k) {
        double[] c = Arrays.copyOf(v, k);
        Arrays.sort(c);
        return q(c, 0.5);
    }

    private static double q(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }
}
