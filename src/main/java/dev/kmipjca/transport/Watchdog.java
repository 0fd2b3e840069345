package dev.kmipjca.transport;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Enforces deadlines that socket timeouts cannot: a whole TLS handshake, or a write to a server that
 * stopped reading. When a deadline passes, the plain TCP socket under the TLS socket is closed, which
 * ends any blocked read or write at once. One daemon thread per transport; {@link #close()} stops it.
 */
final class Watchdog implements AutoCloseable {
    /** One armed deadline. */
    static final class Deadline implements AutoCloseable {
        private final AtomicBoolean fired = new AtomicBoolean();
        private volatile ScheduledFuture<?> future;

        /** Whether the deadline passed and the socket was closed. */
        boolean fired() {
            return fired.get();
        }

        /** Disarms the deadline (idempotent). */
        @Override
        public void close() {
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
        }
    }

    private final ScheduledThreadPoolExecutor executor;

    Watchdog(String name) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Closes {@code raw} after {@code millis} unless the returned deadline is closed first. */
    Deadline arm(Socket raw, long millis) throws IOException {
        Deadline d = new Deadline();
        try {
            d.future = executor.schedule(() -> {
                d.fired.set(true);
                try {
                    raw.close();
                } catch (IOException ignored) {
                    // closing is all we can do
                }
            }, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            throw new IOException("the KMIP transport is closed", e);
        }
        return d;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
