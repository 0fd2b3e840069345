package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import dev.kmipjca.ttlv.Ttlv;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * One record component and how it maps to TTLV: its tags, the versions that have it, whether it is
 * required or repeated, and per major version a {@link Plan} (tag, mode, value codec).
 */
final class Slot {
    enum Mode {
        /** One item (or one per list element) under the plan's tag. */
        VALUE,
        /** An {@link Attributes} written as bare Attribute items (the 1.x form of Locate and friends). */
        BARE_ATTRIBUTES,
        /** A {@link ManagedObject}: its tag depends on the object. */
        OBJECT
    }

    record Plan(int tag, Mode mode, ValueCodec codec) {
        boolean matches(Ttlv item) {
            switch (mode) {
                case OBJECT:
                    return ObjectCodec.isObjectTag(item.tag());
                case BARE_ATTRIBUTES:
                    return item.tag() == Tag.ATTRIBUTE;
                default:
                    return item.tag() == tag;
            }
        }
    }

    final String name;
    final Method accessor;
    final boolean list;
    final boolean required;
    /** An Attributes component in the bare-1.x form: empty means absent (unless required in 2.x). */
    final boolean bareStyle;
    private final ProtocolVersion since;
    private final ProtocolVersion removedIn;
    private final Plan plan1;
    private final Plan plan2;

    Slot(RecordComponent c, TtlvField f) {
        this.name = c.getName();
        this.accessor = c.getAccessor();
        this.list = c.getType() == List.class;
        Class<?> element = list
                ? (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0]
                : c.getType();
        this.required = f.required() || c.getType().isPrimitive();
        this.since = ProtocolVersion.parse(f.since());
        this.removedIn = f.removedIn().isEmpty() ? null : ProtocolVersion.parse(f.removedIn());
        this.plan1 = plan(element, f.value());
        this.plan2 = plan(element, f.v2() != 0 ? f.v2() : f.value());
        this.bareStyle = element == Attributes.class && f.value() == Tag.ATTRIBUTE;
    }

    boolean applies(ProtocolVersion v) {
        return v.isAtLeast(since) && (removedIn == null || v.isBefore(removedIn));
    }

    Plan plan(ProtocolVersion v) {
        return v.isKmip2() ? plan2 : plan1;
    }

    /** True when the component holds a value that would be written. */
    boolean isPresent(Object value) {
        if (value == null) {
            return false;
        } else if (value instanceof List) {
            return !((List<?>) value).isEmpty();
        } else if (bareStyle) {
            return !((Attributes) value).isEmpty();
        }
        return true;
    }

    private static Plan plan(Class<?> element, int tag) {
        if (element == ManagedObject.class) {
            return new Plan(tag, Mode.OBJECT, ObjectCodec.INSTANCE);
        }
        if (element == Attributes.class) {
            switch (tag) {
                case Tag.ATTRIBUTE: return new Plan(tag, Mode.BARE_ATTRIBUTES, AttributeCodec.V1);
                case Tag.TEMPLATE_ATTRIBUTE: return new Plan(tag, Mode.VALUE, AttributeCodec.TEMPLATE_ATTRIBUTE);
                case Tag.ATTRIBUTES: return new Plan(tag, Mode.VALUE, AttributeCodec.ATTRIBUTES);
                default: throw new IllegalStateException("Attributes under tag " + Integer.toHexString(tag));
            }
        }
        if (element == Attribute.class) {
            return new Plan(tag, Mode.VALUE, tag == Tag.ATTRIBUTE ? AttributeCodec.V1 : AttributeCodec.WRAPPED);
        }
        if (element == String.class && tag == Tag.ATTRIBUTE_REFERENCE) {
            return new Plan(tag, Mode.VALUE, AttributeCodec.REFERENCE);
        }
        return new Plan(tag, Mode.VALUE, ValueCodecs.forType(element));
    }
}
