package dev.kmipjca.benchmarks;

import dev.kmipjca.client.EncryptResult;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * kmip-jca's {@link dev.kmipjca.client.KmipClient} against running KMIP servers: Get of an AES-256 key
 * and Encrypt of 32 bytes (AES-GCM), at KMIP 1.4, as operations per second and as sampled latencies
 * (percentiles). {@code server} names the settings file {@code $KMIPJCA_BENCH_DIR/<server>.kmip}
 * (run-client-bench.sh starts PyKMIP and the development server and writes them); {@code connections}
 * is {@code kmip.poolSize}: run with {@code -t 1 -p connections=1} and {@code -t 4 -p connections=4}.
 * Results and commands: docs/benchmarks.md.
 */
@State(Scope.Benchmark)
public class ClientBenchmark {
    @Param({"pykmip", "dev"})
    public String server;

    @Param({"1"})
    public int connections;

    private BenchClient client;

    @Setup(Level.Trial)
    public void open() throws Exception {
        String dir = System.getenv("KMIPJCA_BENCH_DIR");
        if (dir == null) {
            throw new IllegalStateException("KMIPJCA_BENCH_DIR is not set; run benchmarks/run-client-bench.sh");
        }
        client = new BenchClient(Path.of(dir, server + ".kmip"), connections);
    }

    @TearDown(Level.Trial)
    public void close() {
        client.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int get() throws Exception {
        return client.get();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public EncryptResult encrypt() throws Exception {
        return client.encrypt();
    }

    /** The same call as {@link #get()}, its latency sampled (microseconds). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int getLatency() throws Exception {
        return client.get();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public EncryptResult encryptLatency() throws Exception {
        return client.encrypt();
    }
}
