package dev.kmipjca.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kmipjca.config.BulkProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLI's warm-up: runs the stream code on SunJCE until it is compiled, and leaves a native provider alone. */
class WarmupTest {
    @Test
    void sunJce_runsStreamRoundTripsUntilCompiledOrTheBudgetIsSpent() throws Exception {
        Warmup w = Warmup.start(BulkProvider.SUNJCE);
        w.join();
        assertTrue(w.outcome().matches("compiled after \\d+ rounds|budget spent"), w.outcome());
    }

    @Test
    void accp_isOnlyProbed_itNeedsNoWarmUp() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux")
                && List.of("amd64", "x86_64").contains(System.getProperty("os.arch")), "ACCP's linux-x86_64 build");
        Warmup w = Warmup.start(BulkProvider.AUTO);
        w.join();
        assertEquals("native provider", w.outcome());
    }

    @Test
    void stop_endsTheWarmUpBeforeItsNextRound() throws Exception {
        // stopped before its thread runs (deterministic: a stop() right after start() can lose the race
        // against a JVM whose AES-GCM is already compiled, where two rounds take a few milliseconds)
        Warmup w = Warmup.created(BulkProvider.SUNJCE);
        w.stop();
        w.begin().join();
        assertEquals("stopped", w.outcome());
    }
}
