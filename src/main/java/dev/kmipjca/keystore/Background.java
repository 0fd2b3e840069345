package dev.kmipjca.keystore;

import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A daemon thread that reads a large keystore file while its keystore key is being unwrapped on the
 * server: it hashes the section's bytes ({@link SectionDigest}), then reads its entries
 * ({@link KeystoreFile#parseStarted}), in that order, because a version 2 load waits for the digest and
 * not for the entries. One thread, so that the other core is left to the round trip (on a machine of two
 * cores, a second reader made loads slower: it competed with the TLS and the server for the CPU). It
 * starts on first use and ends after ten idle seconds. Whoever needs a task's result does the part of
 * the work that the thread has not started yet on its own thread, so the thread only ever makes a load
 * sooner, never later, and a busy or unavailable thread costs nothing but the wait for work already under way.
 */
final class Background {
    /** Files smaller than this are read on the caller's thread (a thread hop costs more than it saves). */
    static final int FROM_BYTES = 128 * 1024;

    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "kmip-jca keystore reader");
                t.setDaemon(true);
                // not the loading thread's (an application server's web application, say): the thread may
                // outlive it by ten seconds, and must not keep its class loader alive
                t.setContextClassLoader(Background.class.getClassLoader());
                return t;
            });

    static {
        POOL.allowCoreThreadTimeOut(true);
    }

    private Background() {
    }

    /**
     * Queues {@code task}, which must be one whose result its caller computes itself when nobody has yet
     * (a {@link FutureTask} that the caller runs, or work that the caller shares): a refused task is dropped.
     */
    static void start(Runnable task) {
        try {
            POOL.execute(task);
        } catch (RejectedExecutionException e) {
            // run by the caller
        }
    }
}
