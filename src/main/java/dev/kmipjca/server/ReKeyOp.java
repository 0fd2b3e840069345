package dev.kmipjca.server;

import dev.kmipjca.protocol.Attribute;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.Link;
import dev.kmipjca.protocol.LinkType;
import dev.kmipjca.protocol.ObjectType;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ReKey;
import dev.kmipjca.protocol.UniqueId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Re-key of an AES key: a replacement key with fresh material and the old key's attributes
 * (algorithm, length, usage mask, groups, policy …), except those the spec has the server set anew.
 * The Name attributes move to the replacement key; the old key gets a Replacement Object link to
 * the new one and the new key a Replaced Object link to the old one; the old key's state does not
 * change. With an Offset the replacement's Activation Date is its Initial Date plus the Offset and
 * its Deactivation Date keeps the old key's active period; without one the old key's dates are
 * copied. Attributes in the request override the copied ones.
 */
final class ReKeyOp {
    private ReKeyOp() {}

    private static final Set<String> NOT_COPIED = Set.of("unique identifier", "object type", "initial date", "state", "archive date", "name", "link",
            "destroy date", "compromise date", "compromise occurrence date", "revocation reason", "last change date",
            "activation date", "deactivation date", "process start date", "protect stop date");

    static ReKey.Response rekey(Batch b, ReKey.Request r) {
        StoredObject old = b.object(r.uniqueIdentifier());
        Keys.aesKey(b, old);
        Attributes t = r.attributes() == null ? Attributes.empty() : r.attributes();
        AttributeRules.checkForCreation(b.version, t);
        Attributes oldAttrs = old.attributes();
        for (AttributeKey<?> k : List.of(AttributeKey.CRYPTOGRAPHIC_ALGORITHM, AttributeKey.CRYPTOGRAPHIC_LENGTH)) {
            Object given = t.get(k);
            if (given != null && !given.equals(oldAttrs.get(k))) {
                throw KmipFailure.invalidField("Re-key keeps " + k + " " + oldAttrs.get(k) + "; it cannot change to " + given);
            }
        }
        String uid = ObjectStore.newUid();
        Instant now = b.now();
        Attributes.Builder copy = Attributes.builder();
        for (Attribute a : oldAttrs) {
            if (!NOT_COPIED.contains(a.name().toLowerCase(Locale.ROOT)) && t.get(a.name()) == null) {
                copy.add(a);
            }
        }
        for (Attribute a : Attrs.instances(oldAttrs, AttributeKey.NAME.name())) {
            if (t.get(AttributeKey.NAME.name()) == null) {
                copy.add(a);
            }
        }
        copyDates(copy, oldAttrs, r.offset(), now);
        for (Attribute a : t) {
            if (!a.is(AttributeKey.CRYPTOGRAPHIC_ALGORITHM) && !a.is(AttributeKey.CRYPTOGRAPHIC_LENGTH)) {
                copy.add(Attrs.unindexed(a));
            }
        }
        copy.add(AttributeKey.LINK, new Link(LinkType.REPLACED_OBJECT_LINK, UniqueId.of(old.uid())));
        int bits = oldAttrs.get(AttributeKey.CRYPTOGRAPHIC_LENGTH);
        Attributes fresh = CreateOps.initial(uid, ObjectType.SYMMETRIC_KEY,
                oldAttrs.get(AttributeKey.CRYPTOGRAPHIC_ALGORITHM), bits, copy.build(), now);
        b.store.insert(new StoredObject(uid, old.owner(), Keys.newAesKey(bits), fresh));
        b.store.update(old.uid(), o -> o.withAttributes(Attrs.add(
                Attrs.removeAll(o.attributes(), AttributeKey.NAME.name()),
                Attribute.of(AttributeKey.LINK, new Link(LinkType.REPLACEMENT_OBJECT_LINK, UniqueId.of(uid))))));
        b.produced(Operation.REKEY, uid);
        return new ReKey.Response(UniqueId.of(uid), null);
    }

    private static void copyDates(Attributes.Builder out, Attributes old, Duration offset, Instant now) {
        Instant activation = old.get(AttributeKey.ACTIVATION_DATE);
        Instant deactivation = old.get(AttributeKey.DEACTIVATION_DATE);
        if (offset == null) {
            for (AttributeKey<Instant> k : List.of(AttributeKey.ACTIVATION_DATE, AttributeKey.PROCESS_START_DATE,
                    AttributeKey.PROTECT_STOP_DATE, AttributeKey.DEACTIVATION_DATE)) {
                if (old.get(k) != null) {
                    out.add(k, old.get(k));
                }
            }
            return;
        }
        Instant newActivation = now.plus(offset);
        out.add(AttributeKey.ACTIVATION_DATE, newActivation);
        if (activation != null && deactivation != null) {
            out.add(AttributeKey.DEACTIVATION_DATE, newActivation.plus(Duration.between(activation, deactivation)));
        }
    }
}
