package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;

/** A Symmetric Key object. */
public record SymmetricKey(@TtlvField(value = Tag.KEY_BLOCK, required = true) KeyBlock keyBlock) implements ManagedObject {
    @Override
    public ObjectType objectType() {
        return ObjectType.SYMMETRIC_KEY;
    }
}
