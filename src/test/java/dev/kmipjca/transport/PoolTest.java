package dev.kmipjca.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.config.ServerAddress;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection reuse, idle eviction, concurrency and framing errors. */
class PoolTest {
    @TempDir
    Path dir;

    private static void echoOnce(KmipTransport t, boolean idempotent, int id) throws Exception {
        t.execute(idempotent, c -> {
            byte[] req = Frames.request(id, 0);
            assertArrayEquals(Frames.asResponse(req), c.roundTrip(req));
            return null;
        });
    }

    private KmipTransport open(FakeServer s) throws Exception {
        return KmipTransport.open(TestPki.settings(dir, s.entry()).build(), null);
    }

    @Test
    void sequentialRequests_reuseOneConnection() throws Exception {
        try (FakeServer s = FakeServer.tls(FakeServer::echo); KmipTransport t = open(s)) {
            for (int i = 0; i < 20; i++) {
                echoOnce(t, false, i);
            }
            assertEquals(1, s.accepted.get());
            assertEquals(1, t.openConnections(ServerAddress.parse(s.entry(), 1)));
        }
    }

    @Test
    void connectionClosedByTheServerWhileIdle_isReplacedWithoutError() throws Exception {
        AtomicInteger closedByServer = new AtomicInteger();
        FakeServer.Handler answerOnceThenClose = (sock, srv) -> {
            byte[] req = srv.readFrame(sock.getInputStream());
            sock.getOutputStream().write(Frames.asResponse(req));
            sock.getOutputStream().flush();
            sock.close();
            closedByServer.incrementAndGet();
        };
        try (FakeServer s = FakeServer.tls(answerOnceThenClose); KmipTransport t = open(s)) {
            for (int i = 1; i <= 3; i++) {
                echoOnce(t, false, i); // non-idempotent: a stale connection would be an outcome-unknown error
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (closedByServer.get() < i && System.nanoTime() < until) {
                    Thread.sleep(5);
                }
                Thread.sleep(20); // let the close reach our side
            }
            assertEquals(3, s.accepted.get());
        }
    }

    @Test
    void reusedConnectionDroppedAtTheNextRequest_isRetriedOnANewOneForIdempotentRequests() throws Exception {
        FakeServer.Handler dropSecondRequest = (sock, srv) -> {
            InputStream in = sock.getInputStream();
            byte[] req = srv.readFrame(in);
            sock.getOutputStream().write(Frames.asResponse(req));
            sock.getOutputStream().flush();
            srv.readFrame(in); // the second request on this connection is dropped with the connection
        };
        try (FakeServer s = FakeServer.tls(dropSecondRequest); KmipTransport t = open(s)) {
            echoOnce(t, true, 1);
            echoOnce(t, true, 2);
            assertEquals(2, s.accepted.get());
            assertEquals(3, s.requests.get());
            OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, () -> echoOnce(t, false, 3));
            assertTrue(e.getMessage().contains("the server closed the connection without answering"), e.getMessage());
        }
    }

    @Test
    void idleConnectionOlderThanTheLimit_isClosedBeforeReuse() throws Exception {
        try (FakeServer s = FakeServer.tls(FakeServer::echo);
             KmipTransport t = KmipTransport.open(TestPki.settings(dir, s.entry()).poolIdleSeconds(1).build(), null)) {
            echoOnce(t, true, 1);
            Thread.sleep(1100);
            echoOnce(t, true, 2);
            assertEquals(2, s.accepted.get());
            assertEquals(1, t.openConnections(ServerAddress.parse(s.entry(), 1)), "the old connection was closed");
        }
    }

    @Test
    void sixteenThreads_getTheirOwnResponsesThroughABoundedPool() throws Exception {
        int threads = 16;
        int perThread = 250;
        try (FakeServer s = FakeServer.tls(FakeServer::echo);
             KmipTransport t = KmipTransport.open(TestPki.settings(dir, s.entry()).build(), null)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            AtomicInteger mismatches = new AtomicInteger();
            long start = System.nanoTime();
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int th = 0; th < threads; th++) {
                    int base = th * 1_000_000;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            int id = base + i;
                            int got = t.execute(true, c -> Frames.id(c.roundTrip(Frames.request(id, 8 * (id % 5)))));
                            if (got != id) {
                                mismatches.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
                assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
            }
            System.out.printf("%d round trips on %d threads in %d ms over %d connections%n", threads * perThread,
                    threads, (System.nanoTime() - start) / 1_000_000, s.accepted.get());
            assertEquals(0, mismatches.get());
            assertEquals(threads * perThread, s.requests.get());
            assertTrue(s.accepted.get() <= 4, "kmip.poolSize=4 bounds the connections: " + s.accepted.get());
        }
    }

    @Test
    void fullPool_sendsTheRequestToTheNextServerWithoutCoolingTheFirstDown() throws Exception {
        try (FakeServer a = FakeServer.tls(FakeServer::echo); FakeServer b = FakeServer.tls(FakeServer::echo);
             KmipTransport t = KmipTransport.open(TestPki.settings(dir, a.entry() + "," + b.entry()).poolSize(1)
                     .build(), null)) {
            java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            ExecutorService holder = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> held = holder.submit(() -> t.execute(true, c -> {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new java.io.InterruptedIOException();
                    }
                    return c.server().port();
                }));
                holding.await();
                int port = t.execute(true, c -> {
                    c.roundTrip(Frames.request(1, 0));
                    return c.server().port();
                });
                assertEquals(b.port(), port, "the only connection to the first server is busy");
                release.countDown();
                assertEquals(a.port(), held.get(5, TimeUnit.SECONDS));
                assertEquals(a.port(), (int) t.execute(true, c -> c.server().port()), "no cool-down for a busy server");
            } finally {
                release.countDown();
                holder.shutdownNow();
                assertTrue(holder.awaitTermination(5, TimeUnit.SECONDS));
            }
        }
    }

    /** A server whose first answer is {@code bad} (then it closes), and which echoes on later connections. */
    private static FakeServer badFirst(byte[] bad) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        return FakeServer.tls((sock, srv) -> {
            if (calls.getAndIncrement() == 0) {
                srv.readFrame(sock.getInputStream());
                sock.getOutputStream().write(bad);
                sock.getOutputStream().flush();
                FakeServer.silent(sock, srv);
            } else {
                FakeServer.echo(sock, srv);
            }
        });
    }

    private void assertBadResponseThenHealthy(byte[] bad, String expected) throws Exception {
        try (FakeServer s = badFirst(bad); KmipTransport t = open(s)) {
            BadResponseException e = assertThrows(BadResponseException.class, () -> echoOnce(t, true, 1));
            assertEquals(expected.replace("SERVER", s.entry()), e.getMessage());
            assertEquals(0, t.openConnections(ServerAddress.parse(s.entry(), 1)), "the connection was discarded");
            echoOnce(t, true, 2);
            assertEquals(2, s.accepted.get());
        }
    }

    @Test
    void responseWithABadTag_isRefusedAndTheConnectionDiscarded() throws Exception {
        assertBadResponseThenHealthy(Frames.header(0x430000, 1, 8, 8), "malformed response from SERVER: invalid TTLV at"
                + " offset 0, tag 0x430000 (unknown): tag outside 0x42xxxx and 0x54xxxx (connection discarded)");
        assertBadResponseThenHealthy(Frames.header(Frames.REQUEST_MESSAGE, 1, 8, 8), "malformed response from SERVER:"
                + " the message is 0x420078 (Request Message), not a Response Message (connection discarded)");
        assertBadResponseThenHealthy(Frames.header(Frames.RESPONSE_MESSAGE, 2, 8, 8), "malformed response from SERVER:"
                + " invalid TTLV at offset 3, tag 0x42007B (Response Message): a message must be a Structure, found type"
                + " 0x02 (connection discarded)");
        assertBadResponseThenHealthy(Frames.header(Frames.RESPONSE_MESSAGE, 1, 13, 16), "malformed response from"
                + " SERVER: invalid TTLV at offset 4, tag 0x42007B (Response Message): Structure length 13 is not a"
                + " multiple of 8 (connection discarded)");
    }

    @Test
    void oversizedResponse_isRefusedBeforeReadingIt() throws Exception {
        assertBadResponseThenHealthy(Frames.header(Frames.RESPONSE_MESSAGE, 1, 32L << 20, 0), "response from SERVER"
                + " announces 33554440 bytes, more than kmip.maxResponseBytes=16777216 (connection discarded)");
        assertBadResponseThenHealthy(Frames.header(Frames.RESPONSE_MESSAGE, 1, 0xFFFFFFF8L, 0), "response from SERVER"
                + " announces 4294967296 bytes, more than kmip.maxResponseBytes=16777216 (connection discarded)");
    }

    @Test
    void truncatedResponse_failsClearlyAndTheNextCallWorks() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (FakeServer s = FakeServer.tls((sock, srv) -> {
            if (calls.getAndIncrement() == 0) {
                byte[] req = srv.readFrame(sock.getInputStream());
                sock.getOutputStream().write(Frames.asResponse(req), 0, 16);
                sock.getOutputStream().flush();
            } else {
                FakeServer.echo(sock, srv);
            }
        }); KmipTransport t = open(s)) {
            ServersUnavailableException e = assertThrows(ServersUnavailableException.class, () -> echoOnce(t, true, 1));
            assertEquals("KMIP server unavailable: " + s.entry() + ": the server closed the connection after 16 of 24"
                    + " response bytes (truncated response)", e.getMessage());
            echoOnce(t, true, 2);
        }
    }

    @Test
    void exchangeRejectingTheResponse_discardsTheConnectionWithoutFailover() throws Exception {
        try (FakeServer a = FakeServer.tls(FakeServer::echo); FakeServer b = FakeServer.tls(FakeServer::echo);
             KmipTransport t = KmipTransport.open(TestPki.settings(dir, a.entry() + "," + b.entry()).build(), null)) {
            BadResponseException e = assertThrows(BadResponseException.class, () -> t.execute(true, c -> {
                c.roundTrip(Frames.request(1, 0));
                throw new BadResponseException("batch item id does not match");
            }));
            assertEquals("batch item id does not match", e.getMessage());
            assertEquals(0, b.accepted.get());
            t.execute(true, c -> {
                c.roundTrip(Frames.request(2, 0));
                c.discard();
                return null;
            });
            echoOnce(t, true, 3);
            assertEquals(3, a.accepted.get(), "each discarded connection was replaced");
        }
    }

    @Test
    void close_stopsEveryThreadAndRefusesFurtherWork() throws Exception {
        // other test classes in this JVM may hold transports of their own: count only the threads started here
        java.util.Set<Thread> before = new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
        try (FakeServer s = FakeServer.tls(FakeServer::echo)) {
            KmipTransport t = open(s);
            echoOnce(t, true, 1);
            t.close();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> echoOnce(t, true, 2));
            assertEquals("the KMIP transport is closed", e.getMessage());
            assertEquals(0, t.openConnections(ServerAddress.parse(s.entry(), 1)));
            long alive = Thread.getAllStackTraces().keySet().stream()
                    .filter(th -> th.getName().equals("kmip-transport-watchdog") && th.isAlive() && !before.contains(th))
                    .count();
            assertEquals(0, alive, "watchdog threads left running");
        }
    }

}
