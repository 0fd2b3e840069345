package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Ttlv;
import java.util.Objects;

/**
 * A managed object of a kind this package does not model (Public Key, Template, Opaque Object …),
 * kept as its TTLV item so that it re-encodes unchanged. Its tag tells its kind.
 */
public record RawObject(Ttlv item) implements ManagedObject {
    public RawObject {
        Objects.requireNonNull(item, "item");
        if (!ObjectCodec.isObjectTag(item.tag())) {
            throw new IllegalArgumentException(dev.kmipjca.ttlv.TagNames.describe(item.tag()) + " is not a managed object");
        }
    }

    @Override
    public ObjectType objectType() {
        return ObjectCodec.objectTypeOf(item.tag());
    }
}
