package dev.kmipjca.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress bar on standard error when it is a terminal ({@link Terminal}), redrawn at most five
 * times a second: {@code [#####---------------]  25%  256 of 1024 MiB  640 MB/s} for bytes (encrypt,
 * decrypt) and {@code [#####---------------]  25%  3 of 12 files} for files ({@code rewrap --dir}).
 * Silent with {@code --quiet}, when standard error is not a terminal, and for inputs under
 * {@link #MIN_BYTES} or of unknown size. The terminal flag, the stream and the clock are injected, so
 * that the rendering can be tested.
 */
class Progress {
    static final long MIN_BYTES = 8L << 20;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 20;
    private static final Progress NONE = new Progress(0, false, null, System::nanoTime);

    private final long total;
    private final boolean files;
    private final PrintWriter err;
    private final LongSupplier nanos;
    private final long start;
    private long done;
    private long lastDraw;
    private boolean drawn;
    private int lastLength;

    Progress(long total, boolean files, PrintWriter err, LongSupplier nanos) {
        this.total = total;
        this.files = files;
        this.err = err;
        this.nanos = nanos;
        this.start = nanos.getAsLong();
    }

    /** A bar for {@code size} bytes, on standard error when it is a terminal. */
    static Progress forSize(long size, boolean quiet, PrintWriter err) {
        return forSize(size, quiet, Terminal.stderrIsTerminal(), err, System::nanoTime);
    }

    static Progress forSize(long size, boolean quiet, boolean terminal, PrintWriter err, LongSupplier nanos) {
        return quiet || !terminal || size < MIN_BYTES ? NONE : new Progress(size, false, err, nanos);
    }

    /** A bar for {@code count} files. */
    static Progress forFiles(int count, boolean quiet, boolean terminal, PrintWriter err, LongSupplier nanos) {
        return quiet || !terminal || count <= 0 ? NONE : new Progress(count, true, err, nanos);
    }

    void advance(long n) {
        if (err == null) {
            return;
        }
        done += n;
        long now = nanos.getAsLong();
        if (!drawn || now - lastDraw >= REDRAW_NANOS) {
            draw(now);
        }
    }

    /** Wipes the bar, so that a line of text (a failure) can be printed; the next draw puts it back. */
    void clear() {
        if (err != null && drawn && lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
            drawn = false;
            lastLength = 0;
        }
    }

    /** Draws the final state and ends the line. */
    void done() {
        if (err != null) {
            draw(nanos.getAsLong());
            err.println();
            err.flush();
        }
    }

    private void draw(long now) {
        lastDraw = now;
        drawn = true;
        int pct = (int) Math.min(100, done * 100 / Math.max(1, total));
        int filled = pct * WIDTH / 100;
        String bar = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + String.format(Locale.ROOT, "%3d%%", pct);
        String text;
        if (files) {
            text = String.format(Locale.ROOT, "%s  %d of %d files", bar, done, total);
        } else {
            double secs = Math.max(1e-3, (now - start) / 1e9);
            text = String.format(Locale.ROOT, "%s  %d of %d MiB  %.0f MB/s", bar, done >> 20, total >> 20, done / secs / 1e6);
        }
        int pad = Math.max(0, lastLength - text.length()); // a shorter line must cover the longer one before it
        err.print("\r" + text + " ".repeat(pad));
        err.flush();
        lastLength = text.length();
    }
}
