package dev.kmipjca.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.BatchErrorContinuationOption;
import dev.kmipjca.protocol.Create;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.CryptographicUsageMask;
import dev.kmipjca.protocol.GetAttributes;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.Messages;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.Query;
import dev.kmipjca.protocol.QueryFunction;
import dev.kmipjca.protocol.RequestBatchItem;
import dev.kmipjca.protocol.RequestMessage;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.State;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchTest {
    @TempDir
    Path dir;

    @Test
    void createThenGetAttributesAndGetWithThePlaceholder_isOneRoundTripWithPerItemResults() throws Exception {
        try (Harness h = Harness.pinned(dir, "1.4")) {
            BatchResult r = h.client.batch()
                    .create(CryptographicAlgorithm.AES, 256, ObjectSpec.of("k", CryptographicUsageMask.ENCRYPT))
                    .getAttributes(null, "State")
                    .get(null)
                    .execute();

            assertEquals(1, h.client.roundTrips());
            assertTrue(r.allSucceeded());
            String uid = r.item(0).payload(Create.Response.class).uniqueIdentifier().toString();
            assertEquals(State.ACTIVE, r.item(1).payload(GetAttributes.Response.class).attributes().get(AttributeKey.STATE));
            try (RetrievedObject key = r.item(2).retrievedObject()) {
                assertEquals(uid, key.uniqueIdentifier());
                assertArrayEquals(FakeKmip.keyOf(uid), key.material().toByteArray());
            }
            RequestMessage sent = h.server.lastRequest();
            assertEquals(Boolean.TRUE, sent.header().batchOrderOption());
            assertNull(sent.header().batchErrorContinuationOption(), "Stop is the default and not sent");
            assertEquals(3, sent.batchItems().stream().map(RequestBatchItem::uniqueBatchItemId).distinct().count());
            assertNull(((GetAttributes.Request) sent.batchItems().get(1).payload()).uniqueIdentifier(), "ID Placeholder");
        }
    }

    @Test
    void failureWithStop_skipsTheRest_andTheSkippedItemsSaySo() throws Exception {
        try (Harness h = Harness.pinned(dir, "2.0")) {
            BatchResult r = h.client.batch().get("missing-1").query(QueryFunction.QUERY_OPERATIONS).execute();

            assertFalse(r.allSucceeded());
            assertEquals(ResultReason.ITEM_NOT_FOUND, r.item(0).reason());
            assertTrue(r.item(0).executed());
            assertFalse(r.item(1).executed());
            KmipResultException skipped = assertThrows(KmipResultException.class, () -> r.item(1).payload(Query.Response.class));
            assertEquals("KMIP Query failed: not executed: an earlier item of the batch failed (Batch Error Continuation"
                    + " Option Stop) [server 127.0.0.1:" + h.server.port() + "]", skipped.getMessage());
            assertEquals("BatchItemResult{Query, not executed}", r.item(1).toString());
        }
    }

    @Test
    void failureWithContinue_runsTheRest() throws Exception {
        try (Harness h = Harness.pinned(dir, "2.0")) {
            BatchResult r = h.client.batch().get("missing-1").query(QueryFunction.QUERY_OPERATIONS).continueOnError()
                    .execute();

            assertThrows(KmipResultException.ItemNotFound.class, () -> r.item(0).retrievedObject());
            assertEquals("Fake KMIP", r.item(1).payload(Query.Response.class).vendorIdentification());
            assertEquals(BatchErrorContinuationOption.CONTINUE, h.server.lastRequest().header().batchErrorContinuationOption());
        }
    }

    @Test
    void messageLevelFailure_failsTheWholeBatch() throws Exception {
        try (Harness h = Harness.pinned(dir, "2.0")) {
            h.server.nextFault = r -> Messages.errorResponse(ProtocolVersion.V1_0, ResultReason.INVALID_MESSAGE,
                    "Error parsing request message.");

            KmipResultException e = assertThrows(KmipResultException.InvalidMessage.class,
                    () -> h.client.batch().activate(null).get("1").execute());

            assertTrue(e.getMessage().startsWith("KMIP Activate failed: Invalid Message"), e.getMessage());
        }
    }

    @Test
    void emptyBatch_isRefused() throws Exception {
        try (Harness h = Harness.pinned(dir, "2.0")) {
            assertEquals("the batch is empty", assertThrows(IllegalStateException.class,
                    () -> h.client.batch().execute()).getMessage());
            assertEquals(List.of(), h.server.operations());
        }
    }
}
