package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.ItemType;
import dev.kmipjca.ttlv.Tag;
import dev.kmipjca.ttlv.Ttlv;
import java.util.Map;

/**
 * Encodes and decodes a {@link ManagedObject}: the object's tag tells its kind (Symmetric Key
 * 0x42008F …); the four modelled kinds go through {@link RecordCodec}, the rest stay raw.
 */
final class ObjectCodec implements ValueCodec {
    static final ObjectCodec INSTANCE = new ObjectCodec();

    /** Object tag to Object Type value, for every managed object of KMIP 1.0 to 2.1. */
    private static final Map<Integer, Integer> TYPES = Map.of(
            Tag.CERTIFICATE, 1, Tag.SYMMETRIC_KEY, 2, Tag.PUBLIC_KEY, 3, Tag.PRIVATE_KEY, 4, Tag.SPLIT_KEY, 5,
            Tag.TEMPLATE, 6, Tag.SECRET_DATA, 7, Tag.OPAQUE_OBJECT, 8, Tag.PGP_KEY, 9, Tag.CERTIFICATE_REQUEST, 10);

    private ObjectCodec() {}

    static boolean isObjectTag(int tag) {
        return TYPES.containsKey(tag);
    }

    static ObjectType objectTypeOf(int tag) {
        return ObjectType.of(TYPES.get(tag));
    }

    @Override
    public boolean accepts(ItemType type, ProtocolVersion v) {
        return type == ItemType.STRUCTURE;
    }

    @Override
    public String expected() {
        return "a Structure";
    }

    /** The tag argument is ignored: the object's kind gives its tag. */
    @Override
    public Ttlv encode(int ignored, Object value, ProtocolVersion v) {
        if (value instanceof RawObject) {
            return ((RawObject) value).item();
        } else if (value instanceof SymmetricKey) {
            return RecordCodec.encode((Record) value, Tag.SYMMETRIC_KEY, v);
        } else if (value instanceof SecretData) {
            return RecordCodec.encode((Record) value, Tag.SECRET_DATA, v);
        } else if (value instanceof PrivateKey) {
            return RecordCodec.encode((Record) value, Tag.PRIVATE_KEY, v);
        }
        return RecordCodec.encode((Certificate) value, Tag.CERTIFICATE, v);
    }

    @Override
    public Object decode(Ttlv item, ProtocolVersion v) throws KmipProtocolException {
        switch (item.tag()) {
            case Tag.SYMMETRIC_KEY:
                return RecordCodec.decode(SymmetricKey.class, item, v);
            case Tag.SECRET_DATA:
                return RecordCodec.decode(SecretData.class, item, v);
            case Tag.PRIVATE_KEY:
                return RecordCodec.decode(PrivateKey.class, item, v);
            case Tag.CERTIFICATE:
                return RecordCodec.decode(Certificate.class, item, v);
            default:
                return new RawObject(item);
        }
    }
}
