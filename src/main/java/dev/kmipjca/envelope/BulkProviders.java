package dev.kmipjca.envelope;

import dev.kmipjca.config.BulkProvider;
import java.lang.System.Logger.Level;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import jdk.jfr.FlightRecorder;

/**
 * Chooses the JCA provider of the envelope's bulk AES-256-GCM from the {@code kmip.bulkProvider}
 * setting:
 * <ul>
 *   <li>{@code auto} (the default): Amazon Corretto Crypto Provider (ACCP, AWS-LC) when it is on the
 *       class path, loaded its native library and passed its self-tests and a known-answer test;
 *       otherwise the JDK's SunJCE;</li>
 *   <li>{@code SunJCE}: SunJCE;</li>
 *   <li>{@code ACCP}: ACCP, or an {@link IllegalStateException} saying why it is not usable.</li>
 * </ul>
 * ACCP is never registered with the JCA: only the envelope's bulk {@code Cipher}s come from it. It is
 * looked at once per JVM, on the first selection that needs it (loading it takes a few hundred
 * milliseconds). Each selection is logged at DEBUG ({@code System.Logger} {@code dev.kmipjca.envelope})
 * and recorded as the JFR event {@code dev.kmipjca.BulkProvider} ({@link BulkProviderEvent}).
 */
public final class BulkProviders {
    /** {@link BulkProviderChoice#name()} of Amazon Corretto Crypto Provider. */
    public static final String ACCP = "ACCP";
    /** {@link BulkProviderChoice#name()} of the JDK's provider. */
    public static final String SUNJCE = "SunJCE";

    private static final System.Logger LOG = System.getLogger("dev.kmipjca.envelope");
    private static final AtomicBoolean PROBE_STARTED = new AtomicBoolean();

    private BulkProviders() {
    }

    /**
     * The provider for {@code setting}.
     *
     * @throws IllegalStateException when {@code setting} is ACCP and ACCP is not usable (the message says
     *     why), or when no provider at all offers AES/GCM/NoPadding
     */
    public static BulkProviderChoice select(BulkProvider setting) {
        return select(setting, Accp::status);
    }

    /**
     * Starts looking at ACCP on a daemon thread, so that a later {@link #select} (or
     * {@link EnvelopeBuilder#build()}) finds the answer ready: loading ACCP's native library and running
     * its self-tests take a few hundred milliseconds, which an application can overlap with other
     * start-up work (a KMIP connection, say). Does nothing after the first call.
     */
    public static void probeInBackground() {
        if (PROBE_STARTED.compareAndSet(false, true)) {
            Thread t = new Thread(Accp::status, "kmip-jca ACCP probe");
            t.setDaemon(true);
            t.start();
        }
    }

    /** {@link #select(BulkProvider)} with the ACCP probe given: the seam for tests. */
    static BulkProviderChoice select(BulkProvider setting, Supplier<AccpStatus> accp) {
        Objects.requireNonNull(setting, "setting");
        String key = "kmip.bulkProvider=" + setting.settingValue();
        BulkProviderChoice choice = switch (setting) {
            case SUNJCE -> sunJce(key);
            case ACCP -> {
                AccpStatus s = accp.get();
                if (!s.usable()) {
                    throw new IllegalStateException(key + " requires Amazon Corretto Crypto Provider, but it is not"
                            + " usable: " + s.problem() + ". Add software.amazon.cryptools:AmazonCorrettoCryptoProvider"
                            + " (classifier linux-x86_64 or linux-aarch_64) to the class path, or set"
                            + " kmip.bulkProvider to auto or SunJCE");
                }
                yield new BulkProviderChoice(ACCP, s.version(), key, s.provider());
            }
            case AUTO -> {
                AccpStatus s = accp.get();
                yield s.usable()
                        ? new BulkProviderChoice(ACCP, s.version(), key + " and ACCP passed its self-tests", s.provider())
                        : sunJce(key + " and ACCP is not usable: " + s.problem());
            }
        };
        log(choice);
        return choice;
    }

    /** The choice for a provider the application gave to {@link EnvelopeBuilder#bulkProvider(Provider)}. */
    static BulkProviderChoice given(Provider p) {
        BulkProviderChoice choice = new BulkProviderChoice(
                p.getName().equals("AmazonCorrettoCryptoProvider") ? ACCP : p.getName(), p.getVersionStr(),
                "given to EnvelopeBuilder.bulkProvider", p);
        log(choice);
        return choice;
    }

    private static BulkProviderChoice sunJce(String reason) {
        Provider p = Security.getProvider(SUNJCE);
        if (p != null) {
            return new BulkProviderChoice(SUNJCE, p.getVersionStr(), reason, p);
        }
        try { // a JDK configured without SunJCE: the JCA's first choice
            p = Cipher.getInstance(BulkCiphers.TRANSFORMATION).getProvider();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no provider of " + BulkCiphers.TRANSFORMATION + " (" + reason + ")", e);
        }
        return new BulkProviderChoice(p.getName(), p.getVersionStr(), reason + "; SunJCE is not installed", p);
    }

    private static void log(BulkProviderChoice c) {
        LOG.log(Level.DEBUG, () -> "bulk AES-256-GCM by " + c.description());
        if (FlightRecorder.isInitialized()) {
            // only then: loading an event class makes the JVM start JFR's machinery, 300-500 ms that a
            // short command-line run cannot afford; a recording started later sees later choices
            BulkProviderEvent.emit(c);
        }
    }
}
