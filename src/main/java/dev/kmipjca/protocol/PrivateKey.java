package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;

/** A Private Key object (this provider registers them as PKCS#8 Key Blocks). */
public record PrivateKey(@TtlvField(value = Tag.KEY_BLOCK, required = true) KeyBlock keyBlock) implements ManagedObject {
    @Override
    public ObjectType objectType() {
        return ObjectType.PRIVATE_KEY;
    }
}
