package dev.kmipjca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.Messages;
import dev.kmipjca.protocol.QueryFunction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObservabilityTest {
    @TempDir
    Path dir;

    @Test
    void everyRoundTrip_emitsAJfrEventWithItsFields() throws Exception {
        try (Harness h = Harness.pinned(dir, "2.0"); Recording recording = new Recording()) {
            recording.enable(RoundTripEvent.NAME);
            recording.start();
            h.client.query(QueryFunction.QUERY_OPERATIONS);
            int queryBytes = Messages.encodeRequest(h.server.lastRequest()).encode().length;
            assertThrows(KmipResultException.ItemNotFound.class, () -> h.client.get("missing-1"));
            recording.stop();
            Path file = dir.resolve("round-trips.jfr");
            recording.dump(file);

            List<RecordedEvent> events = RecordingFile.readAllEvents(file);
            assertEquals(2, events.size());
            RecordedEvent query = events.get(0);
            assertEquals("Query", query.getString("operation"));
            assertEquals("127.0.0.1:" + h.server.port(), query.getString("server"));
            assertEquals("2.0", query.getString("protocolVersion"));
            assertEquals(queryBytes, query.getLong("requestBytes"));
            assertTrue(query.getLong("responseBytes") > 0);
            assertEquals("Success", query.getString("result"));
            assertEquals("", query.getString("reason"));
            assertTrue(query.getDuration().toNanos() > 0, "the event's own timing");
            RecordedEvent get = events.get(1);
            assertEquals("Get", get.getString("operation"));
            assertEquals("Operation Failed", get.getString("result"));
            assertEquals("Item Not Found", get.getString("reason"));
        }
    }

    @Test
    void everyRoundTrip_logsOneRedactedDebugLine() throws Exception {
        Logger logger = Logger.getLogger("dev.kmipjca.client");
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                synchronized (records) {
                    records.add(r);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Level before = logger.getLevel();
        logger.setLevel(Level.FINE);
        logger.addHandler(capture);
        try (Harness h = Harness.pinned(dir, "1.4")) {
            h.client.get("secret-key-id").close();
            assertThrows(KmipResultException.ItemNotFound.class, () -> h.client.get("missing-1"));

            records.removeIf(r -> !r.getMessage().startsWith("KMIP Get "));
            assertEquals(2, records.size(), "one line per round trip");
            String port = String.valueOf(h.server.port());
            assertTrue(records.get(0).getMessage().matches("KMIP Get to 127\\.0\\.0\\.1:" + port + " \\(KMIP 1\\.4\\): \\d+ B"
                    + " sent, \\d+ B received in \\d+\\.\\d ms: Success"), records.get(0).getMessage());
            assertTrue(records.get(1).getMessage().endsWith(": Operation Failed (Item Not Found)"),
                    records.get(1).getMessage());
            String key = HexFormat.of().formatHex(FakeKmip.keyOf("secret-key-id"));
            for (LogRecord r : records) {
                assertEquals(Level.FINE, r.getLevel());
                assertFalse(r.getMessage().contains("secret-key-id"), "no identifiers");
                assertFalse(r.getMessage().toLowerCase().contains(key.substring(0, 16)), "no key bytes");
            }
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(before);
        }
    }

    @Test
    void roundTrips_countsEveryRequestMessage() throws Exception {
        try (Harness h = Harness.start(dir)) {
            assertEquals(0, h.client.roundTrips());
            h.client.capabilities();
            h.client.capabilities();
            h.client.batch().get("1").get("2").execute();

            assertEquals(3, h.client.roundTrips(), "Discover Versions, Query once, one batch");
        }
    }
}
