package dev.kmipjca.server;

import dev.kmipjca.protocol.Activate;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.Destroy;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.RevocationReasonCode;
import dev.kmipjca.protocol.Revoke;
import dev.kmipjca.protocol.State;
import dev.kmipjca.protocol.UniqueId;
import java.time.Instant;

/**
 * Activate (Pre-Active to Active), Revoke (Key Compromise and CA Compromise to Compromised from any
 * live state, any other reason from Active to Deactivated) and Destroy (not while Active: the key
 * material is deleted, the attributes stay, the state becomes Destroyed or Destroyed Compromised).
 */
final class LifecycleOps {
    private LifecycleOps() {}

    static Activate.Response activate(Batch b, Activate.Request r) {
        StoredObject o = b.object(r.uniqueIdentifier());
        StoredObject done = b.store.update(o.uid(), x -> {
            if (!State.PRE_ACTIVE.equals(x.state())) {
                throw KmipFailure.wrongState(b.version, "object " + x.uid() + " is " + x.state()
                        + "; only a Pre-Active object can be activated");
            }
            Attributes a = Attrs.set(x.attributes(), AttributeKey.STATE, State.ACTIVE);
            return x.withAttributes(Attrs.set(a, AttributeKey.ACTIVATION_DATE, b.now()));
        });
        b.produced(Operation.ACTIVATE, done.uid());
        return new Activate.Response(UniqueId.of(done.uid()));
    }

    static Revoke.Response revoke(Batch b, Revoke.Request r) {
        StoredObject o = b.object(r.uniqueIdentifier());
        RevocationReasonCode code = r.revocationReason().code();
        boolean compromise = RevocationReasonCode.KEY_COMPROMISE.equals(code)
                || RevocationReasonCode.CA_COMPROMISE.equals(code);
        Instant occurred = r.compromiseOccurrenceDate();
        if (compromise && occurred == null) {
            throw KmipFailure.missing("Revoke for " + code + " needs the Compromise Occurrence Date");
        }
        b.store.update(o.uid(), x -> {
            if (x.isDestroyed()) {
                throw KmipFailure.destroyed(b.version, x.uid());
            }
            Attributes a = Attrs.set(x.attributes(), AttributeKey.REVOCATION_REASON, r.revocationReason());
            if (compromise) {
                if (State.COMPROMISED.equals(x.state())) {
                    throw KmipFailure.wrongState(b.version, "object " + x.uid() + " is already Compromised");
                }
                a = Attrs.set(a, AttributeKey.STATE, State.COMPROMISED);
                a = Attrs.set(a, AttributeKey.COMPROMISE_OCCURRENCE_DATE, occurred);
                a = Attrs.set(a, AttributeKey.COMPROMISE_DATE, b.now());
            } else {
                if (!State.ACTIVE.equals(x.state())) {
                    throw KmipFailure.wrongState(b.version, "object " + x.uid() + " is " + x.state()
                            + "; Revoke for " + code + " needs an Active object");
                }
                a = Attrs.set(a, AttributeKey.STATE, State.DEACTIVATED);
                a = Attrs.set(a, AttributeKey.DEACTIVATION_DATE, b.now());
            }
            return x.withAttributes(a);
        });
        b.produced(Operation.REVOKE, o.uid());
        return new Revoke.Response(UniqueId.of(o.uid()));
    }

    static Destroy.Response destroy(Batch b, Destroy.Request r) {
        StoredObject o = b.object(r.uniqueIdentifier());
        b.store.update(o.uid(), x -> {
            if (x.isDestroyed()) {
                throw KmipFailure.destroyed(b.version, x.uid());
            }
            if (State.ACTIVE.equals(x.state())) {
                throw KmipFailure.wrongState(b.version, "object " + x.uid()
                        + " is Active; revoke it before destroying it");
            }
            State next = State.COMPROMISED.equals(x.state()) ? State.DESTROYED_COMPROMISED : State.DESTROYED;
            Attributes a = Attrs.set(x.attributes(), AttributeKey.STATE, next);
            return new StoredObject(x.uid(), x.owner(), null, Attrs.set(a, AttributeKey.DESTROY_DATE, b.now()));
        });
        b.produced(Operation.DESTROY, o.uid());
        return new Destroy.Response(UniqueId.of(o.uid()));
    }
}
