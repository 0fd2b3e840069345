package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.ATTRIBUTE;
import static dev.kmipjca.ttlv.Tag.ATTRIBUTE_INDEX;
import static dev.kmipjca.ttlv.Tag.ATTRIBUTE_NAME;
import static dev.kmipjca.ttlv.Tag.ATTRIBUTE_VALUE;
import static dev.kmipjca.ttlv.Tag.NAME;
import static dev.kmipjca.ttlv.Tag.VENDOR_IDENTIFICATION;

import dev.kmipjca.ttlv.ItemType;
import dev.kmipjca.ttlv.TagNames;
import dev.kmipjca.ttlv.Ttlv;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hand-written codecs of the version-dependent attribute containers (the only ones the generic
 * record codec cannot describe):
 * <ul>
 *   <li>{@link #V1}: a 1.x Attribute {Attribute Name, Attribute Index?, Attribute Value};</li>
 *   <li>{@link #TEMPLATE_ATTRIBUTE}: a 1.x Template-Attribute {Name*, Attribute*};</li>
 *   <li>{@link #ATTRIBUTES}: a 2.x Attributes structure whose children are the attribute items;</li>
 *   <li>{@link #WRAPPED}: a 2.x Current Attribute / New Attribute holding one attribute item;</li>
 *   <li>{@link #REFERENCE}: a 2.x Attribute Reference (the attribute's tag as an Enumeration, or
 *       Structure {Vendor Identification, Attribute Name}, shown as "vendor:name").</li>
 * </ul>
 * The value of a standard attribute is coded by its {@link AttributeKey}'s type; others by
 * {@link RawValues#encodeAny} / {@link RawValues#decodeAny}.
 */
final class AttributeCodec {
    private AttributeCodec() {}

    /** The fields of a 1.x Attribute, decoded with the record codec's checks; the value stays raw. */
    record V1Wire(
            @TtlvField(value = ATTRIBUTE_NAME, required = true) String name,
            @TtlvField(ATTRIBUTE_INDEX) Integer index,
            @TtlvField(value = ATTRIBUTE_VALUE, required = true) Ttlv value) {}

    /** The fields of a 1.x Template-Attribute. */
    record TemplateWire(@TtlvField(NAME) List<Name> names, @TtlvField(ATTRIBUTE) List<Attribute> attributes) {}

    /** The fields of a vendor Attribute Reference. */
    record VendorReference(
            @TtlvField(value = VENDOR_IDENTIFICATION, required = true) String vendor,
            @TtlvField(value = ATTRIBUTE_NAME, required = true) String name) {}

    static final ValueCodec V1 = new StructureCodec() {
        @Override
        public Ttlv encode(int tag, Object value, ProtocolVersion v) {
            Attribute a = (Attribute) value;
            Ttlv item = encodeValue(a, ATTRIBUTE_VALUE, v);
            return RecordCodec.encode(new V1Wire(a.name(), a.index(), item), tag, v);
        }

        @Override
        public Object decode(Ttlv item, ProtocolVersion v) throws KmipProtocolException {
            V1Wire w = RecordCodec.decode(V1Wire.class, item, v);
            return new Attribute(w.name(), w.index(), decodeValue(w.name(), w.value(), v));
        }
    };

    static final ValueCodec TEMPLATE_ATTRIBUTE = new StructureCodec() {
        @Override
        public Ttlv encode(int tag, Object value, ProtocolVersion v) {
            Attributes a = (Attributes) value;
            return RecordCodec.encode(new TemplateWire(a.templateNames(), a.list()), tag, v);
        }

        @Override
        public Object decode(Ttlv item, ProtocolVersion v) throws KmipProtocolException {
            TemplateWire w = RecordCodec.decode(TemplateWire.class, item, v);
            return Attributes.of(w.attributes(), w.names());
        }
    };

    static final ValueCodec ATTRIBUTES = new StructureCodec() {
        @Override
        public Ttlv encode(int tag, Object value, ProtocolVersion v) {
            Attributes a = (Attributes) value;
            if (!a.templateNames().isEmpty()) {
                throw new IllegalArgumentException("template names cannot be sent in KMIP " + v);
            }
            List<Ttlv> items = new ArrayList<>();
            for (Attribute attribute : a) {
                items.add(encodeItem(attribute, v));
            }
            return Ttlv.structure(tag, items);
        }

        @Override
        public Object decode(Ttlv item, ProtocolVersion v) throws KmipProtocolException {
            List<Attribute> list = new ArrayList<>();
            for (Ttlv child : item.children()) {
                list.add(decodeItem(child, v));
            }
            return Attributes.of(list);
        }
    };

    static final ValueCodec WRAPPED = new StructureCodec() {
        @Override
        public Ttlv encode(int tag, Object value, ProtocolVersion v) {
            return Ttlv.structure(tag, encodeItem((Attribute) value, v));
        }

        @Override
        public Object decode(Ttlv item, ProtocolVersion v) throws KmipProtocolException {
            if (item.children().size() != 1) {
                throw KmipProtocolException.invalidField(null, item.tag(),
                        "must hold exactly one attribute, found " + item.children().size());
            }
            return decodeItem(item.children().get(0), v);
        }
    };

    static final ValueCodec REFERENCE = new ValueCodec() {
        @Override
        public boolean accepts(ItemType type, ProtocolVersion v) {
            return type == ItemType.ENUMERATION || type == ItemType.STRUCTURE;
        }

        @Override
        public String expected() {
            return "an Enumeration or a Structure";
        }

        @Override
        public Ttlv encode(int tag, Object value, ProtocolVersion v) {
            String name = (String) value;
            int colon = name.indexOf(':');
            if (colon > 0) {
                return RecordCodec.encode(new VendorReference(name.substring(0, colon), name.substring(colon + 1)), tag, v);
            }
            return Ttlv.enumeration(tag, tagOf(name));
        }

        @Override
        public Object decode(Ttlv item, ProtocolVersion v) throws KmipProtocolException {
            if (item.type() == ItemType.ENUMERATION) {
                return nameOf(item.asEnum());
            }
            VendorReference r = RecordCodec.decode(VendorReference.class, item, v);
            return r.vendor() + ":" + r.name();
        }
    };

    /** A 2.x attribute item: the value under the attribute's own tag. */
    static Ttlv encodeItem(Attribute a, ProtocolVersion v) {
        if (a.index() != null) {
            throw new IllegalArgumentException("attribute " + a.name() + " has an Attribute Index, which KMIP " + v
                    + " does not have");
        }
        return encodeValue(a, tagOf(a.name()), v);
    }

    static Attribute decodeItem(Ttlv item, ProtocolVersion v) throws KmipProtocolException {
        String name = nameOf(item.tag());
        return new Attribute(name, null, decodeValue(name, item, v));
    }

    private static Ttlv encodeValue(Attribute a, int tag, ProtocolVersion v) {
        AttributeKey<?> key = a.key();
        return key != null ? ValueCodecs.forType(key.type()).encode(tag, a.value(), v) : RawValues.encodeAny(tag, a.value(), v);
    }

    private static Object decodeValue(String name, Ttlv item, ProtocolVersion v) throws KmipProtocolException {
        AttributeKey<?> key = AttributeKey.byName(name);
        if (key == null) {
            return RawValues.decodeAny(item, v);
        }
        ValueCodec codec = ValueCodecs.forType(key.type());
        if (!codec.accepts(item.type(), v)) {
            throw KmipProtocolException.invalidField("attribute " + name, item.tag(),
                    "value must be " + codec.expected() + ", found a " + item.type().displayName());
        }
        return codec.decode(item, v);
    }

    /** The 2.x tag of an attribute: from its key, the tag table, or a hex name ("0x540001"). */
    static int tagOf(String name) {
        AttributeKey<?> key = AttributeKey.byName(name);
        if (key != null) {
            return key.tag();
        }
        if (name.matches("0x[0-9A-Fa-f]{6}")) {
            return Integer.parseInt(name.substring(2), 16);
        }
        int tag = name.startsWith("x-") || name.startsWith("y-") ? -1 : TagNames.tagNamed(name);
        if (tag < 0) {
            throw new IllegalArgumentException("attribute " + name + " has no KMIP 2.x tag (custom x-/y- attributes are KMIP 1.x only)");
        }
        return tag;
    }

    /** The name of an attribute tag: the tag table's name, or the tag in hex. */
    static String nameOf(int tag) {
        String name = TagNames.nameOf(tag);
        return name != null ? name : String.format(Locale.ROOT, "0x%06X", tag);
    }

    /** A codec whose items are Structures. */
    private abstract static class StructureCodec implements ValueCodec {
        @Override
        public boolean accepts(ItemType type, ProtocolVersion v) {
            return type == ItemType.STRUCTURE;
        }

        @Override
        public String expected() {
            return "a Structure";
        }
    }
}
