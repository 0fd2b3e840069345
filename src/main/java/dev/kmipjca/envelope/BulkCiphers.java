package dev.kmipjca.envelope;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;

/**
 * Where {@code AES/GCM/NoPadding} instances come from: one JCA provider ({@link BulkProviders} chose it;
 * the format does not depend on it), one instance per thread for single-shot messages, and a small pool for
 * encryptors and decryptors that live across calls. {@code Cipher.getInstance} costs about as much as
 * encrypting 16 KiB, so it is done once per thread or per pooled instance, not per message.
 */
final class BulkCiphers {
    static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int POOL_LIMIT = 64;

    private final BulkProviderChoice choice;
    private final Provider provider;
    /** SunJCE's AES-GCM is Java code that HotSpot must compile; native providers need no priming. */
    private final boolean primes;
    private final ThreadLocal<Cipher> perThread = ThreadLocal.withInitial(this::newCipher);
    private final ConcurrentLinkedQueue<Cipher> pool = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pooled = new AtomicInteger();
    /** Bytes counted towards the priming through this instance (SunJCE): what tests can see of it. */
    private final AtomicLong counted = new AtomicLong();

    BulkCiphers(BulkProviderChoice choice) {
        this.choice = choice;
        this.provider = choice.provider();
        this.primes = BulkProviders.SUNJCE.equals(provider.getName());
        newCipher(); // fail now, not on the first message, when the provider lacks AES-GCM
    }

    BulkProviderChoice choice() {
        return choice;
    }

    /** True when large pieces count towards {@link JitPrimer} (SunJCE). */
    boolean primes() {
        return primes;
    }

    String providerName() {
        return provider.getName();
    }

    /**
     * Before {@code bytes} go through {@code c} in one piece (a single-shot message, or one segment of a
     * stream): lets {@link JitPrimer} count them (SunJCE only).
     */
    void beforeLarge(long bytes, Cipher c) {
        if (primes && bytes >= JitPrimer.LARGE_BYTES) {
            counted.addAndGet(bytes);
            JitPrimer.beforeLarge(bytes, c);
        }
    }

    /** For tests: the bytes this instance counted towards the priming. */
    long counted() {
        return counted.get();
    }

    /** This thread's cipher, for a use that ends before the method using it returns. */
    Cipher local() {
        return perThread.get();
    }

    /** A cipher for an encryptor or decryptor; give it back with {@link #giveBack}. */
    Cipher borrow() {
        Cipher c = pool.poll();
        if (c == null) {
            return newCipher();
        }
        pooled.decrementAndGet();
        return c;
    }

    void giveBack(Cipher c) {
        if (pooled.incrementAndGet() <= POOL_LIMIT) {
            pool.offer(c);
        } else {
            pooled.decrementAndGet();
        }
    }

    private Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION, provider);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no " + TRANSFORMATION + " in provider " + providerName(), e);
        }
    }
}
