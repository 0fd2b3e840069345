package dev.kmipjca.transport;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A test server on 127.0.0.1 (or ::1) and an ephemeral port, one thread per connection running a
 * {@link Handler}. {@link #close()} closes the listening socket and every connection and joins every
 * thread, so nothing outlives a test.
 */
final class FakeServer implements AutoCloseable {
    /** What the server does with one accepted connection. */
    interface Handler {
        void handle(Socket socket, FakeServer server) throws Exception;
    }

    private final ServerSocket listener;
    private final Handler handler;
    private final Thread acceptor;
    private final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    final List<String> clientSubjects = Collections.synchronizedList(new ArrayList<>());
    final List<String> sniNames = Collections.synchronizedList(new ArrayList<>());
    volatile Handler override;

    private FakeServer(ServerSocket listener, Handler handler) {
        this.listener = listener;
        this.handler = handler;
        this.acceptor = new Thread(this::acceptLoop, "fake-server-accept-" + listener.getLocalPort());
        acceptor.start();
    }

    /** A TLS server requiring client certificates, with the given protocols (and suites, if not null). */
    static FakeServer tls(SSLContext ctx, List<String> protocols, List<String> suites, Handler handler) throws IOException {
        return tls("127.0.0.1", ctx, protocols, suites, handler);
    }

    /** Like the above, listening on {@code bindHost} (an IP literal). */
    static FakeServer tls(String bindHost, SSLContext ctx, List<String> protocols, List<String> suites, Handler handler)
            throws IOException {
        SSLServerSocket s = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getByName(bindHost));
        s.setNeedClientAuth(true);
        s.setEnabledProtocols(protocols.toArray(new String[0]));
        if (suites != null) {
            s.setEnabledCipherSuites(suites.toArray(new String[0]));
        }
        return new FakeServer(s, handler);
    }

    static FakeServer tls(Handler handler) throws IOException {
        return tls(TestPki.serverContext(), List.of("TLSv1.3", "TLSv1.2"), null, handler);
    }

    /** A plain TCP server (for servers that never speak TLS properly). */
    static FakeServer plain(Handler handler) throws IOException {
        return new FakeServer(new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")), handler);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** "127.0.0.1:port", the form of a kmip.serverName entry. */
    String entry() {
        return "127.0.0.1:" + port();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            sockets.add(s);
            Thread t = new Thread(() -> serve(s), "fake-server-conn-" + port());
            threads.add(t);
            t.start();
        }
    }

    private void serve(Socket s) {
        try (s) {
            if (s instanceof SSLSocket ssl) {
                ssl.startHandshake();
                clientSubjects.add(ssl.getSession().getPeerPrincipal().getName());
                for (SNIServerName n : ((ExtendedSSLSession) ssl.getSession()).getRequestedServerNames()) {
                    sniNames.add(new String(n.getEncoded(), java.nio.charset.StandardCharsets.US_ASCII));
                }
            }
            Handler h = override != null ? override : handler;
            h.handle(s, this);
        } catch (Exception e) {
            // the client went away, or the test closed us
        }
    }

    /** Reads one request frame (header and body), or null at end of stream. */
    byte[] readFrame(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] header = new byte[8];
        try {
            d.readFully(header);
        } catch (java.io.EOFException e) {
            return null;
        }
        int len = ((header[4] & 0xFF) << 24) | ((header[5] & 0xFF) << 16) | ((header[6] & 0xFF) << 8) | (header[7] & 0xFF);
        byte[] frame = java.util.Arrays.copyOf(header, 8 + len);
        d.readFully(frame, 8, len);
        requests.incrementAndGet();
        return frame;
    }

    /** Answers every request with the same bytes as a Response Message (tag 0x42007B). */
    static void echo(Socket s, FakeServer server) throws IOException {
        InputStream in = s.getInputStream();
        byte[] frame;
        while ((frame = server.readFrame(in)) != null) {
            s.getOutputStream().write(Frames.asResponse(frame));
            s.getOutputStream().flush();
        }
    }

    /** Holds the connection open without reading or writing until the server is closed. */
    static void silent(Socket s, FakeServer server) throws InterruptedException {
        while (!s.isClosed()) {
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the fake server", e);
        }
    }

    private void stop() throws InterruptedException {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
        acceptor.join(5000);
        synchronized (sockets) {
            for (Socket s : sockets) {
                try {
                    s.close();
                } catch (IOException | RuntimeException ignored) {
                    // closing
                }
            }
        }
        synchronized (threads) {
            for (Thread t : threads) {
                t.interrupt();
            }
        }
        for (Thread t : new ArrayList<>(threads)) {
            t.join(5000);
            if (t.isAlive()) {
                throw new IllegalStateException("thread " + t.getName() + " did not stop");
            }
        }
    }
}
