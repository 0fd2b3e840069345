package dev.kmipjca.server;

import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.CryptographicUsageMask;
import dev.kmipjca.protocol.ManagedObject;
import dev.kmipjca.protocol.ObjectType;
import dev.kmipjca.protocol.State;
import java.util.Objects;

/**
 * One managed object as the store holds it: identifier, owner (the subject of the client
 * certificate that created it), the object itself ({@code null} once destroyed) and its attributes
 * (without Attribute Index; the position among same-named attributes is the index). Immutable: a
 * change makes a new instance.
 */
record StoredObject(String uid, String owner, ManagedObject object, Attributes attributes) {
    /** The Operation Policy Name that makes an object usable by every authenticated client. */
    static final String SHARED_POLICY = "shared";

    StoredObject {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(attributes, "attributes");
    }

    ObjectType objectType() {
        return attributes.get(AttributeKey.OBJECT_TYPE);
    }

    State state() {
        return attributes.get(AttributeKey.STATE);
    }

    int usageMask() {
        Integer mask = attributes.get(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK);
        return mask == null ? 0 : mask;
    }

    boolean allows(int usageBit) {
        return (usageMask() & usageBit) == usageBit;
    }

    /** The owner may use it, and so may everyone when its Operation Policy Name is {@code shared}. */
    boolean visibleTo(Identity identity) {
        return owner.equals(identity.subject())
                || SHARED_POLICY.equals(attributes.get(AttributeKey.OPERATION_POLICY_NAME));
    }

    boolean isDestroyed() {
        State s = state();
        return State.DESTROYED.equals(s) || State.DESTROYED_COMPROMISED.equals(s);
    }

    StoredObject withAttributes(Attributes a) {
        return new StoredObject(uid, owner, object, a);
    }

    StoredObject withObject(ManagedObject o) {
        return new StoredObject(uid, owner, o, attributes);
    }

    /** Names the usage bits, for messages. */
    static String usageName(int bit) {
        return CryptographicUsageMask.describe(bit);
    }

    @Override
    public String toString() {
        return "StoredObject{" + uid + ", " + objectType() + ", " + state() + "}";
    }
}
