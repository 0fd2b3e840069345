package dev.kmipjca.server;

import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ResultReason;
import java.util.Objects;

/**
 * Faults the development server injects on purpose, for testing clients; all off by default
 * ({@link #NONE}). Build with {@link #builder()}; change a running server's with
 * {@link DevServer#faults(Faults)}.
 *
 * @param delayMillis        wait this long before sending each response (0: no delay)
 * @param dropAfterRequests  on each connection, answer this many requests, then close the connection
 *                           on receiving the next one without answering it (-1: never)
 * @param failOperation      answer batch items of this operation with {@link #failReason} instead of
 *                           performing them; null with a reason set means every operation
 * @param failReason         the Result Reason of injected failures (null: none)
 * @param stallHandshake     accept TCP connections but never answer the TLS handshake
 */
public record Faults(long delayMillis, int dropAfterRequests, Operation failOperation, ResultReason failReason,
                     boolean stallHandshake) {
    /** No faults. */
    public static final Faults NONE = new Faults(0, -1, null, null, false);

    public Faults {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("delayMillis must not be negative: " + delayMillis);
        }
        if (dropAfterRequests < -1) {
            throw new IllegalArgumentException("dropAfterRequests must be -1 (never) or at least 0: " + dropAfterRequests);
        }
        if (failOperation != null && failReason == null) {
            throw new IllegalArgumentException("failOperation " + failOperation + " needs a failReason");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when a batch item of {@code op} must fail with {@link #failReason}. */
    public boolean fails(Operation op) {
        return failReason != null && (failOperation == null || failOperation.equals(op));
    }

    /** Collects fault settings; every one starts off. */
    public static final class Builder {
        private long delayMillis;
        private int dropAfterRequests = -1;
        private Operation failOperation;
        private ResultReason failReason;
        private boolean stallHandshake;

        private Builder() {}

        public Builder delayMillis(long ms) {
            this.delayMillis = ms;
            return this;
        }

        public Builder dropAfterRequests(int n) {
            this.dropAfterRequests = n;
            return this;
        }

        /** Fail every batch item of {@code op} (null: of every operation) with {@code reason}. */
        public Builder fail(Operation op, ResultReason reason) {
            this.failOperation = op;
            this.failReason = Objects.requireNonNull(reason, "reason");
            return this;
        }

        public Builder stallHandshake(boolean stall) {
            this.stallHandshake = stall;
            return this;
        }

        public Faults build() {
            return new Faults(delayMillis, dropAfterRequests, failOperation, failReason, stallHandshake);
        }
    }
}
