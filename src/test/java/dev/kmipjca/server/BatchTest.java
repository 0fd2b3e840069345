package dev.kmipjca.server;

import static dev.kmipjca.server.Kmip.KEK_MASK;
import static dev.kmipjca.server.Kmip.V1_2;
import static dev.kmipjca.server.Kmip.V1_4;
import static dev.kmipjca.server.Kmip.V2_0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.protocol.Activate;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.BatchErrorContinuationOption;
import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.Create;
import dev.kmipjca.protocol.Get;
import dev.kmipjca.protocol.GetAttributes;
import dev.kmipjca.protocol.Messages;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.Query;
import dev.kmipjca.protocol.QueryFunction;
import dev.kmipjca.protocol.RequestMessage;
import dev.kmipjca.protocol.ResponseBatchItem;
import dev.kmipjca.protocol.ResponseMessage;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.State;
import dev.kmipjca.protocol.UniqueId;
import dev.kmipjca.protocol.UniqueIdentifierPlaceholder;
import dev.kmipjca.ttlv.Tag;
import dev.kmipjca.ttlv.Ttlv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Batches: the per-batch ID Placeholder, Batch Error Continuation Option, per-item errors, Maximum Response Size. */
class BatchTest {
    @TempDir
    static Path dir;
    static DevServer server;
    static TestClient client;
    static final List<ProtocolVersion> VERSIONS = Kmip.VERSIONS;

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

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void createGetAttributesActivate_withoutIdentifiers_useTheBatchPlaceholder(ProtocolVersion v) throws IOException {
        ResponseMessage r = client.send(RequestMessage.batch(v, List.of(Kmip.aes(256, KEK_MASK, (String) null),
                new GetAttributes.Request(null, List.of("State")), new Activate.Request(null))));
        assertEquals(3, r.batchItems().size());
        r.batchItems().forEach(i -> assertTrue(i.isSuccess(), i.resultReason() + ": " + i.resultMessage()));
        String uid = ((Create.Response) r.batchItems().get(0).payload()).uniqueIdentifier().text();
        GetAttributes.Response ga = (GetAttributes.Response) r.batchItems().get(1).payload();
        assertEquals(uid, ga.uniqueIdentifier().text());
        assertEquals(State.PRE_ACTIVE, ga.attributes().get(AttributeKey.STATE));
        assertEquals(uid, ((Activate.Response) r.batchItems().get(2).payload()).uniqueIdentifier().text());
        assertEquals(State.ACTIVE, Kmip.state(client, v, uid));
        for (int i = 0; i < 3; i++) {
            assertEquals(id(i + 1), r.batchItems().get(i).uniqueBatchItemId(), "echoed Unique Batch Item ID");
        }
    }

    /** The Unique Batch Item ID RequestMessage.batch gives item n: n as 4 bytes. */
    static Bytes id(int n) {
        return Bytes.of(java.nio.ByteBuffer.allocate(4).putInt(n).array());
    }

    @Test
    void placeholderEnumeration_v2_namesTheCreateOfThisBatch() throws IOException {
        ResponseMessage r = client.send(RequestMessage.batch(V2_0, List.of(Kmip.aes(128, KEK_MASK, (String) null),
                new Activate.Request(UniqueId.placeholder(UniqueIdentifierPlaceholder.CREATE)),
                new GetAttributes.Request(UniqueId.placeholder(UniqueIdentifierPlaceholder.ID_PLACEHOLDER), List.of("State")))));
        r.batchItems().forEach(i -> assertTrue(i.isSuccess(), i.resultReason() + ": " + i.resultMessage()));
        assertEquals(State.ACTIVE, ((GetAttributes.Response) r.batchItems().get(2).payload()).attributes()
                .get(AttributeKey.STATE));
        ResponseBatchItem indexed = client.call(V2_0, new Get.Request(UniqueId.index(0), null, null, null, null));
        assertEquals(ResultReason.INVALID_FIELD, indexed.resultReason());
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void placeholder_isPerBatchNotGlobal(ProtocolVersion v) throws IOException {
        Kmip.create(client, v, 128, KEK_MASK);
        ResponseBatchItem r = client.call(v, new Activate.Request(null));
        assertEquals(ResultReason.MISSING_DATA, r.resultReason(), r.resultMessage());
        assertTrue(r.resultMessage().contains("no earlier item"));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void failedItem_stopsTheBatchByDefault(ProtocolVersion v) throws IOException {
        ResponseMessage r = client.send(RequestMessage.batch(v, List.of(Get.Request.of("nope"),
                Kmip.aes(128, KEK_MASK, (String) null))));
        assertEquals(1, r.batchItems().size(), "the item after the failure is not performed");
        assertEquals(ResultReason.ITEM_NOT_FOUND, r.batchItems().get(0).resultReason());
        assertEquals(Operation.GET, r.batchItems().get(0).operation());
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void failedItem_withContinue_letsTheRestRun(ProtocolVersion v) throws IOException {
        RequestMessage m = RequestMessage.builder(v).batchErrorContinuationOption(BatchErrorContinuationOption.CONTINUE)
                .add(Get.Request.of("nope")).add(Kmip.aes(128, KEK_MASK, (String) null)).build();
        ResponseMessage r = client.send(m);
        assertEquals(2, r.batchItems().size());
        assertFalse(r.batchItems().get(0).isSuccess());
        assertTrue(r.batchItems().get(1).isSuccess());
    }

    @Test
    void undo_isRefusedForTheWholeMessage() throws IOException {
        RequestMessage m = RequestMessage.builder(V1_4).batchErrorContinuationOption(BatchErrorContinuationOption.UNDO)
                .add(Kmip.aes(128, KEK_MASK, (String) null)).add(Kmip.aes(128, KEK_MASK, (String) null)).build();
        ResponseMessage r = client.send(m);
        assertEquals(1, r.batchItems().size());
        assertNull(r.batchItems().get(0).operation());
        assertEquals(ResultReason.FEATURE_NOT_SUPPORTED, r.batchItems().get(0).resultReason());
    }

    @Test
    void undecodableItem_failsAloneWithTheDecodersReason() throws IOException {
        RequestMessage cont = RequestMessage.builder(V1_4).batchErrorContinuationOption(BatchErrorContinuationOption.CONTINUE)
                .add(Query.Request.of(QueryFunction.QUERY_OPERATIONS)).add(Query.Request.of(QueryFunction.QUERY_OBJECTS)).build();
        List<Ttlv> contParts = new ArrayList<>(Messages.encodeRequest(cont).children());
        List<Ttlv> fields = new ArrayList<>();
        for (Ttlv f : contParts.get(2).children()) {
            fields.add(f.tag() == Tag.REQUEST_PAYLOAD
                    ? Ttlv.structure(Tag.REQUEST_PAYLOAD, Ttlv.text(Tag.QUERY_FUNCTION, "not an enumeration")) : f);
        }
        contParts.set(2, Ttlv.structure(Tag.BATCH_ITEM, fields));
        ResponseMessage r = TestClient.decode(client.sendRaw(Ttlv.structure(Tag.REQUEST_MESSAGE, contParts).encode()));
        assertEquals(2, r.batchItems().size());
        assertTrue(r.batchItems().get(0).isSuccess());
        ResponseBatchItem bad = r.batchItems().get(1);
        assertEquals(Operation.QUERY, bad.operation());
        assertEquals(id(2), bad.uniqueBatchItemId());
        assertEquals(ResultReason.INVALID_FIELD, bad.resultReason());
        assertTrue(bad.resultMessage().contains("Query Function"), bad.resultMessage());
    }

    @Test
    void maximumResponseSize_tooSmall_isResponseTooLarge() throws IOException {
        RequestMessage m = RequestMessage.builder(V1_2).maximumResponseSize(64)
                .add(Query.Request.of(QueryFunction.QUERY_OPERATIONS, QueryFunction.QUERY_OBJECTS)).build();
        ResponseBatchItem r = client.send(m).batchItems().get(0);
        assertEquals(ResultReason.RESPONSE_TOO_LARGE, r.resultReason());
        assertTrue(r.resultMessage().contains("Maximum Response Size indicated in request: 64"), r.resultMessage());
        RequestMessage ok = RequestMessage.builder(V1_2).maximumResponseSize(4096)
                .add(Query.Request.of(QueryFunction.QUERY_OPERATIONS)).build();
        assertTrue(client.send(ok).batchItems().get(0).isSuccess());
    }
}
