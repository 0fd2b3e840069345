package dev.kmipjca.transport;

import dev.kmipjca.config.ServerAddress;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The connections to one server: at most {@code kmip.poolSize} open at a time (a fair semaphore
 * makes further callers wait, up to {@code kmip.connectTimeoutMS}), idle ones reused most recent
 * first. Before reuse, an idle connection older than {@code kmip.poolIdleSeconds} is closed; any
 * connection with bytes waiting unasked (a server's close_notify, or junk) is closed, a check that
 * costs no wait; and one idle for at least {@link #VALIDATE_AFTER_IDLE_NANOS} is also probed
 * ({@link PooledConnection#probe}: a 1 ms read that must time out), which catches a server that
 * dropped the connection without a word. The probe is skipped for connections used within the last
 * second, as HTTP clients do ({@code validateAfterInactivity}): its 1 ms wait would otherwise cap one
 * connection at well under a thousand requests a second.
 */
final class ServerPool {
    private static final System.Logger LOG = System.getLogger("dev.kmipjca.transport");

    /** Idle time after which a pooled connection is probed before reuse. */
    static final long VALIDATE_AFTER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ServerAddress server;
    private final TlsConnector connector;
    private final int timeoutMs;
    private final long idleLimitNanos;
    private final Semaphore permits;
    private final int size;
    private final Deque<PooledConnection> idle = new ArrayDeque<>();
    private final Set<PooledConnection> open = Collections.newSetFromMap(new ConcurrentHashMap<>());
    private volatile boolean closed;

    ServerPool(ServerAddress server, TlsConnector connector, int size, int idleSeconds, int timeoutMs) {
        this.server = server;
        this.connector = connector;
        this.size = size;
        this.permits = new Semaphore(size, true);
        this.idleLimitNanos = TimeUnit.SECONDS.toNanos(idleSeconds);
        this.timeoutMs = timeoutMs;
    }

    /** A live connection, reused or new; the caller must {@link #release} it. */
    PooledConnection acquire() throws IOException {
        try {
            if (!permits.tryAcquire(timeoutMs, TimeUnit.MILLISECONDS)) {
                throw ServerFailure.busy(server, "all " + size + " connections (kmip.poolSize) stayed busy for "
                        + timeoutMs + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a connection to " + server);
        }
        try {
            if (closed) {
                throw new IOException("the KMIP transport is closed");
            }
            PooledConnection c;
            while ((c = pollIdle()) != null) {
                long idleNanos = System.nanoTime() - c.idleSinceNanos;
                if (idleNanos > idleLimitNanos) {
                    LOG.log(Level.DEBUG, "closing a connection to {0} idle for {1} s (kmip.poolIdleSeconds)",
                            server, idleNanos / 1_000_000_000L);
                    discard(c);
                } else if (c.hasUnaskedBytes() || (idleNanos >= VALIDATE_AFTER_IDLE_NANOS && !c.probe())) {
                    discard(c);
                } else {
                    LOG.log(Level.DEBUG, "reusing a connection to {0}", server);
                    c.lend(true);
                    return c;
                }
            }
            c = connector.connect(server);
            open.add(c);
            if (closed) {
                discard(c);
                throw new IOException("the KMIP transport is closed");
            }
            c.lend(false);
            return c;
        } catch (IOException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Takes back a lent connection: kept for reuse unless it is broken or the pool is closed. */
    void release(PooledConnection c) {
        try {
            if (c.broken() || closed) {
                LOG.log(Level.DEBUG, "discarding a connection to {0}", server);
                discard(c);
            } else {
                c.idleSinceNanos = System.nanoTime();
                synchronized (idle) {
                    idle.addFirst(c);
                }
                if (closed) {
                    closeIdle();
                }
            }
        } finally {
            permits.release();
        }
    }

    private PooledConnection pollIdle() {
        synchronized (idle) {
            return idle.pollFirst();
        }
    }

    private void discard(PooledConnection c) {
        open.remove(c);
        c.close(true);
    }

    private void closeIdle() {
        PooledConnection c;
        while ((c = pollIdle()) != null) {
            discard(c);
        }
    }

    /** Closes idle connections politely and lent ones abruptly (their callers see an I/O error). */
    void close() {
        closed = true;
        closeIdle();
        for (PooledConnection c : new ArrayList<>(open)) {
            open.remove(c);
            c.close(false);
        }
    }

    /** Open connections (idle and lent), for tests. */
    int openCount() {
        return open.size();
    }

    List<PooledConnection> idleSnapshot() {
        synchronized (idle) {
            return new ArrayList<>(idle);
        }
    }
}
