package dev.kmipjca.cli;

import java.io.PrintWriter;

/**
 * A progress bar on standard error for large inputs on a terminal: {@code [#####-----]  48%  512 of 1024
 * MiB  640 MB/s}, redrawn at most five times a second. Silent when the input is under
 * {@link #MIN_BYTES} or of unknown size, when there is no terminal, and with {@code --quiet}.
 */
class Progress {
    static final long MIN_BYTES = 8L << 20;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final Progress NONE = new Progress(0, null);

    private final long total;
    private final PrintWriter err;
    private final long start = System.nanoTime();
    private long done;
    private long lastDraw;

    Progress(long total, PrintWriter err) {
        this.total = total;
        this.err = err;
    }

    static Progress forSize(long size, boolean quiet, PrintWriter err) {
        return quiet || size < MIN_BYTES || System.console() == null ? NONE : new Progress(size, err);
    }

    void advance(long bytes) {
        if (err == null) {
            return;
        }
        done += bytes;
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw(now);
        }
    }

    void done() {
        if (err != null) {
            draw(System.nanoTime());
            err.println();
            err.flush();
        }
    }

    private void draw(long now) {
        int pct = (int) Math.min(100, done * 100 / Math.max(1, total));
        int filled = pct / 5;
        double secs = Math.max(1e-3, (now - start) / 1e9);
        err.printf("\r[%s%s] %3d%%  %d of %d MiB  %.0f MB/s", "#".repeat(filled), "-".repeat(20 - filled), pct,
                done >> 20, total >> 20, done / secs / 1e6);
        err.flush();
    }
}
