package dev.kmipjca.client;

import dev.kmipjca.config.ServerAddress;
import dev.kmipjca.protocol.ProtocolVersion;
import java.util.List;

/**
 * The results of a {@link Batch}, one per item in the order they were added, and the server and
 * version that answered.
 */
public record BatchResult(ServerAddress server, ProtocolVersion protocolVersion, List<BatchItemResult> items) {
    public BatchResult {
        items = List.copyOf(items);
    }

    public BatchItemResult item(int index) {
        return items.get(index);
    }

    /** Whether every item succeeded. */
    public boolean allSucceeded() {
        return items.stream().allMatch(BatchItemResult::isSuccess);
    }
}
