package dev.kmipjca.benchmarks;

import dev.kmipjca.config.BulkProvider;
import dev.kmipjca.envelope.Envelope;
import dev.kmipjca.envelope.KeyWrapException;
import dev.kmipjca.envelope.KeyWrapService;
import dev.kmipjca.envelope.WrappedKey;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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
 * Envelope encryption and decryption of one message ({@link Envelope#encrypt}, {@link Envelope#decrypt},
 * single-shot form) with a cached data key, next to raw AES-256-GCM of the same provider in the same
 * run: {@code Cipher.init} with a fresh random 12-byte nonce and {@code doFinal}. The data key is wrapped
 * by an in-memory master key once (the KMIP round trip is not on this path). The bulk provider is a
 * {@code @Param}: SunJCE or ACCP (Amazon Corretto Crypto Provider), chosen through
 * {@code kmip.bulkProvider}; the raw benchmarks use the very provider instance the envelope chose.
 * Inputs are generated once per trial. HotSpot compiles SunJCE's AES-GCM late when it only sees large
 * pieces (the envelope's JitPrimer exists for that), so each trial first runs {@link JitWarmUp}: raw
 * SunJCE at 1 MiB would otherwise be measured interpreted. Results and commands: docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnvelopeBenchmark {
    private static final String MASTER = "bench-master";

    @Param({"SunJCE", "ACCP"})
    public String provider;

    @Param({"1024", "16384", "1048576", "16777216"})
    public int size;

    private Envelope envelope;
    private byte[] plaintext;
    private byte[] sealed;
    private Cipher raw;
    private SecretKeySpec rawKey;
    private final SecureRandom random = new SecureRandom();
    private byte[] rawNonce;
    private byte[] rawSealed;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        BulkProvider setting = provider.equals("ACCP") ? BulkProvider.ACCP : BulkProvider.SUNJCE;
        envelope = Envelope.builder(new InMemoryWrap()).masterKeyId(MASTER).bulkProvider(setting).build();
        Provider p = envelope.bulkProvider().provider();
        plaintext = new byte[size];
        new SplittableRandom(size).nextBytes(plaintext);
        sealed = envelope.encrypt(plaintext, null);
        raw = Cipher.getInstance("AES/GCM/NoPadding", p);
        byte[] k = new byte[32];
        random.nextBytes(k);
        rawKey = new SecretKeySpec(k, "AES");
        rawNonce = new byte[12];
        random.nextBytes(rawNonce);
        raw.init(Cipher.ENCRYPT_MODE, rawKey, new GCMParameterSpec(128, rawNonce));
        rawSealed = raw.doFinal(plaintext);
        long primed = JitWarmUp.prime(p, 10_000_000_000L);
        System.out.printf("%nJIT warm-up of %s AES-GCM: %d ms%n", p.getName(), primed / 1_000_000);
        System.out.printf("%nbulk provider: %s (cipher from %s); envelope overhead %d bytes%n",
                envelope.bulkProvider().description(), raw.getProvider().getName(), sealed.length - size);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        envelope.close();
    }

    @Benchmark
    public byte[] envelopeEncrypt() throws KeyWrapException {
        return envelope.encrypt(plaintext, null);
    }

    @Benchmark
    public byte[] envelopeDecrypt() throws GeneralSecurityException, KeyWrapException {
        return envelope.decrypt(sealed, null);
    }

    /** The yardstick for encryption: a fresh random nonce, init, one doFinal. */
    @Benchmark
    public byte[] rawEncrypt() throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        raw.init(Cipher.ENCRYPT_MODE, rawKey, new GCMParameterSpec(128, nonce));
        return raw.doFinal(plaintext);
    }

    private long rawCounter;

    /**
     * For Interleaved ({@code counter}): rawEncrypt with a counted nonce instead of a random one, the way
     * the envelope makes its single-shot nonces, to compare like with like.
     */
    public byte[] rawEncryptCounted() throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        long m = ++rawCounter;
        for (int i = 0; i < 8; i++) {
            nonce[4 + i] = (byte) (m >>> (56 - 8 * i));
        }
        raw.init(Cipher.ENCRYPT_MODE, rawKey, new GCMParameterSpec(128, nonce));
        return raw.doFinal(plaintext);
    }

    /** For experiments: rawEncrypt into an array of the envelope's size, after a header's worth of bytes. */
    public byte[] rawEncryptInto() throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        raw.init(Cipher.ENCRYPT_MODE, rawKey, new GCMParameterSpec(128, nonce));
        int h = sealed.length - size - 16;
        byte[] out = new byte[sealed.length];
        raw.doFinal(plaintext, 0, size, out, h);
        return out;
    }

    /** The yardstick for decryption: init with the message's nonce, one doFinal. */
    @Benchmark
    public byte[] rawDecrypt() throws GeneralSecurityException {
        raw.init(Cipher.DECRYPT_MODE, rawKey, new GCMParameterSpec(128, rawNonce));
        return raw.doFinal(rawSealed);
    }

    /** The master key as an AES-256 key in memory: AES-256-GCM wrap with a random nonce, as a KMIP server does. */
    static final class InMemoryWrap implements KeyWrapService {
        private final SecretKeySpec master;
        private final SecureRandom random = new SecureRandom();

        InMemoryWrap() {
            byte[] k = new byte[32];
            random.nextBytes(k);
            master = new SecretKeySpec(k, "AES");
        }

        @Override
        public WrappedKey wrap(String masterKeyId, byte[] key, byte[] associatedData) throws KeyWrapException {
            try {
                byte[] nonce = new byte[12];
                random.nextBytes(nonce);
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
                c.init(Cipher.ENCRYPT_MODE, master, new GCMParameterSpec(128, nonce));
                c.updateAAD(associatedData);
                return new WrappedKey(masterKeyId, WrappedKey.AES_256_GCM, nonce, c.doFinal(key));
            } catch (GeneralSecurityException e) {
                throw new KeyWrapException(KeyWrapException.Kind.OTHER, masterKeyId, "wrap failed", e);
            }
        }

        @Override
        public byte[] unwrap(WrappedKey wrapped, byte[] associatedData) throws KeyWrapException {
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
                c.init(Cipher.DECRYPT_MODE, master, new GCMParameterSpec(128, wrapped.nonce()));
                c.updateAAD(associatedData);
                return c.doFinal(wrapped.ciphertext());
            } catch (GeneralSecurityException e) {
                throw new KeyWrapException(KeyWrapException.Kind.OTHER, wrapped.masterKeyId(), "unwrap failed", e);
            }
        }
    }
}
