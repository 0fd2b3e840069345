package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.ItemType;
import dev.kmipjca.ttlv.TagNames;
import dev.kmipjca.ttlv.Ttlv;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The generic encoder and decoder of annotated records (see {@code package-info.java}). The shape of
 * each record type (its slots and canonical constructor) is computed once and cached.
 */
final class RecordCodec {
    private RecordCodec() {}

    /** A record type's slots, in declaration order, and how to construct it. */
    private static final class Shape {
        final String name;
        final List<Slot> slots = new ArrayList<>();
        final Constructor<?> constructor;
        /** Index of the {@code @Extensions List<Ttlv>} component, or -1. */
        final int extensions;
        final java.lang.reflect.Method extensionsAccessor;

        Shape(Class<?> type) {
            RecordComponent[] comps = type.getRecordComponents();
            Class<?>[] types = new Class<?>[comps.length];
            int ext = -1;
            for (int i = 0; i < comps.length; i++) {
                types[i] = comps[i].getType();
                TtlvField f = comps[i].getAnnotation(TtlvField.class);
                if (comps[i].isAnnotationPresent(TtlvField.Extensions.class)) {
                    if (i != comps.length - 1 || comps[i].getType() != List.class) {
                        throw new IllegalStateException(type.getName() + ": @Extensions must be the last, a List<Ttlv>");
                    }
                    ext = i;
                } else if (f == null) {
                    throw new IllegalStateException(type.getName() + "." + comps[i].getName() + " has no @TtlvField");
                } else {
                    slots.add(new Slot(comps[i], f));
                }
            }
            this.extensions = ext;
            this.extensionsAccessor = ext >= 0 ? comps[ext].getAccessor() : null;
            this.name = displayName(type);
            try {
                this.constructor = type.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
            }
        }
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return new Shape(type);
        }
    };

    /** A codec for a record used as a field value (the shape is looked up on first use). */
    static ValueCodec valueCodec(Class<? extends Record> type) {
        return new ValueCodec() {
            @Override
            public boolean accepts(ItemType t, ProtocolVersion v) {
                return t == ItemType.STRUCTURE;
            }

            @Override
            public String expected() {
                return "a Structure";
            }

            @Override
            public Ttlv encode(int tag, Object value, ProtocolVersion v) {
                return RecordCodec.encode((Record) value, tag, v);
            }

            @Override
            public Object decode(Ttlv item, ProtocolVersion v) throws KmipProtocolException {
                return RecordCodec.decode(type, item, v);
            }
        };
    }

    /** Encodes {@code record} as a Structure with this tag, in the rules of version {@code v}. */
    static Ttlv encode(Record record, int tag, ProtocolVersion v) {
        Shape shape = SHAPES.get(record.getClass());
        List<Ttlv> out = new ArrayList<>();
        for (Slot slot : shape.slots) {
            Object value = get(slot, record);
            if (!slot.applies(v)) {
                if (slot.isPresent(value)) {
                    throw new IllegalArgumentException(shape.name + "." + slot.name + " is not defined in KMIP " + v);
                }
                continue;
            }
            Slot.Plan plan = slot.plan(v);
            boolean writeEmptyAttributes = slot.bareStyle && slot.required && v.isKmip2();
            if (!slot.isPresent(value) && !writeEmptyAttributes) {
                if (slot.required && !slot.bareStyle) {
                    throw new IllegalArgumentException(shape.name + "." + slot.name + " is required");
                }
                continue;
            }
            if (plan.mode() == Slot.Mode.BARE_ATTRIBUTES) {
                for (Attribute a : (Attributes) value) {
                    out.add(plan.codec().encode(plan.tag(), a, v));
                }
            } else if (slot.list) {
                for (Object element : (List<?>) value) {
                    out.add(plan.codec().encode(plan.tag(), element, v));
                }
            } else {
                out.add(plan.codec().encode(plan.tag(), value == null ? Attributes.empty() : value, v));
            }
        }
        if (shape.extensions >= 0) {
            for (Object o : (List<?>) extensions(shape, record)) {
                out.add((Ttlv) o);
            }
        }
        return Ttlv.structure(tag, out);
    }

    /** Decodes a Structure into a record of this type, in the rules of version {@code v}. */
    static <R extends Record> R decode(Class<R> type, Ttlv item, ProtocolVersion v) throws KmipProtocolException {
        Shape shape = SHAPES.get(type);
        boolean payload = RequestPayload.class.isAssignableFrom(type) || ResponsePayload.class.isAssignableFrom(type);
        String where = TagNames.label(item.tag()) + (payload ? " of " + shape.name : "");
        if (!item.isStructure()) {
            throw KmipProtocolException.invalidField(null, item.tag(), "must be a Structure, found a " + item.type().displayName());
        }
        List<List<Ttlv>> found = new ArrayList<>();
        for (int i = 0; i < shape.slots.size(); i++) {
            found.add(new ArrayList<>());
        }
        List<Ttlv> extra = new ArrayList<>();
        Set<Integer> singles = new HashSet<>();
        for (Ttlv child : item.children()) {
            int index = match(shape, child, v, where);
            if (index < 0) {
                if (shape.extensions < 0) {
                    throw KmipProtocolException.invalidMessage(where, child.tag(), "unexpected field");
                }
                extra.add(child);
                continue;
            }
            Slot slot = shape.slots.get(index);
            if (!slot.list && slot.plan(v).mode() != Slot.Mode.BARE_ATTRIBUTES && !singles.add(child.tag())) {
                throw KmipProtocolException.invalidMessage(where, child.tag(), "duplicate field");
            }
            found.get(index).add(child);
        }
        Object[] args = new Object[shape.slots.size() + (shape.extensions >= 0 ? 1 : 0)];
        for (int i = 0; i < shape.slots.size(); i++) {
            args[i] = decodeSlot(shape.slots.get(i), found.get(i), v, where);
        }
        if (shape.extensions >= 0) {
            args[args.length - 1] = List.copyOf(extra);
        }
        try {
            return type.cast(shape.constructor.newInstance(args));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException) {
                throw KmipProtocolException.invalidField(where, -1, cause.getMessage());
            }
            throw new IllegalStateException("cannot construct " + shape.name, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + shape.name, e);
        }
    }

    /** The slot that takes {@code child}, -1 if none; a field with the right tag and wrong type is an error. */
    private static int match(Shape shape, Ttlv child, ProtocolVersion v, String where) throws KmipProtocolException {
        Slot.Plan wrongType = null;
        for (int i = 0; i < shape.slots.size(); i++) {
            Slot slot = shape.slots.get(i);
            if (!slot.applies(v)) {
                continue;
            }
            Slot.Plan plan = slot.plan(v);
            if (plan.matches(child)) {
                if (plan.codec().accepts(child.type(), v)) {
                    return i;
                }
                wrongType = plan;
            }
        }
        if (wrongType != null) {
            throw KmipProtocolException.invalidField(where, child.tag(), "must be " + wrongType.codec().expected()
                    + ", found a " + child.type().displayName());
        }
        return -1;
    }

    private static Object decodeSlot(Slot slot, List<Ttlv> items, ProtocolVersion v, String where)
            throws KmipProtocolException {
        Slot.Plan plan = slot.plan(v);
        if (plan.mode() == Slot.Mode.BARE_ATTRIBUTES || slot.bareStyle) {
            if (plan.mode() == Slot.Mode.VALUE) {
                return items.isEmpty() ? Attributes.empty() : plan.codec().decode(items.get(0), v);
            }
            List<Attribute> list = new ArrayList<>();
            for (Ttlv t : items) {
                list.add((Attribute) plan.codec().decode(t, v));
            }
            return Attributes.of(list);
        }
        if (slot.list) {
            if (items.isEmpty() && slot.required && slot.applies(v)) {
                throw KmipProtocolException.missing(where, plan.tag());
            }
            List<Object> list = new ArrayList<>();
            for (Ttlv t : items) {
                list.add(plan.codec().decode(t, v));
            }
            return List.copyOf(list);
        }
        if (items.isEmpty()) {
            if (slot.required && slot.applies(v)) {
                if (plan.mode() == Slot.Mode.OBJECT) {
                    throw new KmipProtocolException(where, -1, "missing the managed object", ResultReason.MISSING_DATA);
                }
                throw KmipProtocolException.missing(where, plan.tag());
            }
            return null;
        }
        return plan.codec().decode(items.get(0), v);
    }

    private static Object get(Slot slot, Record record) {
        try {
            return slot.accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + slot.name, e);
        }
    }

    private static Object extensions(Shape shape, Record record) {
        try {
            return shape.extensionsAccessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read extensions", e);
        }
    }

    /** "Create.Request", "KeyBlock". */
    static String displayName(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        return outer == null ? type.getSimpleName() : outer.getSimpleName() + "." + type.getSimpleName();
    }
}
