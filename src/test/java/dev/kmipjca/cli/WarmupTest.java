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
    void stop_endsTheWarmUpEarly() throws Exception {
        Warmup w = Warmup.start(BulkProvider.SUNJCE);
        w.stop();
        w.join();
        assertEquals("stopped", w.outcome(), "the thread sets up its envelopes before it looks");
    }
}
