package dev.kmipjca.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain load run of kmip-jca's client, the twin of {@code pykmip_bench.py}: OPS Get calls, then OPS
 * Encrypt calls (32 bytes, AES-GCM), spread over THREADS threads that share one client with THREADS
 * pooled connections, after a warm-up of OPS / 5 calls of each. Prints one line per operation with
 * ops/s, median and 99th-percentile latency, and CPU time per operation twice: of the whole process
 * ({@code cpu_ms_per_op}: every thread of the JVM, JIT compiler and GC included, as Python's
 * {@code time.process_time()} counts every thread of the interpreter) and of the calling threads alone
 * ({@code caller_cpu_ms_per_op}: what the calls themselves cost once compiled).
 *
 * <p>A few hundred calls (all that PyKMIP can serve in seconds) leave the JIT compiler busy, and its work
 * counts as client CPU. With WARMUP_SETTINGS and WARMUP_OPS the same calls first run WARMUP_OPS times
 * against another (fast) server, so that the measured calls run compiled code, as in a long-lived
 * application; the line then says {@code warm=WARMUP_OPS}.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.kmipjca.benchmarks.ClientLoad SETTINGS LABEL OPS THREADS
 * [WARMUP_SETTINGS WARMUP_OPS]}
 */
public final class ClientLoad {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ClientLoad() {}

    interface Op {
        Object call(BenchClient c) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4 && args.length != 6) {
            System.err.println("usage: ClientLoad SETTINGS LABEL OPS THREADS [WARMUP_SETTINGS WARMUP_OPS]");
            System.exit(2);
        }
        String label = args[1];
        int ops = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        int warm = args.length == 6 ? Integer.parseInt(args[5]) : 0;
        if (warm > 0) {
            try (BenchClient w = new BenchClient(Path.of(args[4]), threads)) {
                run(w, BenchClient::get, warm, threads);
                run(w, BenchClient::encrypt, warm, threads);
            }
            label += " warm=" + warm;
        }
        try (BenchClient c = new BenchClient(Path.of(args[0]), threads)) {
            for (String name : List.of("get", "encrypt")) {
                Op op = name.equals("get") ? BenchClient::get : BenchClient::encrypt;
                run(c, op, Math.max(threads, ops / 5), threads); // warm-up: JIT, TLS sessions, pool
                Result r = run(c, op, ops, threads);
                System.out.printf(Locale.ROOT, "client=kmip-jca server=%s op=%s threads=%d ops=%d ops_per_s=%.1f"
                        + " p50_ms=%.3f p99_ms=%.3f cpu_ms_per_op=%.3f caller_cpu_ms_per_op=%.3f%n", label, name, threads,
                        ops, r.opsPerSecond(), r.percentileMs(50), r.percentileMs(99), r.cpuMsPerOp(),
                        r.callerCpuNanos() / 1e6 / ops);
            }
        }
    }

    record Result(long[] latenciesNanos, long wallNanos, long cpuNanos, long callerCpuNanos) {
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
            AtomicLong callerCpu = new AtomicLong();
            for (int t = 0; t < threads; t++) {
                int n = ops / threads + (t < ops % threads ? 1 : 0);
                Callable<long[]> part = () -> {
                    long[] lat = new long[n];
                    start.await();
                    long cpu0 = THREADS.getCurrentThreadCpuTime();
                    for (int i = 0; i < n; i++) {
                        long t0 = System.nanoTime();
                        op.call(c);
                        lat[i] = System.nanoTime() - t0;
                    }
                    callerCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu0);
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
            return new Result(all, System.nanoTime() - wall0, processCpuNanos() - cpu0, callerCpu.get());
        } finally {
            pool.shutdown();
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
