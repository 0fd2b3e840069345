package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.ItemType;
import dev.kmipjca.ttlv.Ttlv;
import java.util.Arrays;

/**
 * Values this package does not model by type: the values of unknown and custom attributes (primitive
 * items become Java values, Enumerations and Structures stay raw) and raw items moved to another tag.
 */
final class RawValues {
    private RawValues() {}

    /** Encodes a value of an attribute this package does not model, by its Java type. */
    static Ttlv encodeAny(int tag, Object value, ProtocolVersion v) {
        ValueCodec codec;
        try {
            codec = ValueCodecs.forType(value.getClass());
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("cannot encode an attribute value of type " + value.getClass().getName(), e);
        }
        return codec.encode(tag, value, v);
    }

    /** Decodes a value of an attribute this package does not model: primitives to Java values, the rest raw. */
    static Object decodeAny(Ttlv item, ProtocolVersion v) throws KmipProtocolException {
        switch (item.type()) {
            case INTEGER:
            case LONG_INTEGER:
            case BIG_INTEGER:
            case BOOLEAN:
            case TEXT_STRING:
            case BYTE_STRING:
            case DATE_TIME:
            case INTERVAL:
                return scalarFor(item.type()).decode(item, v);
            default:
                return item;
        }
    }

    private static ValueCodec scalarFor(ItemType type) {
        switch (type) {
            case INTEGER: return ValueCodecs.INTEGER;
            case LONG_INTEGER: return ValueCodecs.LONG;
            case BIG_INTEGER: return ValueCodecs.BIG_INTEGER;
            case BOOLEAN: return ValueCodecs.BOOLEAN;
            case TEXT_STRING: return ValueCodecs.TEXT;
            case BYTE_STRING: return ValueCodecs.BYTES;
            case DATE_TIME: return ValueCodecs.DATE_TIME;
            default: return ValueCodecs.INTERVAL;
        }
    }

    /** The same item under another tag (a raw value moving between Attribute Value and its own tag). */
    static Ttlv retag(Ttlv item, int tag) {
        if (item.tag() == tag) {
            return item;
        }
        switch (item.type()) {
            case STRUCTURE: return Ttlv.structure(tag, item.children());
            case INTEGER: return Ttlv.integer(tag, item.asInt());
            case LONG_INTEGER: return Ttlv.longInteger(tag, item.asLong());
            case BIG_INTEGER: return Ttlv.bigInteger(tag, item.asBigInteger());
            case ENUMERATION: return Ttlv.enumeration(tag, item.asEnum());
            case BOOLEAN: return Ttlv.bool(tag, item.asBoolean());
            case TEXT_STRING: return Ttlv.text(tag, item.asText());
            case BYTE_STRING: {
                byte[] b = item.asBytes();
                try {
                    return Ttlv.bytes(tag, b);
                } finally {
                    Arrays.fill(b, (byte) 0);
                }
            }
            case DATE_TIME: return Ttlv.dateTime(tag, item.asInstant());
            case INTERVAL: return Ttlv.interval(tag, item.asInterval());
            default: return Ttlv.dateTimeExtended(tag, item.asInstant());
        }
    }
}
