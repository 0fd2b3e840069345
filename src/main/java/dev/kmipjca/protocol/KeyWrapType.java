package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Key Wrap Type enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2), since KMIP 1.4.
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class KeyWrapType extends KmipEnum {
    private static final Values<KeyWrapType> V = new Values<>(Tag.KEY_WRAP_TYPE, KeyWrapType::new);

    public static final KeyWrapType NOT_WRAPPED = V.add(0x01, "Not Wrapped");
    public static final KeyWrapType AS_REGISTERED = V.add(0x02, "As Registered");

    private KeyWrapType(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static KeyWrapType of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static KeyWrapType named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<KeyWrapType> values() {
        return V.all();
    }
}
