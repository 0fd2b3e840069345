package dev.kmipjca.cli;

import dev.kmipjca.config.BulkProvider;
import dev.kmipjca.envelope.BulkProviders;
import dev.kmipjca.envelope.Envelope;
import dev.kmipjca.envelope.KeyWrapException;
import dev.kmipjca.envelope.KeyWrapService;
import dev.kmipjca.envelope.WrappedKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Warms up the bulk AES-GCM on a daemon thread while the KMIP handshake and the unwrap run, for
 * {@code encrypt} and {@code decrypt} alike. A fresh JVM runs SunJCE's AES-GCM interpreted (30-50 MB/s)
 * until HotSpot has seen thousands of calls, and a file is only a few thousand 64 KiB segments.
 *
 * <p>The warm-up runs exactly the code of the commands: segmented envelopes of a throwaway envelope (data
 * key wrapped in memory under a random key that is dropped) with the command's bulk provider, encrypted
 * through {@code encryptingStream} and decrypted through {@code decryptingStream} in 1 MiB writes and
 * reads ({@link FileCrypt#copy}), so {@code Segments.seal} and {@code open} and the same {@code Cipher}
 * calls get compiled. Each round is one stream of {@link #SMALL_STREAM_BYTES} in 64-byte segments (two
 * thousand tiny seal and open calls, to reach HotSpot's call counts quickly) and one 1 MiB stream in the
 * real segment size (so the compiled code has seen the large branches). It ends when two 1 MiB rounds in
 * a row run compiled (under {@link #FAST_NANOS}), after {@link #BUDGET_NANOS}, or when the command ends.
 * A native provider (ACCP) needs none of this: the warm-up then only probes it, early.
 */
final class Warmup {
    /** Inputs this large (or of unknown size) are worth warming up for. */
    static final long WORTH_BYTES = 4L << 20;
    static final long BUDGET_NANOS = 2_000_000_000L;
    /** A 1 MiB stream encrypted and decrypted faster than this (about 500 MB/s each way) ran compiled. */
    static final long FAST_NANOS = 4_000_000L;
    static final int SMALL_SEGMENT_BYTES = 64;
    static final int SMALL_STREAM_BYTES = 64 << 10;
    private static final int LARGE_STREAM_BYTES = 1 << 20;

    private final BulkProvider setting;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile String outcome = "running";

    private Warmup(BulkProvider setting) {
        this.setting = setting;
        this.thread = new Thread(this::run, "kmip-jca-warmup");
        thread.setDaemon(true);
    }

    /** Starts warming up the provider that {@code setting} chooses. */
    static Warmup start(BulkProvider setting) {
        return created(setting).begin();
    }

    /** For tests: a warm-up whose thread has not started yet. */
    static Warmup created(BulkProvider setting) {
        return new Warmup(setting);
    }

    /** Starts the thread; returns this. */
    Warmup begin() {
        thread.start();
        return this;
    }

    void stop() {
        stopped = true;
    }

    /** For measurements and tests: waits for the warm-up to end. */
    void join() throws InterruptedException {
        thread.join();
    }

    /** How it ended: "native provider", "compiled after N rounds", "budget spent", "stopped", or a failure. */
    String outcome() {
        return outcome;
    }

    private void run() {
        ThrowawayWrap wrap = new ThrowawayWrap();
        try (Envelope large = Envelope.builder(wrap).bulkProvider(setting).masterKeyId("warmup").build();
             Envelope small = Envelope.builder(wrap).bulkProvider(setting).segmentSizeBytes(SMALL_SEGMENT_BYTES)
                     .masterKeyId("warmup").build()) {
            if (!BulkProviders.SUNJCE.equals(large.bulkProvider().provider().getName())) {
                outcome = "native provider";
                return;
            }
            byte[] smallData = new byte[SMALL_STREAM_BYTES];
            byte[] largeData = new byte[LARGE_STREAM_BYTES];
            byte[] buffer = new byte[FileCrypt.BUFFER_BYTES];
            ByteArrayOutputStream sealed = new ByteArrayOutputStream(LARGE_STREAM_BYTES + (64 << 10));
            long start = System.nanoTime();
            int fast = 0;
            for (int round = 1; !stopped; round++) {
                roundTrip(small, smallData, sealed, buffer);
                long t0 = System.nanoTime();
                roundTrip(large, largeData, sealed, buffer);
                long now = System.nanoTime();
                fast = now - t0 < FAST_NANOS ? fast + 1 : 0;
                if (fast == 2) {
                    outcome = "compiled after " + round + " rounds";
                    return;
                }
                if (now - start > BUDGET_NANOS) {
                    outcome = "budget spent";
                    return;
                }
            }
            outcome = "stopped";
        } catch (IOException | KeyWrapException | GeneralSecurityException | RuntimeException e) {
            outcome = "failed: " + e; // a warm-up only; the real work does not depend on it
        }
    }

    /** One segmented envelope of {@code data}, written and read back as the commands do. */
    private static void roundTrip(Envelope e, byte[] data, ByteArrayOutputStream sealed, byte[] buffer)
            throws IOException, KeyWrapException, GeneralSecurityException {
        sealed.reset();
        try (OutputStream enc = e.encryptingStream(sealed, null)) {
            enc.write(data, 0, data.length);
        }
        try (InputStream dec = e.decryptingStream(new ByteArrayInputStream(sealed.toByteArray()), null)) {
            while (dec.readNBytes(buffer, 0, buffer.length) > 0) {
                // decrypted into the buffer, as FileCrypt.copy reads
            }
        }
    }

    /** Wraps in memory under a random key that never leaves this object; for the warm-up's throwaway data. */
    private static final class ThrowawayWrap implements KeyWrapService {
        private final SecretKeySpec key;
        private final SecureRandom random = new SecureRandom();

        ThrowawayWrap() {
            byte[] k = new byte[32];
            random.nextBytes(k);
            key = new SecretKeySpec(k, "AES");
            Arrays.fill(k, (byte) 0);
        }

        @Override
        public WrappedKey wrap(String masterKeyId, byte[] dataKey, byte[] associatedData) throws KeyWrapException {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            return new WrappedKey(masterKeyId, WrappedKey.AES_256_GCM, nonce,
                    run(Cipher.ENCRYPT_MODE, masterKeyId, nonce, associatedData, dataKey));
        }

        @Override
        public byte[] unwrap(WrappedKey wrapped, byte[] associatedData) throws KeyWrapException {
            return run(Cipher.DECRYPT_MODE, wrapped.masterKeyId(), wrapped.nonce(), associatedData, wrapped.ciphertext());
        }

        private byte[] run(int mode, String id, byte[] nonce, byte[] aad, byte[] in) throws KeyWrapException {
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(mode, key, new GCMParameterSpec(128, nonce));
                c.updateAAD(aad);
                return c.doFinal(in);
            } catch (GeneralSecurityException e) {
                throw new KeyWrapException(KeyWrapException.Kind.UNAVAILABLE, id, "warm-up wrap failed", e);
            }
        }
    }
}
