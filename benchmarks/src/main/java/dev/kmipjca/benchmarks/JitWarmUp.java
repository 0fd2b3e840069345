package dev.kmipjca.benchmarks;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Brings a provider's AES-GCM to its compiled steady state before measuring: many tiny operations
 * with a 72 KiB one every hundred (SunJCE takes another branch above 64 KiB), until two large ones in
 * a row run faster than 300 µs for encryption plus decryption, or the budget runs out. The same idea
 * as kmip-jca's package-private JitPrimer, for the raw-cipher yardsticks.
 */
final class JitWarmUp {
    private JitWarmUp() {
    }

    /** Returns the nanoseconds it took. */
    static long prime(Provider provider, long budgetNanos) throws GeneralSecurityException {
        long start = System.nanoTime();
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding", provider);
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        SecretKeySpec key = new SecretKeySpec(k, "AES");
        byte[] small = new byte[16];
        byte[] smallSealed = new byte[32];
        byte[] large = new byte[72 << 10];
        byte[] largeSealed = new byte[large.length + 16];
        byte[] nonce = new byte[12];
        int fast = 0;
        for (int i = 1; fast < 2 && System.nanoTime() - start < budgetNanos; i++) {
            nonce[0] = (byte) i;
            nonce[1] = (byte) (i >>> 8);
            nonce[2] = (byte) (i >>> 16);
            nonce[3] = (byte) (i >>> 24);
            boolean big = i % 100 == 0;
            long t0 = System.nanoTime();
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.doFinal(big ? large : small, 0, big ? large.length : small.length, big ? largeSealed : smallSealed, 0);
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.doFinal(big ? largeSealed : smallSealed, 0, big ? largeSealed.length : smallSealed.length,
                    big ? large : small, 0);
            if (big) {
                fast = System.nanoTime() - t0 < 300_000 ? fast + 1 : 0;
            }
        }
        return System.nanoTime() - start;
    }
}
