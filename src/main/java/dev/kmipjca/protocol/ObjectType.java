package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Object Type enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2).
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class ObjectType extends KmipEnum {
    private static final Values<ObjectType> V = new Values<>(Tag.OBJECT_TYPE, ObjectType::new);

    public static final ObjectType CERTIFICATE = V.add(0x01, "Certificate");
    public static final ObjectType SYMMETRIC_KEY = V.add(0x02, "Symmetric Key");
    public static final ObjectType PUBLIC_KEY = V.add(0x03, "Public Key");
    public static final ObjectType PRIVATE_KEY = V.add(0x04, "Private Key");
    public static final ObjectType SPLIT_KEY = V.add(0x05, "Split Key");
    public static final ObjectType TEMPLATE = V.add(0x06, "Template");
    public static final ObjectType SECRET_DATA = V.add(0x07, "Secret Data");
    public static final ObjectType OPAQUE_OBJECT = V.add(0x08, "Opaque Object");
    public static final ObjectType PGP_KEY = V.add(0x09, "PGP Key");
    public static final ObjectType CERTIFICATE_REQUEST = V.add(0x0A, "Certificate Request");

    private ObjectType(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static ObjectType of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static ObjectType named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<ObjectType> values() {
        return V.all();
    }
}
