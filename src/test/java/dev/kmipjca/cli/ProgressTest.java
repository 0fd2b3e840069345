package dev.kmipjca.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** The progress bar's rendering (terminal flag, stream and clock injected) and the terminal decision. */
class ProgressTest {
    static final long MS = 1_000_000L;

    /** A clock the test moves. */
    static final class Clock {
        long now;

        long nanos() {
            return now;
        }
    }

    final StringWriter out = new StringWriter();
    final PrintWriter err = new PrintWriter(out);
    final Clock clock = new Clock();

    @Test
    void files_onATerminal_drawsFirstThenAtMostFiveTimesASecond_andTheFinalStateWithANewline() {
        Progress p = Progress.forFiles(4, false, true, err, clock::nanos);
        p.advance(1);
        clock.now = 100 * MS;
        p.advance(1); // too soon after the first draw
        clock.now = 300 * MS;
        p.advance(1);
        p.advance(1); // too soon again
        p.done();
        assertEquals("\r[#####---------------]  25%  1 of 4 files"
                + "\r[###############-----]  75%  3 of 4 files"
                + "\r[####################] 100%  4 of 4 files" + System.lineSeparator(), out.toString());
    }

    @Test
    void files_quietOrNotATerminalOrNone_printNothing() {
        for (Progress p : new Progress[] {Progress.forFiles(3, true, true, err, clock::nanos),
                Progress.forFiles(3, false, false, err, clock::nanos), Progress.forFiles(0, false, true, err, clock::nanos)}) {
            p.advance(1);
            p.clear();
            p.done();
        }
        assertEquals("", out.toString());
    }

    @Test
    void clear_wipesTheBarForALineOfText_andTheNextAdvanceDrawsItAgain() {
        Progress p = Progress.forFiles(2, false, true, err, clock::nanos);
        p.advance(1);
        p.clear();
        err.print("failed: x");
        clock.now = 10 * MS; // within the redraw interval, but the bar was wiped
        p.advance(1);
        String first = "[##########----------]  50%  1 of 2 files";
        assertEquals("\r" + first + "\r" + " ".repeat(first.length()) + "\r" + "failed: x"
                + "\r[####################] 100%  2 of 2 files", out.toString());
    }

    @Test
    void bytes_onATerminal_showMebibytesAndRate_aShorterLineCoversTheLongerOne() {
        long total = 64L << 20;
        Progress p = Progress.forSize(total, false, true, err, clock::nanos);
        clock.now = 1000 * MS;
        p.advance(32L << 20); // 32 MiB in 1 s
        clock.now = 100_000 * MS;
        p.advance(32L << 20); // the rate falls to 0.67 MB/s: a shorter line
        String first = "[##########----------]  50%  32 of 64 MiB  34 MB/s";
        String second = "[####################] 100%  64 of 64 MiB  1 MB/s";
        assertEquals("\r" + first + "\r" + second + " ".repeat(first.length() - second.length()), out.toString());
    }

    @Test
    void bytes_underTheMinimumOrQuietOrNotATerminal_printNothing() {
        Progress.forSize(Progress.MIN_BYTES - 1, false, true, err, clock::nanos).done();
        Progress.forSize(Progress.MIN_BYTES, true, true, err, clock::nanos).done();
        Progress.forSize(Progress.MIN_BYTES, false, false, err, clock::nanos).done();
        assertEquals("", out.toString());
    }

    /** Stands for a JDK 22+ {@code java.io.Console}, whose {@code isTerminal()} says whether it is one. */
    public static final class FakeConsole {
        private final boolean terminal;

        FakeConsole(boolean terminal) {
            this.terminal = terminal;
        }

        public boolean isTerminal() {
            return terminal;
        }
    }

    @Test
    void terminal_noConsoleIsNot_aConsoleAnswersThroughIsTerminal_beforeJdk22AConsoleIs() throws Exception {
        Method isTerminal = FakeConsole.class.getMethod("isTerminal");
        assertEquals(false, Terminal.isTerminal(null, isTerminal));
        assertEquals(true, Terminal.isTerminal(new FakeConsole(true), isTerminal));
        assertEquals(false, Terminal.isTerminal(new FakeConsole(false), isTerminal), "JDK 22+: a console on redirected streams");
        assertEquals(true, Terminal.isTerminal(new Object(), null), "JDK 17 to 21: a console means a terminal");
        assertEquals(false, Terminal.stderrIsTerminal(), "the tests' standard streams are not a terminal");
    }
}
