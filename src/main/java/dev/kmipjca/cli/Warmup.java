package dev.kmipjca.cli;

import dev.kmipjca.envelope.Envelope;
import dev.kmipjca.envelope.KeyWrapException;
import dev.kmipjca.envelope.KeyWrapService;
import dev.kmipjca.envelope.WrappedKey;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Warms up the bulk AES-GCM on a daemon thread while the KMIP handshake and the unwrap run. A fresh
 * JVM runs SunJCE's AES-GCM interpreted (30-50 MB/s) until HotSpot has seen thousands of calls; the
 * envelope's priming (envelope-format.md, "Segment size") starts once a JVM has pushed 4 MiB through
 * single-shot or large calls. A stream counts only its first segment, so a one-file command would
 * never trigger it: this class pushes {@link #PUSH_BYTES} of single-shot messages through a throwaway
 * envelope (data key wrapped in memory under a random key that is dropped), which triggers the priming
 * on this thread. Once per JVM, bounded by the priming's own 0.5 s budget.
 */
final class Warmup {
    /** Inputs this large (or of unknown size) are worth warming up for. */
    static final long WORTH_BYTES = 4L << 20;
    static final int PUSH_BYTES = 5 << 20;
    private static final int PIECE_BYTES = 64 << 10;

    private final Thread thread;
    private volatile boolean stopped;

    private Warmup() {
        this.thread = new Thread(this::run, "kmip-jca-warmup");
        thread.setDaemon(true);
    }

    static Warmup start() {
        Warmup w = new Warmup();
        w.thread.start();
        return w;
    }

    void stop() {
        stopped = true;
    }

    /** For measurements: waits for the warm-up to end. */
    void join() throws InterruptedException {
        thread.join();
    }

    private void run() {
        try (Envelope e = Envelope.builder(new ThrowawayWrap()).masterKeyId("warmup").build()) {
            byte[] piece = new byte[PIECE_BYTES];
            for (int pushed = 0; pushed < PUSH_BYTES && !stopped; pushed += PIECE_BYTES) {
                e.encrypt(piece, null);
            }
        } catch (KeyWrapException | RuntimeException e) {
            // a warm-up only; the real work does not depend on it
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
            try {
                byte[] nonce = new byte[12];
                random.nextBytes(nonce);
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                c.updateAAD(associatedData);
                return new WrappedKey(masterKeyId, WrappedKey.AES_256_GCM, nonce, c.doFinal(dataKey));
            } catch (GeneralSecurityException e) {
                throw new KeyWrapException(KeyWrapException.Kind.UNAVAILABLE, masterKeyId, "warm-up wrap failed", e);
            }
        }

        @Override
        public byte[] unwrap(WrappedKey wrapped, byte[] associatedData) throws KeyWrapException {
            throw new KeyWrapException(KeyWrapException.Kind.UNAVAILABLE, wrapped.masterKeyId(), "the warm-up never unwraps",
                    null);
        }
    }
}
