package dev.kmipjca.envelope;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Gets HotSpot to compile SunJCE's AES-GCM intrinsics early in a JVM that handles large data.
 *
 * <p>HotSpot compiles a method after some thousands of calls, not after some amount of work, so a
 * fresh JVM that only sees large pieces stays on interpreted AES-GCM (30-50 MB/s) for a long time.
 * Measured on a 2-core AVX-512 machine: 64 KiB calls were still interpreted after 8 s, 16 KiB calls
 * were compiled after about 2 s, 4 KiB calls after 0.5 s. Worse, SunJCE takes another branch for
 * pieces above 64 KiB, and code compiled from small calls alone is thrown away (deoptimised) at the
 * first large one, which then waits for thousands more calls.
 *
 * <p>So once this JVM has pushed {@link #TRIGGER_BYTES} through SunJCE in large pieces (a workload
 * that is worth it; about 0.1 s of interpreted work), the thread that notices runs tiny AES-GCM
 * operations under a throwaway key, with a {@link #LARGE_PRIME_BYTES} one every
 * {@link #LARGE_EVERY} so that the compiled code has seen both branches, until those large ones run
 * compiled (twice faster than {@link #FAST_NANOS}) or {@link #BUDGET_NANOS} has passed. Typically
 * 0.1-0.3 s, once per JVM; other threads do not wait. Native providers (ACCP) need none of this:
 * {@link BulkCiphers#beforeLarge} calls here only for SunJCE.
 */
final class JitPrimer {
    /** Pieces at least this large count towards the trigger. */
    static final int LARGE_BYTES = 32 << 10;
    static final long TRIGGER_BYTES = 4L << 20;
    static final long BUDGET_NANOS = 500_000_000L;
    static final int LARGE_EVERY = 100;
    static final int LARGE_PRIME_BYTES = 72 << 10;
    /** A large encryption plus decryption faster than this (about 500 MB/s) ran compiled. */
    static final long FAST_NANOS = 300_000L;

    private static final AtomicLong LARGE_SEEN = new AtomicLong();
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile boolean done;

    private JitPrimer() {
    }

    /** Counts a piece of {@code bytes} about to go through {@code cipher}; primes once when due. */
    static void beforeLarge(long bytes, Cipher cipher) {
        if (done || bytes < LARGE_BYTES || LARGE_SEEN.addAndGet(bytes) < TRIGGER_BYTES) {
            return;
        }
        if (!BulkProviders.SUNJCE.equals(cipher.getProvider().getName())) {
            return; // BulkCiphers calls only for SunJCE; another provider must not stop priming for SunJCE
        }
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        try {
            prime(Cipher.getInstance(BulkCiphers.TRANSFORMATION, cipher.getProvider()), BUDGET_NANOS);
        } catch (GeneralSecurityException e) {
            // priming is an optimisation only
        } finally {
            done = true;
        }
    }

    /**
     * Runs the priming operations on {@code c}; true when the large ones ran compiled within the
     * budget. Encryptions use counter nonces (SunJCE refuses to reuse one), decryptions open them.
     */
    static boolean prime(Cipher c, long budgetNanos) throws GeneralSecurityException {
        long start = System.nanoTime();
        byte[] k = new byte[Layout.KEY_BYTES];
        new SecureRandom().nextBytes(k);
        SecretKeySpec key = new SecretKeySpec(k, "AES");
        byte[] plain = new byte[16];
        byte[] sealed = new byte[32];
        byte[] large = new byte[LARGE_PRIME_BYTES];
        byte[] largeSealed = new byte[LARGE_PRIME_BYTES + 16];
        byte[] nonce = new byte[Layout.NONCE_BYTES];
        int fast = 0;
        for (int i = 1; ; i++) {
            Layout.putI32(nonce, 0, i);
            boolean big = i % LARGE_EVERY == 0;
            long t0 = System.nanoTime();
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.doFinal(big ? large : plain, 0, big ? large.length : plain.length, big ? largeSealed : sealed, 0);
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.doFinal(big ? largeSealed : sealed, 0, big ? largeSealed.length : sealed.length, big ? large : plain, 0);
            if (big) {
                long now = System.nanoTime();
                fast = now - t0 < FAST_NANOS ? fast + 1 : 0;
                if (fast == 2) {
                    return true;
                }
                if (now - start > budgetNanos) {
                    return false;
                }
            }
        }
    }

    static boolean done() {
        return done;
    }
}
