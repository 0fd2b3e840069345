package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Secret Data Type enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2).
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class SecretDataType extends KmipEnum {
    private static final Values<SecretDataType> V = new Values<>(Tag.SECRET_DATA_TYPE, SecretDataType::new);

    public static final SecretDataType PASSWORD = V.add(0x01, "Password");
    public static final SecretDataType SEED = V.add(0x02, "Seed");

    private SecretDataType(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static SecretDataType of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static SecretDataType named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<SecretDataType> values() {
        return V.all();
    }
}
