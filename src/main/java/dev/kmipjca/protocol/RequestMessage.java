package dev.kmipjca.protocol;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Request Message: header and one or more batch items. Build one with {@link #single},
 * {@link #batch} or {@link #builder}; encode it with {@link Messages#encodeRequest}.
 */
public record RequestMessage(RequestHeader header, List<RequestBatchItem> batchItems) {

    public RequestMessage {
        Objects.requireNonNull(header, "header");
        batchItems = List.copyOf(batchItems);
        if (batchItems.isEmpty()) {
            throw new IllegalArgumentException("a request holds at least one batch item");
        }
    }

    public ProtocolVersion version() {
        return header.protocolVersion();
    }

    /** One item without Unique Batch Item ID; the operation comes from the payload's type. */
    public static RequestMessage single(ProtocolVersion version, RequestPayload payload) {
        return builder(version).add(payload).build();
    }

    public static RequestMessage single(ProtocolVersion version, Operation operation, RequestPayload payload) {
        return builder(version).add(operation, payload).build();
    }

    /** Several items, Unique Batch Item IDs 1, 2, 3 … (4 bytes each), Batch Order Option true. */
    public static RequestMessage batch(ProtocolVersion version, List<? extends RequestPayload> payloads) {
        Builder b = builder(version).batchOrderOption(true);
        for (RequestPayload p : payloads) {
            b.add(p);
        }
        return b.build();
    }

    public static Builder builder(ProtocolVersion version) {
        return new Builder(version);
    }

    /** Collects header fields and items; assigns Unique Batch Item IDs when there are several items. */
    public static final class Builder {
        private final ProtocolVersion version;
        private final List<RequestBatchItem> items = new ArrayList<>();
        private Integer maximumResponseSize;
        private String clientCorrelationValue;
        private Authentication authentication;
        private BatchErrorContinuationOption batchErrorContinuationOption;
        private Boolean batchOrderOption;
        private Instant timeStamp;

        private Builder(ProtocolVersion version) {
            this.version = Objects.requireNonNull(version, "version");
        }

        public Builder maximumResponseSize(Integer bytes) {
            this.maximumResponseSize = bytes;
            return this;
        }

        /** KMIP 1.4 and later. */
        public Builder clientCorrelationValue(String value) {
            this.clientCorrelationValue = value;
            return this;
        }

        public Builder authentication(Authentication value) {
            this.authentication = value;
            return this;
        }

        public Builder batchErrorContinuationOption(BatchErrorContinuationOption value) {
            this.batchErrorContinuationOption = value;
            return this;
        }

        public Builder batchOrderOption(Boolean value) {
            this.batchOrderOption = value;
            return this;
        }

        public Builder timeStamp(Instant value) {
            this.timeStamp = value;
            return this;
        }

        public Builder add(RequestPayload payload) {
            return add(RequestBatchItem.of(payload));
        }

        public Builder add(Operation operation, RequestPayload payload) {
            return add(RequestBatchItem.of(operation, payload));
        }

        public Builder add(RequestBatchItem item) {
            items.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        public RequestMessage build() {
            RequestHeader header = new RequestHeader(version, maximumResponseSize, clientCorrelationValue, null, null,
                    null, null, null, authentication, batchErrorContinuationOption, batchOrderOption, timeStamp, null);
            List<RequestBatchItem> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                RequestBatchItem item = items.get(i);
                if (items.size() > 1 && item.uniqueBatchItemId() == null) {
                    item = item.withId(Bytes.wrap(ByteBuffer.allocate(4).putInt(i + 1).array()));
                }
                out.add(item);
            }
            return new RequestMessage(header, out);
        }
    }
}
