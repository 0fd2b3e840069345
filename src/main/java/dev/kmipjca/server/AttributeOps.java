package dev.kmipjca.server;

import dev.kmipjca.protocol.AddAttribute;
import dev.kmipjca.protocol.Attribute;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.DeleteAttribute;
import dev.kmipjca.protocol.GetAttributeList;
import dev.kmipjca.protocol.GetAttributes;
import dev.kmipjca.protocol.ModifyAttribute;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.SetAttribute;
import dev.kmipjca.protocol.UniqueId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Get Attributes, Get Attribute List, Add Attribute, Modify Attribute, Delete Attribute (1.x forms
 * by name and index, 2.x forms by Current Attribute or Attribute Reference) and Set Attribute (2.x,
 * single-instance attributes). {@link AttributeRules} decides what a client may change. In 1.x
 * answers, instance n &gt; 0 of an attribute carries Attribute Index n; KMIP 2.x answers leave out
 * custom attributes, which 2.x cannot express.
 */
final class AttributeOps {
    private AttributeOps() {}

    static GetAttributes.Response getAttributes(Batch b, GetAttributes.Request r) {
        StoredObject o = b.object(r.uniqueIdentifier());
        List<Attribute> out = new ArrayList<>();
        for (Attribute a : b.version.isKmip2() ? o.attributes() : Attrs.indexed(o.attributes())) {
            if (AttributeRules.expressible(b.version, a.name()) && wanted(r.attributeNames(), a.name())) {
                out.add(a);
            }
        }
        b.produced(Operation.GET_ATTRIBUTES, o.uid());
        return new GetAttributes.Response(UniqueId.of(o.uid()), Attributes.of(out));
    }

    private static boolean wanted(List<String> names, String name) {
        return names.isEmpty() || names.stream().anyMatch(n -> n.equalsIgnoreCase(name));
    }

    static GetAttributeList.Response getAttributeList(Batch b, GetAttributeList.Request r) {
        StoredObject o = b.object(r.uniqueIdentifier());
        Set<String> names = new LinkedHashSet<>();
        for (Attribute a : o.attributes()) {
            if (AttributeRules.expressible(b.version, a.name())) {
                names.add(a.name());
            }
        }
        b.produced(Operation.GET_ATTRIBUTE_LIST, o.uid());
        return new GetAttributeList.Response(UniqueId.of(o.uid()), new ArrayList<>(names));
    }

    static AddAttribute.Response add(Batch b, AddAttribute.Request r) {
        Attribute a = r.attribute();
        StoredObject o = change(b, r.uniqueIdentifier(), a.name(), x -> {
            if (!AttributeRules.isMultiInstance(a.name()) && x.attributes().get(a.name()) != null) {
                throw singleValued(b, a.name());
            }
            return Attrs.add(x.attributes(), a);
        });
        int index = Attrs.instances(o.attributes(), a.name()).size() - 1;
        return new AddAttribute.Response(UniqueId.of(o.uid()), b.version.isKmip2() ? null : echo(a, index));
    }

    static ModifyAttribute.Response modify(Batch b, ModifyAttribute.Request r) {
        Attribute a = r.attribute();
        Attribute current = r.currentAttribute();
        if (current != null && !current.name().equalsIgnoreCase(a.name())) {
            throw KmipFailure.invalidField("Current Attribute " + current.name() + " and New Attribute " + a.name()
                    + " name different attributes");
        }
        int[] index = {0};
        StoredObject o = change(b, r.uniqueIdentifier(), a.name(), x -> {
            index[0] = current != null ? Attrs.indexOfValue(x.attributes(), current)
                    : a.index() == null ? 0 : a.index();
            Attributes next = index[0] < 0 ? null : Attrs.replaceInstance(x.attributes(), a.name(), index[0], a);
            if (next == null) {
                throw KmipFailure.attributeNotFound(b.version, "object " + x.uid() + " has no " + describe(a, current));
            }
            return next;
        });
        return new ModifyAttribute.Response(UniqueId.of(o.uid()), b.version.isKmip2() ? null : echo(a, index[0]));
    }

    static DeleteAttribute.Response delete(Batch b, DeleteAttribute.Request r) {
        String name = r.attributeName() != null ? r.attributeName()
                : r.currentAttribute() != null ? r.currentAttribute().name() : r.attributeReference();
        if (name == null) {
            throw KmipFailure.missing("Delete Attribute needs a Current Attribute or an Attribute Reference");
        }
        Attribute[] deleted = new Attribute[1];
        int[] index = {r.attributeIndex() == null ? 0 : r.attributeIndex()};
        StoredObject o = change(b, r.uniqueIdentifier(), name, x -> {
            Attributes a = x.attributes();
            if (r.attributeReference() != null) {
                if (a.get(name) == null) {
                    throw KmipFailure.attributeNotFound(b.version, "object " + x.uid() + " has no " + name);
                }
                return Attrs.removeAll(a, name);
            }
            if (r.currentAttribute() != null) {
                index[0] = Attrs.indexOfValue(a, r.currentAttribute());
            }
            List<Attribute> all = Attrs.instances(a, name);
            if (index[0] < 0 || index[0] >= all.size()) {
                throw KmipFailure.attributeNotFound(b.version, "object " + x.uid() + " has no " + name
                        + (r.currentAttribute() != null ? " with that value" : " at index " + index[0]));
            }
            deleted[0] = all.get(index[0]);
            return Attrs.replaceInstance(a, name, index[0], null);
        });
        return new DeleteAttribute.Response(UniqueId.of(o.uid()),
                b.version.isKmip2() ? null : echo(deleted[0], index[0]));
    }

    static SetAttribute.Response set(Batch b, SetAttribute.Request r) {
        Attribute a = r.newAttribute();
        if (AttributeRules.isMultiInstance(a.name())) {
            throw new KmipFailure(ResultReason.MULTI_VALUED_ATTRIBUTE, "attribute " + a.name()
                    + " may have several instances; use Add Attribute or Modify Attribute");
        }
        StoredObject o = change(b, r.uniqueIdentifier(), a.name(), x -> Attrs.set(x.attributes(), Attrs.unindexed(a)));
        return new SetAttribute.Response(UniqueId.of(o.uid()));
    }

    /** Checks the rules, applies {@code change} to the attributes under the object's lock. */
    private static StoredObject change(Batch b, UniqueId id, String name,
            Function<StoredObject, Attributes> change) {
        StoredObject o = b.object(id);
        StoredObject done = b.store.update(o.uid(), x -> {
            AttributeRules.checkModifiable(b.version, x, name);
            return x.withAttributes(change.apply(x));
        });
        b.produced(Operation.MODIFY_ATTRIBUTE, done.uid());
        return done;
    }

    private static KmipFailure singleValued(Batch b, String name) {
        return new KmipFailure(b.version.isKmip2() ? ResultReason.ATTRIBUTE_SINGLE_VALUED : ResultReason.ILLEGAL_OPERATION,
                "attribute " + name + " has one instance already; use Modify Attribute");
    }

    private static Attribute echo(Attribute a, int index) {
        return new Attribute(a.name(), index == 0 ? null : index, a.value());
    }

    private static String describe(Attribute a, Attribute current) {
        return a.name() + (current != null ? " with the Current Attribute's value"
                : " at index " + (a.index() == null ? 0 : a.index()));
    }
}
