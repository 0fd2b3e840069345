package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Name Type enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2).
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class NameType extends KmipEnum {
    private static final Values<NameType> V = new Values<>(Tag.NAME_TYPE, NameType::new);

    public static final NameType UNINTERPRETED_TEXT_STRING = V.add(0x01, "Uninterpreted Text String");
    public static final NameType URI = V.add(0x02, "URI");

    private NameType(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static NameType of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static NameType named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<NameType> values() {
        return V.all();
    }
}
