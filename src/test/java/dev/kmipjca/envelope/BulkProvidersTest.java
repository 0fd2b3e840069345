package dev.kmipjca.envelope;

import static dev.kmipjca.envelope.Fixtures.MASTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kmipjca.config.BulkProvider;
import dev.kmipjca.config.KmipSettings;
import java.nio.file.Path;
import java.security.Security;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkProvidersTest {
    private static final AccpStatus NOT_THERE = AccpStatus.unusable("it is not on the class path");
    private final InMemoryKeyWrapService service = new InMemoryKeyWrapService(MASTER);

    private static boolean linuxX8664() {
        return AccpPlatform.linuxX8664();
    }

    @Test
    void accpTestsGuard_skipsOnlyWhereAccpIsUnusableAndNotRequired() {
        AccpStatus healthy = AccpStatus.healthy(Security.getProvider("SunJCE"), "2.5.0");
        AccpStatus broken = AccpStatus.unusable("its native library did not load (UnsatisfiedLinkError)");
        assertNull(AccpPlatform.skipReason(healthy, "Linux", "aarch64"), "usable: the tests run anywhere");
        assertNull(AccpPlatform.skipReason(healthy, "Mac OS X", "aarch64"));
        assertNull(AccpPlatform.skipReason(broken, "Linux", "amd64"), "linux-x86_64: unusable ACCP must fail the tests");
        assertNull(AccpPlatform.skipReason(broken, "Linux", "x86_64"));
        assertEquals("ACCP is not usable on Mac OS X/aarch64 (its native library did not load (UnsatisfiedLinkError)):"
                + " tests that need it are skipped here; on linux-x86_64 they run and an unusable ACCP fails them",
                AccpPlatform.skipReason(broken, "Mac OS X", "aarch64"));
        assertTrue(AccpPlatform.skipReason(broken, "Linux", "aarch64").startsWith("ACCP is not usable on Linux/aarch64 ("));
        assertTrue(AccpPlatform.skipReason(broken, "Windows 11", "amd64").startsWith("ACCP is not usable on Windows 11/amd64"));
    }

    @Test
    void auto_onLinuxX8664WithAccpOnTheClassPath_picksAccp() {
        assumeTrue(linuxX8664(), "ACCP on the test class path is the linux-x86_64 build");
        BulkProviderChoice c = BulkProviders.select(BulkProvider.AUTO);
        assertEquals("ACCP", c.name());
        assertTrue(c.isAccp());
        assertEquals("AmazonCorrettoCryptoProvider", c.provider().getName());
        assertEquals("2.5.0 (AWS-LC v1.47.0)", c.version());
        assertEquals("kmip.bulkProvider=auto and ACCP passed its self-tests", c.reason());
        assertEquals("ACCP 2.5.0 (AWS-LC v1.47.0): kmip.bulkProvider=auto and ACCP passed its self-tests", c.description());
    }

    @Test
    void accpSetting_whenAccpIsUsable_picksAccpWithoutRegisteringIt() {
        assumeTrue(linuxX8664());
        BulkProviderChoice c = BulkProviders.select(BulkProvider.ACCP);
        assertEquals("ACCP 2.5.0 (AWS-LC v1.47.0): kmip.bulkProvider=ACCP", c.description());
        assertNull(Security.getProvider("AmazonCorrettoCryptoProvider"), "ACCP must not be a global JCA provider");
    }

    @Test
    void defaultBuilder_picksWhatAutoPicks() {
        try (Envelope e = Envelope.builder(service).build()) {
            assertEquals(BulkProviders.select(BulkProvider.AUTO), e.bulkProvider());
        }
    }

    @Test
    void sunJceSetting_forcesSunJce() {
        BulkProviderChoice c = BulkProviders.select(BulkProvider.SUNJCE);
        assertEquals("SunJCE", c.name());
        assertSame(Security.getProvider("SunJCE"), c.provider());
        assertEquals("SunJCE " + Runtime.version().feature() + ": kmip.bulkProvider=SunJCE",
                c.description().replaceFirst("SunJCE [0-9.]+", "SunJCE " + Runtime.version().feature()));
    }

    @Test
    void kmipBulkProviderSunJce_inTheSettings_forcesSunJceInTheEnvelope() throws Exception {
        KmipSettings s = KmipSettings.builder().bulkProvider(BulkProvider.SUNJCE).build();
        try (Envelope e = Envelope.builder(service).masterKeyId(MASTER).settings(s).build()) {
            assertEquals("SunJCE", e.bulkProvider().name());
            assertEquals("kmip.bulkProvider=SunJCE", e.bulkProvider().reason());
            assertEquals("SunJCE", e.ciphers.local().getProvider().getName());
            assertEquals("SunJCE", e.ciphers.borrow().getProvider().getName());
            e.decrypt(e.encrypt(new byte[100], null), null);
        }
    }

    @Test
    void accpSetting_whenAccpIsNotUsable_failsSayingWhyAndWhatToDo() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BulkProviders.select(BulkProvider.ACCP, () -> NOT_THERE));
        assertEquals("kmip.bulkProvider=ACCP requires Amazon Corretto Crypto Provider, but it is not usable: it is"
                + " not on the class path. Add software.amazon.cryptools:AmazonCorrettoCryptoProvider (classifier"
                + " linux-x86_64 or linux-aarch_64) to the class path, or set kmip.bulkProvider to auto or SunJCE",
                e.getMessage());
    }

    @Test
    void auto_whenAccpIsNotUsable_fallsBackToSunJceSayingWhy() {
        BulkProviderChoice c = BulkProviders.select(BulkProvider.AUTO,
                () -> AccpStatus.unusable("its self-tests ended FAILED"));
        assertEquals("SunJCE", c.name());
        assertSame(Security.getProvider("SunJCE"), c.provider());
        assertEquals("kmip.bulkProvider=auto and ACCP is not usable: its self-tests ended FAILED", c.reason());
    }

    @Test
    void sunJceSetting_doesNotLookAtAccp() {
        BulkProviders.select(BulkProvider.SUNJCE, () -> {
            throw new AssertionError("ACCP probed");
        });
    }

    @Test
    void givenProvider_isUsedAsItIs() {
        try (Envelope e = Envelope.builder(service).bulkProvider(BulkProvider.ACCP)
                .bulkProvider(Security.getProvider("SunJCE")).build()) {
            assertEquals("SunJCE", e.bulkProvider().name());
            assertEquals("given to EnvelopeBuilder.bulkProvider", e.bulkProvider().reason());
        }
    }

    @Test
    void knownAnswer_passesOnSunJce_andNamesTheFailureOnAProviderWithoutAesGcm() {
        assertNull(Accp.knownAnswer(Security.getProvider("SunJCE")));
        String problem = Accp.knownAnswer(Security.getProvider("SUN"));
        assertTrue(problem.startsWith("its AES-256-GCM failed a known-answer test (java.security.NoSuchAlgorithmException"),
                problem);
    }

    @Test
    void probeInBackground_thenSelect_getsTheSameAnswer() {
        BulkProviders.probeInBackground();
        BulkProviders.probeInBackground();
        assertEquals(Accp.status().usable() ? "ACCP" : "SunJCE", BulkProviders.select(BulkProvider.AUTO).name());
    }

    @Test
    void jitPriming_isForSunJceOnly() {
        assertTrue(new BulkCiphers(BulkProviders.select(BulkProvider.SUNJCE)).primes());
        assumeTrue(linuxX8664());
        assertFalse(new BulkCiphers(BulkProviders.select(BulkProvider.ACCP)).primes());
    }

    @Test
    void probe_onThisClassPath_findsAHealthyAccp() {
        assumeTrue(linuxX8664());
        AccpStatus s = Accp.probe();
        assertNull(s.problem());
        assertSame(Accp.status().provider(), s.provider(), "one ACCP instance per JVM");
    }

    /** The bulk lines {@code action} logs on {@code dev.kmipjca.envelope} with the logger at {@code level}. */
    private static List<LogRecord> logged(Level level, Runnable action) {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getMessage().startsWith("bulk ")) {
                    records.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger("dev.kmipjca.envelope"); // System.Logger's default backend: java.util.logging
        Level before = log.getLevel();
        log.setLevel(level);
        log.addHandler(h);
        try {
            action.run();
        } finally {
            log.removeHandler(h);
            log.setLevel(before);
        }
        return records;
    }

    @Test
    void everyChoice_isLoggedAtDebugNamingTheProviderAndTheReason() {
        List<LogRecord> records = logged(Level.FINE, () -> { // FINE: System.Logger's DEBUG
            BulkProviders.select(BulkProvider.SUNJCE);
            BulkProviders.select(BulkProvider.AUTO, () -> NOT_THERE);
            BulkProviders.given(Security.getProvider("SunJCE"));
        });
        String version = Security.getProvider("SunJCE").getVersionStr();
        assertEquals(List.of("bulk AES-256-GCM by SunJCE " + version + ": kmip.bulkProvider=SunJCE",
                "bulk AES-256-GCM by SunJCE " + version + ": kmip.bulkProvider=auto and ACCP is not usable: it is not on"
                        + " the class path",
                "bulk AES-256-GCM by SunJCE " + version + ": given to EnvelopeBuilder.bulkProvider"),
                records.stream().map(LogRecord::getMessage).toList());
        assertEquals(List.of(Level.FINE), records.stream().map(LogRecord::getLevel).distinct().toList());
        assertEquals(List.of("dev.kmipjca.envelope"), records.stream().map(LogRecord::getLoggerName).distinct().toList());
    }

    @Test
    void accpChoice_isLoggedAtDebugWithItsVersionAndReason() {
        assumeTrue(linuxX8664());
        List<LogRecord> records = logged(Level.FINE, () -> BulkProviders.select(BulkProvider.AUTO));
        assertEquals(List.of("bulk AES-256-GCM by ACCP 2.5.0 (AWS-LC v1.47.0): kmip.bulkProvider=auto and ACCP passed its"
                + " self-tests"), records.stream().map(LogRecord::getMessage).toList());
        assertEquals(Level.FINE, records.get(0).getLevel());
    }

    @Test
    void choices_areNotLoggedAboveDebug() {
        assertEquals(List.of(), logged(Level.INFO, () -> BulkProviders.select(BulkProvider.SUNJCE)), "quiet at INFO");
    }

    @Test
    void everyChoice_isRecordedAsAJfrEventWithNameVersionAndReason(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("bulk.jfr");
        try (Recording r = new Recording()) {
            r.enable(BulkProviderEvent.NAME);
            r.start();
            BulkProviders.select(BulkProvider.SUNJCE);
            BulkProviders.select(BulkProvider.AUTO, () -> NOT_THERE);
            BulkProviders.given(Security.getProvider("SunJCE"));
            r.stop();
            r.dump(out);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(out).stream()
                .filter(ev -> ev.getEventType().getName().equals(BulkProviderEvent.NAME)).toList();
        String version = Security.getProvider("SunJCE").getVersionStr();
        assertEquals(List.of("SunJCE " + version + ": kmip.bulkProvider=SunJCE",
                "SunJCE " + version + ": kmip.bulkProvider=auto and ACCP is not usable: it is not on the class path",
                "SunJCE " + version + ": given to EnvelopeBuilder.bulkProvider"),
                events.stream().map(ev -> ev.getString("name") + " " + ev.getString("version") + ": "
                        + ev.getString("reason")).toList());
    }
}
