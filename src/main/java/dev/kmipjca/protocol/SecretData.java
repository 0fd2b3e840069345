package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;

/** A Secret Data object: Secret Data Type (Password, Seed) and a Key Block. */
public record SecretData(
        @TtlvField(value = Tag.SECRET_DATA_TYPE, required = true) SecretDataType secretDataType,
        @TtlvField(value = Tag.KEY_BLOCK, required = true) KeyBlock keyBlock) implements ManagedObject {
    @Override
    public ObjectType objectType() {
        return ObjectType.SECRET_DATA;
    }
}
