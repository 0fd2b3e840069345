package dev.kmipjca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.GetAttributes;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.Messages;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.QueryFunction;
import dev.kmipjca.protocol.ResponseBatchItem;
import dev.kmipjca.protocol.ResponseHeader;
import dev.kmipjca.protocol.ResponseMessage;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.UniqueId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Responses that do not answer their request: each is refused with a {@link ResponseMismatchException}
 * saying what did not match, the connection is discarded (the next call opens a new one), and the next
 * call works.
 */
class MismatchedResponseTest {
    @TempDir
    Path dir;

    private ResponseMismatchException mismatch(Harness h, UnaryOperator<ResponseMessage> fault,
                                               ThrowingCall call) throws Exception {
        h.client.query(QueryFunction.QUERY_OPERATIONS);
        assertEquals(1, h.server.connections.get());
        h.server.nextFault = fault;
        ResponseMismatchException e = assertThrows(ResponseMismatchException.class, call::run);
        assertEquals(h.client.servers().get(0), e.server());
        assertTrue(e.getMessage().startsWith("the response from 127.0.0.1:" + h.server.port()
                + " does not match its request: "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" (connection discarded)"), e.getMessage());
        h.client.query(QueryFunction.QUERY_OPERATIONS);
        assertEquals(2, h.server.connections.get(), "the connection of the bad response was discarded");
        return e;
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    private static UnaryOperator<ResponseMessage> items(UnaryOperator<List<ResponseBatchItem>> f) {
        return r -> new ResponseMessage(r.header(), f.apply(new ArrayList<>(r.batchItems())));
    }

    private static ResponseBatchItem with(ResponseBatchItem i, Operation op, Bytes id) {
        return new ResponseBatchItem(op, id, i.resultStatus(), i.resultReason(), i.resultMessage(),
                i.asynchronousCorrelationValue(), i.payload(), i.messageExtensions(), i.extensions());
    }

    @Test
    void wrongUniqueBatchItemId_isAMismatch() throws Exception {
        try (Harness h = Harness.pinned(dir, "2.0")) {
            ResponseMismatchException e = mismatch(h, items(l -> {
                l.set(0, with(l.get(0), l.get(0).operation(), Bytes.ofHex("00000000000000ff")));
                return l;
            }), () -> h.client.get("3"));

            assertEquals("Unique Batch Item ID 00000000000000ff matches no request item", e.problem());
        }
    }

    @Test
    void missingUniqueBatchItemId_isAMismatch() throws Exception {
        try (Harness h = Harness.pinned(dir, "2.0")) {
            ResponseMismatchException e = mismatch(h, items(l -> {
                l.set(0, with(l.get(0), l.get(0).operation(), null));
                return l;
            }), () -> h.client.get("3"));

            assertEquals("a response item has no Unique Batch Item ID", e.problem());
        }
    }

    @Test
    void wrongOperation_isAMismatch() throws Exception {
        try (Harness h = Harness.pinned(dir, "2.0")) {
            ResponseMismatchException e = mismatch(h, items(l -> {
                l.set(0, with(l.get(0), Operation.DESTROY, l.get(0).uniqueBatchItemId()));
                return l;
            }), () -> h.client.get("3"));

            assertTrue(e.problem().matches("item [0-9a-f]{16} answers Destroy, the request asked for Get"), e.problem());
        }
    }

    @Test
    void moreItemsThanRequested_isAMismatch() throws Exception {
        try (Harness h = Harness.pinned(dir, "2.0")) {
            ResponseMismatchException e = mismatch(h, items(l -> {
                l.add(l.get(0));
                return l;
            }), () -> h.client.get("3"));

            assertEquals("the response holds 2 Batch Items, the request 1", e.problem());
        }
    }

    @Test
    void fewerItemsWithoutAFailure_isAMismatch() throws Exception {
        try (Harness h = Harness.pinned(dir, "2.0")) {
            ResponseMismatchException e = mismatch(h, items(l -> {
                l.remove(1);
                return l;
            }), () -> h.client.batch().get("3").get("4").execute());

            assertEquals("the response holds 1 Batch Item, the request 2 (and its last item did not fail, so none was"
                    + " skipped)", e.problem());
        }
    }

    @Test
    void repeatedItem_isAMismatch() throws Exception {
        try (Harness h = Harness.pinned(dir, "2.0")) {
            ResponseMismatchException e = mismatch(h, items(l -> {
                l.set(1, l.get(0));
                return l;
            }), () -> h.client.batch().get("3").get("4").execute());

            assertTrue(e.problem().matches("Unique Batch Item ID [0-9a-f]{16} answers twice"), e.problem());
        }
    }

    @Test
    void otherMajorVersion_isAMismatch() throws Exception {
        try (Harness h = Harness.pinned(dir, "2.0")) {
            ResponseMismatchException e = mismatch(h, r -> new ResponseMessage(
                    ResponseHeader.of(ProtocolVersion.V1_4, r.header().timeStamp()), r.batchItems()),
                    () -> h.client.get("3"));

            assertEquals("the response is KMIP 1.4, the request was KMIP 2.0", e.problem());
        }
    }

    @Test
    void answerForAnotherObject_isAMismatch() throws Exception {
        try (Harness h = Harness.pinned(dir, "2.0")) {
            ResponseMismatchException e = mismatch(h, items(l -> {
                ResponseBatchItem i = l.get(0);
                GetAttributes.Response p = (GetAttributes.Response) i.payload();
                l.set(0, new ResponseBatchItem(i.operation(), i.uniqueBatchItemId(), i.resultStatus(), null, null, null,
                        new GetAttributes.Response(UniqueId.of("7"), p.attributes()), null, null));
                return l;
            }), () -> h.client.getAttributes("3"));

            assertTrue(e.problem().matches("the Get Attributes item [0-9a-f]{16} answers for object 7, the request"
                    + " named 3"), e.problem());
        }
    }

    @Test
    void successWithoutPayload_isAMismatch() throws Exception {
        try (Harness h = Harness.pinned(dir, "2.0")) {
            ResponseMismatchException e = mismatch(h, items(l -> {
                ResponseBatchItem i = l.get(0);
                l.set(0, new ResponseBatchItem(i.operation(), i.uniqueBatchItemId(), i.resultStatus(), null, null, null,
                        null, null, null));
                return l;
            }), () -> h.client.get("3"));

            assertTrue(e.problem().matches("the successful Get item [0-9a-f]{16} has no Response Payload"), e.problem());
        }
    }

    @Test
    void messageLevelFailure_underAnotherVersion_isTheServersAnswer_andKeepsTheConnection() throws Exception {
        try (Harness h = Harness.pinned(dir, "2.0")) {
            h.server.nextFault = r -> Messages.errorResponse(ProtocolVersion.V1_0, ResultReason.INVALID_MESSAGE,
                    "Error parsing request message.");

            KmipResultException e = assertThrows(KmipResultException.InvalidMessage.class, () -> h.client.get("3"));

            assertEquals(Operation.GET, e.operation(), "the operation comes from the request");
            assertEquals("KMIP Get failed: Invalid Message (0x00000004): Error parsing request message. [server 127.0.0.1:"
                    + h.server.port() + "]", e.getMessage());
            h.client.get("3").close();
            assertEquals(1, h.server.connections.get());
        }
    }

    @Test
    void failedItem_raisesTheTypedExceptionNamingTheServer() throws Exception {
        try (Harness h = Harness.pinned(dir, "2.0")) {
            KmipResultException e = assertThrows(KmipResultException.ItemNotFound.class, () -> h.client.get("missing-9"));

            assertEquals("KMIP Get failed: Item Not Found (0x00000001): Could not locate object: missing-9 [server"
                    + " 127.0.0.1:" + h.server.port() + "]", e.getMessage());
            assertFalse(e.getMessage().contains("connection discarded"));
            assertEquals(1, h.server.connections.get());
        }
    }
}
