package dev.kmipjca.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.config.KmipSettingsBuilder;
import dev.kmipjca.config.ServerAddress;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failover, retries, timeouts and cool-down against misbehaving in-process servers. */
class FailoverTest {
    @TempDir
    Path dir;

    /** A port on 127.0.0.1 where nothing listens (connections are refused). */
    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static int echoOnce(KmipTransport t, boolean idempotent, int id) throws Exception {
        return t.execute(idempotent, c -> {
            byte[] req = Frames.request(id, 0);
            byte[] resp = c.roundTrip(req);
            assertArrayEquals(Frames.asResponse(req), resp);
            return c.server().port();
        });
    }

    private KmipSettingsBuilder settings(String... entries) throws Exception {
        return TestPki.settings(dir, String.join(",", entries));
    }

    @Test
    void refusingFirstServer_isSkippedForTheSecond() throws Exception {
        try (FakeServer good = FakeServer.tls(FakeServer::echo);
             KmipTransport t = KmipTransport.open(settings("127.0.0.1:" + closedPort(), good.entry()).build(), null)) {
            long start = System.nanoTime();
            assertEquals(good.port(), echoOnce(t, false, 1));
            System.out.printf("first server refused: answered by the second after %d ms%n",
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    @Test
    void silentHandshake_timesOutAfterEachAttemptAndFailsOver() throws Exception {
        try (FakeServer silent = FakeServer.plain(FakeServer::silent);
             FakeServer good = FakeServer.tls(FakeServer::echo);
             KmipTransport t = KmipTransport.open(settings(silent.entry(), good.entry()).connectRetries(1).build(), null)) {
            long start = System.nanoTime();
            assertEquals(good.port(), echoOnce(t, true, 1));
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("silent server, 2 attempts of 1000 ms: failed over after %d ms%n", ms);
            assertEquals(2, silent.accepted.get(), "connectRetries=1 means two attempts");
            assertTrue(ms >= 1500 && ms < 10_000, ms + " ms");
        }
    }

    @Test
    void fullBacklog_givesAConnectTimeout() throws Exception {
        // A listener that never accepts: once its backlog is full, the kernel drops further SYNs.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(full.getLocalSocketAddress(), 200);
                        fillers.add(s);
                    } catch (java.net.SocketTimeoutException e) {
                        s.close();
                        break;
                    }
                }
                org.junit.jupiter.api.Assumptions.assumeTrue(fillers.size() < 4, "this kernel never drops SYNs");
                ServersUnavailableException e = assertThrows(ServersUnavailableException.class, () -> {
                    try (KmipTransport t = KmipTransport.open(settings("127.0.0.1:" + full.getLocalPort()).build(), null)) {
                        echoOnce(t, true, 1);
                    }
                });
                assertEquals("KMIP server unavailable: 127.0.0.1:" + full.getLocalPort() + ": no TCP connection within"
                        + " 1000 ms (kmip.connectTimeoutMS): is the host up and the port open in firewalls?", e.getMessage());
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    /** Reads a request, sends half of its echo, then stays silent. */
    private static void halfAnswer(Socket s, FakeServer server) throws Exception {
        InputStream in = s.getInputStream();
        byte[] req = server.readFrame(in);
        s.getOutputStream().write(Frames.asResponse(req), 0, req.length / 2);
        s.getOutputStream().flush();
        FakeServer.silent(s, server);
    }

    @Test
    void serverStoppingMidResponse_movesAnIdempotentRequestToTheNextServer() throws Exception {
        try (FakeServer stalls = FakeServer.tls(FailoverTest::halfAnswer);
             FakeServer good = FakeServer.tls(FakeServer::echo);
             KmipTransport t = KmipTransport.open(settings(stalls.entry(), good.entry()).build(), null)) {
            long start = System.nanoTime();
            assertEquals(good.port(), echoOnce(t, true, 1));
            System.out.printf("server stalled mid-response: answered by the next after %d ms%n",
                    (System.nanoTime() - start) / 1_000_000);
            assertEquals(1, stalls.requests.get());
        }
    }

    @Test
    void serverStoppingMidResponse_endsANonIdempotentRequestWithOutcomeUnknown() throws Exception {
        try (FakeServer stalls = FakeServer.tls(FailoverTest::halfAnswer);
             FakeServer good = FakeServer.tls(FakeServer::echo);
             KmipTransport t = KmipTransport.open(settings(stalls.entry(), good.entry()).build(), null)) {
            OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, () -> echoOnce(t, false, 1));
            assertEquals(ServerAddress.parse(stalls.entry(), 5696), e.server());
            assertEquals("the request was sent to " + stalls.entry() + " but no complete response came back ("
                    + stalls.entry() + ": no complete response within 1000 ms (kmip.connectTimeoutMS) (12 of 24 response"
                    + " bytes arrived)); it may or may not have been carried out, so it is not repeated: check the"
                    + " server's state before repeating it", e.getMessage());
            assertEquals(0, good.requests.get(), "never sent to a second server");
        }
    }

    @Test
    void everyServerFailing_listsEachWithItsReason() throws Exception {
        int refused = closedPort();
        try (FakeServer stalls = FakeServer.tls(FailoverTest::halfAnswer);
             KmipTransport t = KmipTransport.open(settings("127.0.0.1:" + refused, stalls.entry())
                     .connectRetries(2).build(), null)) {
            long start = System.nanoTime();
            ServersUnavailableException e = assertThrows(ServersUnavailableException.class, () -> echoOnce(t, true, 1));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals("no KMIP server available (2 tried): 127.0.0.1:" + refused + ": connection refused: is the"
                    + " KMIP server running, and is the port right? (3 attempts); " + stalls.entry() + ": no complete"
                    + " response within 1000 ms (kmip.connectTimeoutMS) (12 of 24 response bytes arrived)", e.getMessage());
            assertEquals(List.of(ServerAddress.parse("127.0.0.1:" + refused, 1), ServerAddress.parse(stalls.entry(), 1)),
                    List.copyOf(e.failures().keySet()));
            assertTrue(ms >= 300, "backoff of 100 then 200 ms between attempts: " + ms);
        }
    }

    @Test
    void failedServer_coolsDownThenIsPreferredAgain() throws Exception {
        AtomicBoolean healthy = new AtomicBoolean(false);
        FakeServer.Handler flaky = (s, srv) -> {
            if (healthy.get()) {
                FakeServer.echo(s, srv);
            }
        };
        try (FakeServer first = FakeServer.tls(flaky);
             FakeServer second = FakeServer.tls(FakeServer::echo);
             KmipTransport t = KmipTransport.open(settings(first.entry(), second.entry()).serverCooldownSeconds(1)
                     .poolIdleSeconds(1).build(), null)) {
            assertEquals(second.port(), echoOnce(t, true, 1), "first server fails, second answers");
            int firstAttempts = first.accepted.get();
            healthy.set(true);
            assertEquals(second.port(), echoOnce(t, true, 2), "first server is cooling down");
            assertEquals(firstAttempts, first.accepted.get(), "not even tried while cooling down");
            Thread.sleep(1100);
            assertEquals(first.port(), echoOnce(t, true, 3), "after the cool-down the first server is preferred again");
        }
    }

    @Test
    void everyServerCoolingDown_areAllTriedInOrder() throws Exception {
        AtomicBoolean healthy = new AtomicBoolean(false);
        FakeServer.Handler flaky = (s, srv) -> {
            if (healthy.get()) {
                FakeServer.echo(s, srv);
            }
        };
        try (FakeServer a = FakeServer.tls(flaky);
             FakeServer b = FakeServer.tls(flaky);
             KmipTransport t = KmipTransport.open(settings(a.entry(), b.entry()).serverCooldownSeconds(60).build(), null)) {
            assertThrows(ServersUnavailableException.class, () -> echoOnce(t, true, 1));
            healthy.set(true);
            assertEquals(a.port(), echoOnce(t, true, 2), "both cooling down: tried in the listed order anyway");
        }
    }
}
