package dev.kmipjca.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A plain load run of kmip-jca's client, the twin of {@code pykmip_bench.py}: OPS Get calls, then OPS
 * Encrypt calls (32 bytes, AES-GCM), spread over THREADS threads that share one client with THREADS
 * pooled connections, after a warm-up of OPS / 5 calls of each. Prints one line per operation with
 * ops/s, median and 99th-percentile latency, and this process's CPU time per operation (every thread
 * of the JVM: JIT compiler and GC included).
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.kmipjca.benchmarks.ClientLoad SETTINGS LABEL OPS THREADS}
 */
public final class ClientLoad {
    private ClientLoad() {}

    interface Op {
        Object call(BenchClient c) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ClientLoad SETTINGS LABEL OPS THREADS");
            System.exit(2);
        }
        String label = args[1];
        int ops = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        try (BenchClient c = new BenchClient(Path.of(args[0]), threads)) {
            for (String name : List.of("get", "encrypt")) {
                Op op = name.equals("get") ? BenchClient::get : BenchClient::encrypt;
                run(c, op, Math.max(threads, ops / 5), threads); // warm-up: JIT, TLS sessions, pool
                Result r = run(c, op, ops, threads);
                System.out.printf(Locale.ROOT, "client=kmip-jca server=%s op=%s threads=%d ops=%d ops_per_s=%.1f"
                        + " p50_ms=%.3f p99_ms=%.3f cpu_ms_per_op=%.3f%n", label, name, threads, ops, r.opsPerSecond(),
                        r.percentileMs(50), r.percentileMs(99), r.cpuMsPerOp());
            }
        }
    }

    record Result(long[] latenciesNanos, long wallNanos, long cpuNanos) {
        double opsPerSecond() {
            return latenciesNanos.length / (wallNanos / 1e9);
        }

        double percentileMs(int p) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int i = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
            return sorted[Math.max(0, i)] / 1e6;
        }

        double cpuMsPerOp() {
            return cpuNanos / 1e6 / latenciesNanos.length;
        }
    }

    static Result run(BenchClient c, Op op, int ops, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<long[]>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int n = ops / threads + (t < ops % threads ? 1 : 0);
                Callable<long[]> part = () -> {
                    long[] lat = new long[n];
                    start.await();
                    for (int i = 0; i < n; i++) {
                        long t0 = System.nanoTime();
                        op.call(c);
                        lat[i] = System.nanoTime() - t0;
                    }
                    return lat;
                };
                parts.add(pool.submit(part));
            }
            long cpu0 = processCpuNanos();
            long wall0 = System.nanoTime();
            start.countDown();
            long[] all = new long[0];
            for (Future<long[]> f : parts) {
                long[] p = f.get();
                long[] merged = Arrays.copyOf(all, all.length + p.length);
                System.arraycopy(p, 0, merged, all.length, p.length);
                all = merged;
            }
            return new Result(all, System.nanoTime() - wall0, processCpuNanos() - cpu0);
        } finally {
            pool.shutdown();
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
