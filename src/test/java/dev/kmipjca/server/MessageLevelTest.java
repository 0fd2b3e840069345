package dev.kmipjca.server;

import static dev.kmipjca.server.Kmip.V1_2;
import static dev.kmipjca.server.Kmip.V1_4;
import static dev.kmipjca.server.Kmip.V2_0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.protocol.DiscoverVersions;
import dev.kmipjca.protocol.Messages;
import dev.kmipjca.protocol.ObjectType;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.Query;
import dev.kmipjca.protocol.QueryFunction;
import dev.kmipjca.protocol.RawPayload;
import dev.kmipjca.protocol.RequestMessage;
import dev.kmipjca.protocol.ResponseBatchItem;
import dev.kmipjca.protocol.ResponseMessage;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.ResultStatus;
import dev.kmipjca.ttlv.Tag;
import dev.kmipjca.ttlv.Ttlv;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The message level: Discover Versions (checked against the OASIS 1.1 test case 16.1 bytes), Query,
 * versions, and what the server answers to bytes that are not a valid request.
 */
class MessageLevelTest {
    @TempDir
    static Path dir;
    static DevServer server;
    static TestClient client;

    @BeforeAll
    static void start() throws IOException {
        server = Kmip.start(dir);
        client = TestClient.connect(server);
    }

    @AfterAll
    static void stop() throws IOException {
        client.close();
        server.close();
    }

    /** Sends a test-case request and compares the answer with the test case's, time stamp and message aside. */
    static void assertTestCase(String request, String expectedResponse, String resultMessage) throws IOException {
        byte[] answer = client.sendRaw(Vectors.bytes(request));
        Ttlv expected = Vectors.ttlv(Vectors.bytes(expectedResponse));
        Instant t = Instant.EPOCH;
        assertEquals(Vectors.normalized(expected, t, resultMessage), Vectors.normalized(Vectors.ttlv(answer), t,
                resultMessage), "answer to " + request);
    }

    @Test
    void discoverVersions_oasisTestCase16_1_time1_answersTheSameBytes() throws IOException {
        assertTestCase("tc_1_1_16_1_discover_versions_1_0_request", "tc_1_1_16_1_discover_versions_1_0_response", null);
    }

    @Test
    void discoverVersions_oasisTestCase16_1_time3_unknownVersionGetsEmptyList() throws IOException {
        assertTestCase("tc_1_1_16_1_discover_versions_9_31_request", "tc_1_1_16_1_discover_versions_empty_response", null);
    }

    @Test
    void query_oasisTestCase12_1_maximumResponseSize256_isResponseTooLarge() throws IOException {
        assertTestCase("tc_1_1_12_1_query_maxsize256_request", "tc_1_1_12_1_query_response_too_large_error", "size");
    }

    @Test
    void discoverVersions_withoutList_givesEveryVersionNewestFirst() throws IOException {
        for (ProtocolVersion v : List.of(ProtocolVersion.V1_1, V1_4, V2_0, ProtocolVersion.V2_1)) {
            DiscoverVersions.Response r = client.ok(v, DiscoverVersions.Request.of(), DiscoverVersions.Response.class);
            assertEquals(ProtocolVersion.SUPPORTED, r.protocolVersions());
        }
        DiscoverVersions.Response some = client.ok(V1_4, DiscoverVersions.Request.of(ProtocolVersion.V1_2,
                new ProtocolVersion(3, 0), ProtocolVersion.V2_0), DiscoverVersions.Response.class);
        assertEquals(List.of(ProtocolVersion.V2_0, ProtocolVersion.V1_2), some.protocolVersions());
        client.fails(ProtocolVersion.V1_0, DiscoverVersions.Request.of(), ResultReason.OPERATION_NOT_SUPPORTED);
    }

    @Test
    void query_listsWhatTheServerDoesForTheVersion() throws IOException {
        Query.Request all = Query.Request.of(QueryFunction.QUERY_OPERATIONS, QueryFunction.QUERY_OBJECTS,
                QueryFunction.QUERY_SERVER_INFORMATION);
        Query.Response v2 = client.ok(V2_0, all, Query.Response.class);
        assertTrue(v2.operations().containsAll(List.of(Operation.CREATE, Operation.REGISTER, Operation.REKEY,
                Operation.LOCATE, Operation.GET, Operation.GET_ATTRIBUTES, Operation.GET_ATTRIBUTE_LIST,
                Operation.ADD_ATTRIBUTE, Operation.MODIFY_ATTRIBUTE, Operation.DELETE_ATTRIBUTE, Operation.SET_ATTRIBUTE,
                Operation.ACTIVATE, Operation.REVOKE, Operation.DESTROY, Operation.QUERY, Operation.DISCOVER_VERSIONS,
                Operation.ENCRYPT, Operation.DECRYPT)));
        assertEquals(18, v2.operations().size());
        assertEquals(List.of(ObjectType.SYMMETRIC_KEY, ObjectType.SECRET_DATA, ObjectType.PRIVATE_KEY,
                ObjectType.CERTIFICATE), v2.objectTypes());
        assertEquals("kmip-jca development server", v2.vendorIdentification());
        assertEquals("kmip-jca development server", v2.serverInformation().child(Tag.SERVER_NAME).asText());
        assertTrue(v2.serverInformation().child(Tag.SERVER_VERSION) != null);
        Query.Response v12 = client.ok(V1_2, Query.Request.of(QueryFunction.QUERY_OPERATIONS), Query.Response.class);
        assertEquals(17, v12.operations().size(), "no Set Attribute before 2.0");
        assertTrue(v12.objectTypes().isEmpty());
        assertNull(v12.vendorIdentification());
        Query.Response v10 = client.ok(ProtocolVersion.V1_0, Query.Request.of(QueryFunction.QUERY_OPERATIONS),
                Query.Response.class);
        assertEquals(14, v10.operations().size(), "no Discover Versions, Encrypt, Decrypt, Set Attribute in 1.0");
    }

    @Test
    void newerMinorVersion_isAnsweredInTheNewestMinorOfItsMajor() throws IOException {
        ResponseMessage r = client.send(RequestMessage.single(new ProtocolVersion(1, 7),
                Query.Request.of(QueryFunction.QUERY_OBJECTS)));
        assertEquals(V1_4, r.version());
        assertTrue(r.batchItems().get(0).isSuccess());
        assertEquals(ProtocolVersion.V2_1, client.send(RequestMessage.single(new ProtocolVersion(2, 9),
                Query.Request.of(QueryFunction.QUERY_OBJECTS))).version());
    }

    @Test
    void unknownMajorVersion_isInvalidMessageWithoutOperation() throws IOException {
        byte[] request = Messages.encodeRequest(RequestMessage.single(V1_2, Query.Request.of())).encode();
        request[35] = 3;
        ResponseMessage r = TestClient.decode(client.sendRaw(request));
        assertEquals(ProtocolVersion.V1_0, r.version());
        ResponseBatchItem item = r.batchItems().get(0);
        assertNull(item.operation());
        assertEquals(ResultStatus.OPERATION_FAILED, item.resultStatus());
        assertEquals(ResultReason.INVALID_MESSAGE, item.resultReason());
        assertTrue(item.resultMessage().contains("3.2"), item.resultMessage());
    }

    @Test
    void malformedTtlv_isInvalidMessageNamingTheOffset_andTheConnectionStaysUsable() throws IOException {
        byte[] request = Messages.encodeRequest(RequestMessage.single(V1_4, Query.Request.of())).encode();
        request[request.length - 9] = 0x09;
        ResponseMessage r = TestClient.decode(client.sendRaw(request));
        assertEquals(V1_4, r.version(), "the version is read from the fixed header bytes");
        ResponseBatchItem item = r.batchItems().get(0);
        assertEquals(ResultReason.INVALID_MESSAGE, item.resultReason());
        assertTrue(item.resultMessage().startsWith("malformed TTLV at offset "), item.resultMessage());
        assertTrue(client.call(V1_4, Query.Request.of()).isSuccess());
    }

    @Test
    void wrongBatchCount_isInvalidMessageNamingTheField() throws IOException {
        byte[] request = Messages.encodeRequest(RequestMessage.single(V1_2, Query.Request.of())).encode();
        request[67] = 2;
        ResponseBatchItem item = TestClient.decode(client.sendRaw(request)).batchItems().get(0);
        assertEquals(ResultReason.INVALID_MESSAGE, item.resultReason());
        assertTrue(item.resultMessage().contains("Batch Count"), item.resultMessage());
    }

    @Test
    void unsupportedOperation_isOperationNotSupported() throws IOException {
        ResponseBatchItem item = client.call(V1_4, Operation.CHECK,
                new RawPayload(Ttlv.structure(Tag.REQUEST_PAYLOAD)));
        assertEquals(ResultReason.OPERATION_NOT_SUPPORTED, item.resultReason());
        assertEquals(Operation.CHECK, item.operation());
    }

    @Test
    void responseToAResponseMessage_isInvalidMessageThenClose() throws IOException {
        try (TestClient c = TestClient.connect(server)) {
            byte[] notRequest = Messages.encodeResponse(Messages.errorResponse(V1_2, ResultReason.GENERAL_FAILURE, "x"))
                    .encode();
            ResponseBatchItem item = TestClient.decode(c.sendRaw(notRequest)).batchItems().get(0);
            assertEquals(ResultReason.INVALID_MESSAGE, item.resultReason());
            assertTrue(item.resultMessage().contains("found tag 0x42007B"), item.resultMessage());
            assertNull(c.readFrame(), "the server closes the connection");
        }
    }

    @Test
    void oversizedFrame_isRefusedFromItsHeaderAlone() throws IOException {
        try (TestClient c = TestClient.connect(server)) {
            byte[] header = {0x42, 0x00, 0x78, 0x01, 0x01, 0x00, 0x00, 0x00};
            ResponseBatchItem item = TestClient.decode(c.sendRaw(header)).batchItems().get(0);
            assertEquals(ResultReason.INVALID_MESSAGE, item.resultReason());
            assertTrue(item.resultMessage().contains("16777224 bytes exceeds the limit of 16777216"), item.resultMessage());
            assertNull(c.readFrame(), "the server closes the connection without reading the body");
        }
    }

    @Test
    void itemsEchoUniqueBatchItemIdAndOperation() throws IOException {
        ResponseMessage r = client.send(RequestMessage.batch(V1_2, List.of(Query.Request.of(), Query.Request.of())));
        assertArrayEquals(new byte[] {0, 0, 0, 2}, r.batchItems().get(1).uniqueBatchItemId().toByteArray());
        assertEquals(Operation.QUERY, r.batchItems().get(1).operation());
        assertTrue(Arrays.stream(new int[] {0}).allMatch(i -> r.batchItems().get(i).isSuccess()));
    }
}
