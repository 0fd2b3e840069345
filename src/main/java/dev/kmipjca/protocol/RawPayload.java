package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Ttlv;
import java.util.Objects;

/**
 * The payload of an operation this package does not model (or of a response item without an
 * Operation), kept as its TTLV Structure so that a server can still answer "Operation Not Supported"
 * and the bytes re-encode unchanged.
 */
public record RawPayload(Ttlv item) implements RequestPayload, ResponsePayload {
    public RawPayload {
        Objects.requireNonNull(item, "item");
        if (!item.isStructure()) {
            throw new IllegalArgumentException("a payload is a Structure, not a " + item.type().displayName());
        }
    }
}
