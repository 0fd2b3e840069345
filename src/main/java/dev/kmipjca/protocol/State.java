package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The State enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2).
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class State extends KmipEnum {
    private static final Values<State> V = new Values<>(Tag.STATE, State::new);

    public static final State PRE_ACTIVE = V.add(0x01, "Pre-Active");
    public static final State ACTIVE = V.add(0x02, "Active");
    public static final State DEACTIVATED = V.add(0x03, "Deactivated");
    public static final State COMPROMISED = V.add(0x04, "Compromised");
    public static final State DESTROYED = V.add(0x05, "Destroyed");
    public static final State DESTROYED_COMPROMISED = V.add(0x06, "Destroyed Compromised");

    private State(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static State of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static State named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<State> values() {
        return V.all();
    }
}
