package dev.kmipjca.client;

import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.RequestBatchItem;
import dev.kmipjca.protocol.RequestMessage;
import java.util.Set;

/**
 * Which operations may be sent again, on the same or the next server, after a connection failed with
 * the request already written. Reading and computing operations may; operations that change the
 * server's state (Create, Register, Re-key, Activate, Revoke, Destroy, attribute changes) and
 * everything not listed here may not: their outcome is then unknown
 * ({@code OutcomeUnknownException}). A batch is repeatable only when every item is.
 */
final class Idempotency {
    private static final Set<Operation> REPEATABLE = Set.of(Operation.GET, Operation.GET_ATTRIBUTES,
            Operation.GET_ATTRIBUTE_LIST, Operation.LOCATE, Operation.QUERY, Operation.DISCOVER_VERSIONS,
            Operation.ENCRYPT, Operation.DECRYPT);

    private Idempotency() {}

    static boolean isIdempotent(Operation operation) {
        return REPEATABLE.contains(operation);
    }

    static boolean isIdempotent(RequestMessage message) {
        for (RequestBatchItem item : message.batchItems()) {
            if (!isIdempotent(item.operation())) {
                return false;
            }
        }
        return true;
    }
}
