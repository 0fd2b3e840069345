package dev.kmipjca.keystore;

import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Two daemon threads that read a large keystore file while its keystore key is being unwrapped on the
 * server: one hashes the section's bytes ({@link SectionDigest}), the other reads its entries
 * ({@link KeystoreFile#parseStarted}). They start on first use and end after ten idle seconds. A task is
 * a {@link FutureTask} that whoever needs its result first runs on its own thread if no background
 * thread has started it yet, so the threads only ever make a load sooner, never later, and a busy or
 * unavailable pool costs nothing but the wait for work already under way.
 */
final class Background {
    /** Files smaller than this are read on the caller's thread (a thread hop costs more than it saves). */
    static final int FROM_BYTES = 128 * 1024;

    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(2, 2, 10, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "kmip-jca keystore reader");
                t.setDaemon(true);
                return t;
            });

    static {
        POOL.allowCoreThreadTimeOut(true);
    }

    private Background() {
    }

    /** Queues {@code task}; when the pool refuses it, the first caller of {@code task.get} runs it instead. */
    static void start(FutureTask<?> task) {
        try {
            POOL.execute(task);
        } catch (RejectedExecutionException e) {
            // run by the caller
        }
    }
}
