package dev.kmipjca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.CryptographicUsageMask;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.transport.OutcomeUnknownException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotencyTest {
    @TempDir
    Path dir;

    @Test
    void table_readsAndComputesAreRepeatable_stateChangesAreNot() {
        for (Operation op : List.of(Operation.GET, Operation.GET_ATTRIBUTES, Operation.GET_ATTRIBUTE_LIST,
                Operation.LOCATE, Operation.QUERY, Operation.DISCOVER_VERSIONS, Operation.ENCRYPT, Operation.DECRYPT)) {
            assertTrue(Idempotency.isIdempotent(op), op.toString());
        }
        for (Operation op : List.of(Operation.CREATE, Operation.REGISTER, Operation.REKEY, Operation.ACTIVATE,
                Operation.REVOKE, Operation.DESTROY, Operation.ADD_ATTRIBUTE, Operation.MODIFY_ATTRIBUTE,
                Operation.DELETE_ATTRIBUTE, Operation.SET_ATTRIBUTE, Operation.CREATE_KEY_PAIR)) {
            assertFalse(Idempotency.isIdempotent(op), op.toString());
        }
    }

    @Test
    void afterTheRequestWasSent_getMovesToTheNextServer_butCreateIsNotRepeated() throws Exception {
        try (FakeKmipServer other = new FakeKmipServer(new FakeKmip());
             FakeKmipServer dropping = new FakeKmipServer(new FakeKmip())) {
            dropping.dropAfterRequest = true;
            var settings = dropping.settings(dir).serverName("127.0.0.1:" + dropping.port() + ",127.0.0.1:" + other.port())
                    .protocolVersionMin("2.0").protocolVersionMax("2.0").serverCooldownSeconds(0).build();
            try (KmipClient client = KmipClient.open(settings, null)) {
                client.get("1").close();
                assertEquals(List.of("Get"), dropping.operations());
                assertEquals(List.of("Get"), other.operations(), "Get was repeated on the next server");

                OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, () -> client.create(
                        CryptographicAlgorithm.AES, 256, ObjectSpec.of("k", CryptographicUsageMask.ENCRYPT)));

                assertTrue(e.getMessage().contains("it may or may not have been carried out"), e.getMessage());
                assertEquals(List.of("Get", "Create"), dropping.operations());
                assertEquals(List.of("Get"), other.operations(), "Create was not repeated");
            }
        }
    }
}
