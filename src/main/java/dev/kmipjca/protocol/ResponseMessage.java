package dev.kmipjca.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A Response Message: header and one or more batch items. */
public record ResponseMessage(ResponseHeader header, List<ResponseBatchItem> batchItems) {

    public ResponseMessage {
        Objects.requireNonNull(header, "header");
        batchItems = List.copyOf(batchItems);
        if (batchItems.isEmpty()) {
            throw new IllegalArgumentException("a response holds at least one batch item");
        }
    }

    /** A response with a header of this version and time stamp. */
    public static ResponseMessage of(ProtocolVersion version, Instant timeStamp, List<ResponseBatchItem> items) {
        return new ResponseMessage(ResponseHeader.of(version, timeStamp), items);
    }

    public ProtocolVersion version() {
        return header.protocolVersion();
    }

    /** The item whose Unique Batch Item ID is {@code id}, or null. */
    public ResponseBatchItem item(Bytes id) {
        for (ResponseBatchItem item : batchItems) {
            if (Objects.equals(item.uniqueBatchItemId(), id)) {
                return item;
            }
        }
        return null;
    }
}
