package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.ItemType;
import dev.kmipjca.ttlv.TagNames;
import dev.kmipjca.ttlv.Ttlv;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The codecs for field values, chosen by Java type: the primitive item types, enumerations, the
 * polymorphic Unique Identifier, batch item payloads, raw items and nested records.
 */
final class ValueCodecs {
    private ValueCodecs() {}

    static final ValueCodec INTEGER = scalar(ItemType.INTEGER, "an Integer", Ttlv::asInt, (t, v) -> Ttlv.integer(t, (Integer) v));
    static final ValueCodec LONG = scalar(ItemType.LONG_INTEGER, "a Long Integer", Ttlv::asLong,
            (t, v) -> Ttlv.longInteger(t, (Long) v));
    static final ValueCodec BIG_INTEGER = scalar(ItemType.BIG_INTEGER, "a Big Integer", Ttlv::asBigInteger,
            (t, v) -> Ttlv.bigInteger(t, (BigInteger) v));
    static final ValueCodec BOOLEAN = scalar(ItemType.BOOLEAN, "a Boolean", Ttlv::asBoolean, (t, v) -> Ttlv.bool(t, (Boolean) v));
    static final ValueCodec TEXT = scalar(ItemType.TEXT_STRING, "a Text String", Ttlv::asText, (t, v) -> Ttlv.text(t, (String) v));
    static final ValueCodec BYTES = scalar(ItemType.BYTE_STRING, "a Byte String", i -> Bytes.wrap(i.asBytes()),
            (t, v) -> Ttlv.bytes(t, ((Bytes) v).unsafeArray()));
    static final ValueCodec INTERVAL = scalar(ItemType.INTERVAL, "an Interval", i -> Duration.ofSeconds(i.asInterval()),
            (t, v) -> Ttlv.interval(t, ((Duration) v).getSeconds()));

    /** Date-Time; Date-Time Extended is accepted from KMIP 2.0 (and re-encoded as Date-Time). */
    static final ValueCodec DATE_TIME = new ValueCodec() {
        @Override
        public boolean accepts(ItemType type, ProtocolVersion v) {
            return type == ItemType.DATE_TIME || (type == ItemType.DATE_TIME_EXTENDED && v.isKmip2());
        }

        @Override
        public String expected() {
            return "a Date-Time";
        }

        @Override
        public Ttlv encode(int tag, Object value, ProtocolVersion v) {
            return Ttlv.dateTime(tag, (Instant) value);
        }

        @Override
        public Object decode(Ttlv item, ProtocolVersion v) {
            return item.asInstant();
        }
    };

    /** A raw item of any type, kept as it is; re-encoded under the field's tag. */
    static final ValueCodec RAW = new ValueCodec() {
        @Override
        public boolean accepts(ItemType type, ProtocolVersion v) {
            return true;
        }

        @Override
        public String expected() {
            return "any item";
        }

        @Override
        public Ttlv encode(int tag, Object value, ProtocolVersion v) {
            return RawValues.retag((Ttlv) value, tag);
        }

        @Override
        public Object decode(Ttlv item, ProtocolVersion v) {
            return item;
        }
    };

    /** Unique Identifier: Text String; in 2.x also an Enumeration placeholder or an Integer index. */
    static final ValueCodec UNIQUE_ID = new ValueCodec() {
        @Override
        public boolean accepts(ItemType type, ProtocolVersion v) {
            return type == ItemType.TEXT_STRING || (v.isKmip2() && (type == ItemType.ENUMERATION || type == ItemType.INTEGER));
        }

        @Override
        public String expected() {
            return "a Text String (or, in KMIP 2.x, an Enumeration or Integer)";
        }

        @Override
        public Ttlv encode(int tag, Object value, ProtocolVersion v) {
            UniqueId id = (UniqueId) value;
            if (id.isText()) {
                return Ttlv.text(tag, id.text());
            }
            if (!v.isKmip2()) {
                throw new IllegalArgumentException("Unique Identifier " + id + " needs KMIP 2.0 or later, not " + v);
            }
            return id.placeholder() != null ? Ttlv.enumeration(tag, id.placeholder().value()) : Ttlv.integer(tag, id.index());
        }

        @Override
        public Object decode(Ttlv item, ProtocolVersion v) {
            switch (item.type()) {
                case TEXT_STRING:
                    return UniqueId.of(item.asText());
                case ENUMERATION:
                    return UniqueId.placeholder(UniqueIdentifierPlaceholder.of(item.asEnum()));
                default:
                    return UniqueId.index(item.asInt());
            }
        }
    };

    /**
     * A batch item's payload: typed payloads are encoded by their record; decoding yields a
     * {@link RawPayload}, which the message codec then decodes by the item's Operation.
     */
    static final ValueCodec PAYLOAD = new ValueCodec() {
        @Override
        public boolean accepts(ItemType type, ProtocolVersion v) {
            return type == ItemType.STRUCTURE;
        }

        @Override
        public String expected() {
            return "a Structure";
        }

        @Override
        public Ttlv encode(int tag, Object value, ProtocolVersion v) {
            return Payloads.encode(value, tag, v);
        }

        @Override
        public Object decode(Ttlv item, ProtocolVersion v) {
            return new RawPayload(item);
        }
    };

    private static final ClassValue<ValueCodec> BY_TYPE = new ClassValue<>() {
        @Override
        protected ValueCodec computeValue(Class<?> type) {
            return create(type);
        }
    };

    /** The codec for values of this Java type. */
    static ValueCodec forType(Class<?> type) {
        return BY_TYPE.get(type);
    }

    private static ValueCodec create(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return INTEGER;
        } else if (type == Long.class || type == long.class) {
            return LONG;
        } else if (type == BigInteger.class) {
            return BIG_INTEGER;
        } else if (type == Boolean.class || type == boolean.class) {
            return BOOLEAN;
        } else if (type == String.class) {
            return TEXT;
        } else if (type == Bytes.class) {
            return BYTES;
        } else if (type == Instant.class) {
            return DATE_TIME;
        } else if (type == Duration.class) {
            return INTERVAL;
        } else if (type == UniqueId.class) {
            return UNIQUE_ID;
        } else if (type == Ttlv.class) {
            return RAW;
        } else if (KmipEnum.class.isAssignableFrom(type)) {
            return enumeration(type);
        } else if (type.isRecord()) {
            return RecordCodec.valueCodec(type.asSubclass(Record.class));
        } else if (type == ManagedObject.class) {
            return ObjectCodec.INSTANCE;
        } else if (type == RequestPayload.class || type == ResponsePayload.class) {
            return PAYLOAD;
        }
        throw new IllegalStateException("no TTLV codec for " + type.getName());
    }

    private static ValueCodec scalar(ItemType type, String expected, Function<Ttlv, Object> decode,
            BiFunction<Integer, Object, Ttlv> encode) {
        return new ValueCodec() {
            @Override
            public boolean accepts(ItemType t, ProtocolVersion v) {
                return t == type;
            }

            @Override
            public String expected() {
                return expected;
            }

            @Override
            public Ttlv encode(int tag, Object value, ProtocolVersion v) {
                return encode.apply(tag, value);
            }

            @Override
            public Object decode(Ttlv item, ProtocolVersion v) {
                return decode.apply(item);
            }
        };
    }

    private static ValueCodec enumeration(Class<?> type) {
        Method of;
        try {
            of = type.getMethod("of", int.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " has no static of(int)", e);
        }
        return new ValueCodec() {
            @Override
            public boolean accepts(ItemType t, ProtocolVersion v) {
                return t == ItemType.ENUMERATION;
            }

            @Override
            public String expected() {
                return "an Enumeration";
            }

            @Override
            public Ttlv encode(int tag, Object value, ProtocolVersion v) {
                return Ttlv.enumeration(tag, ((KmipEnum) value).value());
            }

            @Override
            public Object decode(Ttlv item, ProtocolVersion v) {
                try {
                    return of.invoke(null, item.asEnum());
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot decode " + TagNames.describe(item.tag()), e);
                }
            }
        };
    }
}
