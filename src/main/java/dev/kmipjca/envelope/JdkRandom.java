package dev.kmipjca.envelope;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * The source of data keys, wrap nonces, stream salts and keystore keys: a {@link SecureRandom} of the JDK's
 * SUN provider ({@code NativePRNG}, the operating system's generator, where there is one; else SUN's
 * {@code DRBG}), whichever provider an application registered first. {@code new SecureRandom()} would
 * take the first provider's, Bouncy Castle's for an application that put it at position 1.
 */
public final class JdkRandom {
    private JdkRandom() {
    }

    /** A new SUN {@code NativePRNG} or {@code DRBG} instance; the platform default only if SUN has neither. */
    public static SecureRandom create() {
        for (String algorithm : new String[] {"NativePRNG", "DRBG"}) {
            try {
                return SecureRandom.getInstance(algorithm, "SUN");
            } catch (GeneralSecurityException e) {
                // not on this platform: the next one
            }
        }
        return new SecureRandom();
    }
}
