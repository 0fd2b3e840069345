package dev.kmipjca.envelope;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.amazon.corretto.crypto.provider.SelfTestStatus;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Finds out, once per JVM, whether Amazon Corretto Crypto Provider (an optional dependency) can do
 * the bulk AES-GCM: it must be on the class path, have loaded its native library, pass its own
 * self-tests, and get a known answer right. It is never registered with the JCA ({@code Security});
 * the envelope asks it for {@code Cipher}s directly.
 *
 * <p>Only the nested {@code Present} refers to ACCP's classes, and it is loaded only after
 * {@code Class.forName} found them, so that without ACCP no {@code NoClassDefFoundError} can escape.
 */
final class Accp {
    static final String PROVIDER_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";

    private Accp() {
    }

    /** The probe's result, computed on first use (loading ACCP takes a few hundred milliseconds). */
    static AccpStatus status() {
        return Holder.STATUS;
    }

    private static final class Holder {
        static final AccpStatus STATUS = probe();
    }

    static AccpStatus probe() {
        try {
            Class.forName(PROVIDER_CLASS, false, Accp.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return AccpStatus.unusable("it is not on the class path");
        }
        try {
            return Present.check();
        } catch (LinkageError | RuntimeException e) {
            return AccpStatus.unusable("it failed to load: " + e);
        }
    }

    /** Touches ACCP's classes; loaded only when they are on the class path. */
    private static final class Present {
        static AccpStatus check() {
            AmazonCorrettoCryptoProvider p = AmazonCorrettoCryptoProvider.INSTANCE;
            Throwable loading = p.getLoadingError();
            if (loading != null) {
                return AccpStatus.unusable("its native library did not load (" + loading + ")");
            }
            p.assertHealthy();
            SelfTestStatus s = p.runSelfTests();
            if (s != SelfTestStatus.PASSED) {
                return AccpStatus.unusable("its self-tests ended " + s);
            }
            String problem = knownAnswer(p);
            if (problem != null) {
                return AccpStatus.unusable(problem);
            }
            return AccpStatus.healthy(p, p.getVersionStr() + " (" + p.getAwsLcVersionStr() + ")");
        }
    }

    /**
     * AES-256-GCM test case 14 of McGrew and Viega, "The Galois/Counter Mode of Operation": zero key,
     * zero 96-bit IV, 16 zero bytes of plaintext. Null when {@code provider} gets it right both ways.
     */
    static String knownAnswer(java.security.Provider provider) {
        byte[] expected = HexFormat.of().parseHex("cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919");
        SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
        GCMParameterSpec iv = new GCMParameterSpec(128, new byte[12]);
        try {
            Cipher c = Cipher.getInstance(BulkCiphers.TRANSFORMATION, provider);
            c.init(Cipher.ENCRYPT_MODE, key, iv);
            byte[] sealed = c.doFinal(new byte[16]);
            if (!Arrays.equals(expected, sealed)) {
                return "its AES-256-GCM gave a wrong answer to a known-answer test";
            }
            c.init(Cipher.DECRYPT_MODE, key, iv);
            if (!Arrays.equals(new byte[16], c.doFinal(sealed))) {
                return "its AES-256-GCM failed to decrypt a known answer";
            }
            return null;
        } catch (GeneralSecurityException | RuntimeException e) {
            return "its AES-256-GCM failed a known-answer test (" + e + ")";
        }
    }
}
