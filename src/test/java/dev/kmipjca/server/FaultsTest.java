package dev.kmipjca.server;

import static dev.kmipjca.server.Kmip.KEK_MASK;
import static dev.kmipjca.server.Kmip.V1_4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.protocol.BlockCipherMode;
import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.CryptographicParameters;
import dev.kmipjca.protocol.Encrypt;
import dev.kmipjca.protocol.Messages;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.Query;
import dev.kmipjca.protocol.RequestMessage;
import dev.kmipjca.protocol.ResponseBatchItem;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.UniqueId;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each injected fault, switched on and off on a running server. */
class FaultsTest {
    @TempDir
    static Path dir;
    static DevServer server;

    @BeforeAll
    static void start() throws IOException {
        server = Kmip.start(dir);
    }

    @AfterEach
    void noFaults() {
        server.faults(Faults.NONE);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static byte[] query() {
        return Messages.encodeRequest(RequestMessage.single(V1_4, Query.Request.of())).encode();
    }

    @Test
    void faultsFromTheConfiguration_applyFromTheStart(@TempDir Path other) throws IOException {
        Kmip.seed(other);
        Faults f = Faults.builder().fail(Operation.LOCATE, ResultReason.SERVER_LIMIT_EXCEEDED).build();
        try (DevServer s = DevServer.start(DevServerConfig.builder().dir(other).port(0).faults(f).build());
                TestClient c = TestClient.connect(s)) {
            assertEquals(f, s.faults());
            c.fails(V1_4, dev.kmipjca.protocol.Locate.Request.of(dev.kmipjca.protocol.Attributes.empty()),
                    ResultReason.SERVER_LIMIT_EXCEEDED);
        }
    }

    @Test
    void delay_holdsEveryResponse() throws IOException {
        server.faults(Faults.builder().delayMillis(300).build());
        try (TestClient c = TestClient.connect(server)) {
            long t0 = System.nanoTime();
            assertTrue(c.call(V1_4, Query.Request.of()).isSuccess());
            assertTrue((System.nanoTime() - t0) / 1_000_000 >= 300, "answered too early");
        }
    }

    @Test
    void dropAfter_closesTheConnectionOnTheRequestAfterN() throws IOException {
        server.faults(Faults.builder().dropAfterRequests(2).build());
        for (int round = 0; round < 2; round++) {
            try (TestClient c = TestClient.connect(server)) {
                assertTrue(c.call(V1_4, Query.Request.of()).isSuccess());
                assertTrue(c.call(V1_4, Query.Request.of()).isSuccess());
                assertNull(c.sendRaw(query()), "third request: connection closed without an answer");
            }
        }
    }

    @Test
    void failOperation_answersThatOperationWithTheReason_andLeavesOthers() throws IOException {
        try (TestClient c = TestClient.connect(server)) {
            String uid = Kmip.activeKey(c, V1_4);
            server.faults(Faults.builder().fail(Operation.ENCRYPT, ResultReason.PERMISSION_DENIED).build());
            ResponseBatchItem r = c.fails(V1_4, Encrypt.Request.of(UniqueId.of(uid), CryptographicParameters.builder()
                    .blockCipherMode(BlockCipherMode.CBC).build(), Bytes.of(new byte[16]), null, null),
                    ResultReason.PERMISSION_DENIED);
            assertEquals(Operation.ENCRYPT, r.operation());
            assertTrue(r.resultMessage().startsWith("injected fault"), r.resultMessage());
            assertEquals(16, Kmip.keyBytes(c, V1_4, Kmip.create(c, V1_4, 128, KEK_MASK)).length);
        }
    }

    @Test
    void failEveryOperation_answersAllWithTheReason() throws IOException {
        server.faults(Faults.builder().fail(null, ResultReason.GENERAL_FAILURE).build());
        try (TestClient c = TestClient.connect(server)) {
            c.fails(V1_4, Query.Request.of(), ResultReason.GENERAL_FAILURE);
            c.fails(V1_4, Kmip.aes(128, KEK_MASK, (String) null), ResultReason.GENERAL_FAILURE);
        }
    }

    @Test
    void stallHandshake_acceptsButNeverAnswers() throws IOException {
        server.faults(Faults.builder().stallHandshake(true).build());
        SSLContext ctx = TestClient.context(dir.resolve("client.pem"), server.caFile());
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", server.port())) {
            s.setSoTimeout(500);
            assertThrows(SocketTimeoutException.class, s::startHandshake);
        }
        server.faults(Faults.NONE);
        try (TestClient c = TestClient.connect(server)) {
            assertTrue(c.call(V1_4, Query.Request.of()).isSuccess());
        }
    }

    @Test
    void invalidFaults_areRefusedWithTheRule() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Faults.builder().delayMillis(-1).build())
                .getMessage().contains("delayMillis"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Faults.builder().dropAfterRequests(-2).build())
                .getMessage().contains("dropAfterRequests"));
        assertThrows(IllegalArgumentException.class, () -> new Faults(0, -1, Operation.GET, null, false));
    }
}
