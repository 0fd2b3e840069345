package dev.kmipjca.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Runs the demo's steps in order, one line each with its time, then the closing steps (which always
 * run, also after a failure), and a verdict with the total time. A step does something real and checks
 * it: it returns the sentence to print, or throws to fail the demo. New steps go in {@link DemoSteps}.
 */
final class Demo {
    /** Something the demo does and checks; returns what to print. */
    interface Action {
        String run(DemoContext context) throws Exception;
    }

    /** A named step. */
    record Step(String name, Action action) {}

    private Demo() {}

    /**
     * @param steps   run in order until one fails
     * @param closing run after {@code steps} whatever happened (stopping the server, removing files)
     * @return 0 when every step passed, 1 otherwise
     */
    static int run(List<Step> steps, List<Step> closing, DemoContext context, PrintWriter out, boolean verbose) {
        long start = System.nanoTime();
        int number = 0;
        String failed = null;
        for (Step step : steps) {
            number++;
            failed = runStep(number, step, context, out, verbose);
            if (failed != null) {
                break;
            }
        }
        for (Step step : closing) {
            number++;
            String f = runStep(number, step, context, out, verbose);
            failed = failed == null ? f : failed;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed == null) {
            out.printf(Locale.ROOT, "Demo passed: %d steps in %.1f s.%n", number, seconds);
        } else {
            out.printf(Locale.ROOT, "Demo FAILED at step \"%s\" (%.1f s).%n", failed, seconds);
        }
        out.flush();
        return failed == null ? 0 : Failures.EXIT_FAILURE;
    }

    /** Runs one step and prints its line; returns null, or the step's name when it failed. */
    private static String runStep(int number, Step step, DemoContext context, PrintWriter out, boolean verbose) {
        long t = System.nanoTime();
        try {
            String text = step.action().run(context);
            out.printf(Locale.ROOT, "%2d. [%5d ms] %s%n", number, (System.nanoTime() - t) / 1_000_000, text);
            return null;
        } catch (Exception | AssertionError e) {
            out.printf(Locale.ROOT, "%2d. [%5d ms] FAILED: %s: %s%n", number, (System.nanoTime() - t) / 1_000_000,
                    step.name(), Failures.describe(e));
            if (verbose) {
                e.printStackTrace(out);
            }
            return step.name();
        } finally {
            out.flush();
        }
    }
}
