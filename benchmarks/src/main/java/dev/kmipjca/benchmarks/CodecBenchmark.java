package dev.kmipjca.benchmarks;

import dev.kmipjca.ttlv.Tag;
import dev.kmipjca.ttlv.Ttlv;
import dev.kmipjca.ttlv.TtlvDecoder;
import dev.kmipjca.ttlv.TtlvException;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The TTLV codec on the two messages that matter for speed: a Get response carrying a 256-bit key
 * (small, many items) and an Encrypt request carrying 64 KiB of Data (one large value). A plain copy
 * of the 64 KiB request's bytes runs in the same JMH run as the yardstick: decoding must not cost
 * much more than copying. Results and the command: docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {
    private final TtlvDecoder decoder = TtlvDecoder.defaults();
    private Ttlv getResponse;
    private byte[] getResponseBytes;
    private Ttlv encrypt64k;
    private byte[] encrypt64kBytes;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        byte[] key = new byte[32];
        random.nextBytes(key);
        getResponse = Ttlv.structure(Tag.RESPONSE_MESSAGE,
                Ttlv.structure(Tag.RESPONSE_HEADER,
                        protocolVersion(1, 4),
                        Ttlv.dateTime(Tag.TIME_STAMP, Instant.parse("2025-04-03T10:22:00Z")),
                        Ttlv.integer(Tag.BATCH_COUNT, 1)),
                Ttlv.structure(Tag.BATCH_ITEM,
                        Ttlv.enumeration(Tag.OPERATION, 0x0A), // Get
                        Ttlv.enumeration(Tag.RESULT_STATUS, 0), // Success
                        Ttlv.structure(Tag.RESPONSE_PAYLOAD,
                                Ttlv.enumeration(Tag.OBJECT_TYPE, 2), // Symmetric Key
                                Ttlv.text(Tag.UNIQUE_IDENTIFIER, "6f1c9d2e-4b7a-4e8f-9a3d-2c5b8e7f1a40"),
                                Ttlv.structure(Tag.SYMMETRIC_KEY, Ttlv.structure(Tag.KEY_BLOCK,
                                        Ttlv.enumeration(Tag.KEY_FORMAT_TYPE, 1), // Raw
                                        Ttlv.structure(Tag.KEY_VALUE, Ttlv.bytes(Tag.KEY_MATERIAL, key)),
                                        Ttlv.enumeration(Tag.CRYPTOGRAPHIC_ALGORITHM, 3), // AES
                                        Ttlv.integer(Tag.CRYPTOGRAPHIC_LENGTH, 256))))));
        getResponseBytes = getResponse.encode();

        byte[] data = new byte[64 * 1024];
        random.nextBytes(data);
        encrypt64k = Ttlv.structure(Tag.REQUEST_MESSAGE,
                Ttlv.structure(Tag.REQUEST_HEADER, protocolVersion(1, 4), Ttlv.integer(Tag.BATCH_COUNT, 1)),
                Ttlv.structure(Tag.BATCH_ITEM,
                        Ttlv.enumeration(Tag.OPERATION, 0x1F), // Encrypt
                        Ttlv.structure(Tag.REQUEST_PAYLOAD,
                                Ttlv.text(Tag.UNIQUE_IDENTIFIER, "6f1c9d2e-4b7a-4e8f-9a3d-2c5b8e7f1a40"),
                                Ttlv.structure(Tag.CRYPTOGRAPHIC_PARAMETERS,
                                        Ttlv.enumeration(Tag.BLOCK_CIPHER_MODE, 9), // GCM
                                        Ttlv.enumeration(Tag.CRYPTOGRAPHIC_ALGORITHM, 3), // AES
                                        Ttlv.integer(Tag.TAG_LENGTH, 16)),
                                Ttlv.bytes(Tag.DATA, data))));
        encrypt64kBytes = encrypt64k.encode();
        System.out.printf("%nmessage sizes: Get response %d bytes, Encrypt request %d bytes%n",
                getResponseBytes.length, encrypt64kBytes.length);
    }

    private static Ttlv protocolVersion(int major, int minor) {
        return Ttlv.structure(Tag.PROTOCOL_VERSION, Ttlv.integer(Tag.PROTOCOL_VERSION_MAJOR, major),
                Ttlv.integer(Tag.PROTOCOL_VERSION_MINOR, minor));
    }

    @Benchmark
    public byte[] encodeGetResponse() {
        return getResponse.encode();
    }

    @Benchmark
    public Ttlv decodeGetResponse() throws TtlvException {
        return decoder.decode(getResponseBytes);
    }

    @Benchmark
    public byte[] encode64k() {
        return encrypt64k.encode();
    }

    @Benchmark
    public Ttlv decode64k() throws TtlvException {
        return decoder.decode(encrypt64kBytes);
    }

    /** The yardstick: one copy of the 64 KiB request into a fresh array. */
    @Benchmark
    public byte[] copy64k() {
        return Arrays.copyOf(encrypt64kBytes, encrypt64kBytes.length);
    }
}
