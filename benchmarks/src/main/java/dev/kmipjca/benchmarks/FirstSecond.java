package dev.kmipjca.benchmarks;

import dev.kmipjca.config.BulkProvider;
import dev.kmipjca.envelope.Envelope;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What a fresh JVM gets in its first second: builds an envelope (which loads and self-tests ACCP when
 * asked to), then encrypts {@code size}-byte messages with {@link Envelope#encrypt} for
 * {@code millis} milliseconds counted from the start of {@code main}, and prints the throughput over the
 * whole window (setup included) and per quarter of it. Not a JMH benchmark: the point is the cold start.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.kmipjca.benchmarks.FirstSecond ACCP 1048576 1000</pre>
 */
public final class FirstSecond {
    private FirstSecond() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        long jvmMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        BulkProvider setting = BulkProvider.valueOf(args[0].toUpperCase(Locale.ROOT));
        int size = Integer.parseInt(args[1]);
        long window = (args.length > 2 ? Long.parseLong(args[2]) : 1000) * 1_000_000L;
        try (Envelope e = Envelope.builder(new EnvelopeBenchmark.InMemoryWrap()).masterKeyId("m").bulkProvider(setting).build()) {
            byte[] plaintext = new byte[size];
            new SplittableRandom(1).nextBytes(plaintext);
            long setup = System.nanoTime() - start;
            long[] quarter = new long[4];
            long sink = 0;
            for (long now = System.nanoTime(); now - start < window; now = System.nanoTime()) {
                sink += e.encrypt(plaintext, null).length;
                quarter[(int) Math.min(3, (System.nanoTime() - start) * 4 / window)] += size;
            }
            long total = quarter[0] + quarter[1] + quarter[2] + quarter[3];
            double q = window / 4e9;
            System.out.printf(Locale.ROOT, "%s %d bytes: JVM start to main %d ms, setup %d ms; %.0f MB/s over the first"
                    + " %d ms of main; per quarter %.0f / %.0f / %.0f / %.0f MB/s (%d)%n",
                    e.bulkProvider().name(), size, jvmMillis, setup / 1_000_000, total / (window / 1e9) / 1e6,
                    window / 1_000_000, quarter[0] / q / 1e6, quarter[1] / q / 1e6, quarter[2] / q / 1e6,
                    quarter[3] / q / 1e6, sink % 10);
        }
    }
}
