package dev.kmipjca.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The listening socket and the connections: one thread accepts, a bounded pool runs one thread per
 * connection (a connection beyond the limit is closed at once). Closing stops accepting, closes
 * every open connection and waits briefly for their threads.
 */
final class Listener implements AutoCloseable {
    private final SSLServerSocket server;
    private final RequestHandler handler;
    private final Supplier<Faults> faults;
    private final int maxMessageBytes;
    private final ThreadPoolExecutor pool;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread acceptor;

    Listener(SSLContext tls, String host, int port, RequestHandler handler, Supplier<Faults> faults,
            int maxMessageBytes, int maxConnections) throws IOException {
        this.handler = handler;
        this.faults = faults;
        this.maxMessageBytes = maxMessageBytes;
        this.server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
        ServerTls.configure(server);
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(host, port), 50);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, maxConnections, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "kmip-dev-connection-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "kmip-dev-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    RequestHandler handler() {
        return handler;
    }

    Faults faults() {
        return faults.get();
    }

    int maxMessageBytes() {
        return maxMessageBytes;
    }

    boolean isClosed() {
        return closed.getCount() == 0;
    }

    private void acceptLoop() {
        while (!isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!isClosed()) {
                    RequestLog.LOG.log(Level.WARNING, "accept failed: " + e.getMessage());
                }
                continue;
            }
            open.add(s);
            try {
                pool.execute(new Connection((SSLSocket) s, this));
            } catch (RejectedExecutionException e) {
                RequestLog.LOG.log(Level.WARNING, "too many connections; closing the one from "
                        + s.getRemoteSocketAddress());
                closed(s);
            }
        }
    }

    /** The stall-handshake fault: hold the accepted TCP connection without reading until the server closes. */
    void stall() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void closed(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        if (isClosed()) {
            return;
        }
        closed.countDown();
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            closed(s);
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
