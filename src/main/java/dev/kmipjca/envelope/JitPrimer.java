package dev.kmipjca.envelope;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Gets HotSpot to compile SunJCE's AES-GCM intrinsics before the first large message.
 *
 * <p>HotSpot compiles a method after some thousands of calls, not after some amount of work. A fresh
 * JVM that only sees large messages therefore stays on interpreted AES-GCM (about 40 MB/s) for a long
 * time: measured on a 2-core AVX-512 machine, 64 KiB calls were still interpreted after 8 s, 16 KiB
 * calls were compiled after about 2 s. A few thousand tiny operations reach the threshold in about
 * 60-100 ms, after which 64 KiB calls run at 3-4 GB/s within a quarter of a second.
 *
 * <p>So the first time this JVM is about to encrypt or decrypt a large piece with SunJCE, it first runs
 * {@link #OPERATIONS} tiny AES-GCM operations under a throwaway random key. Once per JVM; other threads
 * do not wait for it. Other providers (native code such as ACCP) need no priming.
 */
final class JitPrimer {
    /** Pieces at least this large are slow to warm up on their own. */
    static final int LARGE_BYTES = 32 << 10;
    static final int OPERATIONS = 3000;

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile boolean done;

    private JitPrimer() {
    }

    /** Primes once per JVM when {@code bytes} is large and {@code cipher} is SunJCE's; a no-op otherwise. */
    static void beforeLarge(long bytes, Cipher cipher) {
        if (done || bytes < LARGE_BYTES || !"SunJCE".equals(cipher.getProvider().getName())
                || !STARTED.compareAndSet(false, true)) {
            return;
        }
        try {
            prime(Cipher.getInstance(BulkCiphers.TRANSFORMATION, cipher.getProvider()));
        } catch (GeneralSecurityException e) {
            // priming is an optimisation only
        } finally {
            done = true;
        }
    }

    /** Runs the tiny operations: half encryptions with counter nonces, half decryptions of one of them. */
    static void prime(Cipher c) throws GeneralSecurityException {
        byte[] k = new byte[Layout.KEY_BYTES];
        new SecureRandom().nextBytes(k);
        SecretKeySpec key = new SecretKeySpec(k, "AES");
        byte[] plain = new byte[16];
        byte[] sealed = new byte[32];
        byte[] nonce = new byte[Layout.NONCE_BYTES];
        for (int i = 0; i < OPERATIONS / 2; i++) {
            Layout.putI32(nonce, 0, i);
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.doFinal(plain, 0, plain.length, sealed, 0);
        }
        for (int i = 0; i < OPERATIONS / 2; i++) {
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.doFinal(sealed, 0, sealed.length, plain, 0);
        }
    }

    static boolean done() {
        return done;
    }
}
