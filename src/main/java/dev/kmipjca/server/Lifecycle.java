package dev.kmipjca.server;

import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.State;
import java.time.Instant;

/**
 * The date-driven state changes of KMIP's key lifecycle: a Pre-Active object whose Activation Date
 * has come becomes Active, and an Active object whose Deactivation Date has come becomes
 * Deactivated. They are applied when an object is next used (and by Locate), not by a timer.
 */
final class Lifecycle {
    private Lifecycle() {}

    static boolean isDue(StoredObject o, Instant now) {
        return applyDates(o, now) != o;
    }

    static StoredObject applyDates(StoredObject o, Instant now) {
        Attributes a = o.attributes();
        State s = o.state();
        Instant activation = a.get(AttributeKey.ACTIVATION_DATE);
        Instant deactivation = a.get(AttributeKey.DEACTIVATION_DATE);
        State next = s;
        if (State.PRE_ACTIVE.equals(next) && activation != null && !activation.isAfter(now)) {
            next = State.ACTIVE;
        }
        if (State.ACTIVE.equals(next) && deactivation != null && !deactivation.isAfter(now)) {
            next = State.DEACTIVATED;
        }
        return next.equals(s) ? o : o.withAttributes(Attrs.set(a, AttributeKey.STATE, next));
    }

    /** The state a new object starts in: Active when its Activation Date has come, else Pre-Active. */
    static State initialState(Instant activation, Instant now) {
        return activation != null && !activation.isAfter(now) ? State.ACTIVE : State.PRE_ACTIVE;
    }
}
