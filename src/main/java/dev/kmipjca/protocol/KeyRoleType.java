package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Key Role Type enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2).
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class KeyRoleType extends KmipEnum {
    private static final Values<KeyRoleType> V = new Values<>(Tag.KEY_ROLE_TYPE, KeyRoleType::new);

    public static final KeyRoleType BDK = V.add(0x01, "BDK");
    public static final KeyRoleType CVK = V.add(0x02, "CVK");
    public static final KeyRoleType DEK = V.add(0x03, "DEK");
    public static final KeyRoleType MKAC = V.add(0x04, "MKAC");
    public static final KeyRoleType MKSMC = V.add(0x05, "MKSMC");
    public static final KeyRoleType MKSMI = V.add(0x06, "MKSMI");
    public static final KeyRoleType MKDAC = V.add(0x07, "MKDAC");
    public static final KeyRoleType MKDN = V.add(0x08, "MKDN");
    public static final KeyRoleType MKCP = V.add(0x09, "MKCP");
    public static final KeyRoleType MKOTH = V.add(0x0A, "MKOTH");
    public static final KeyRoleType KEK = V.add(0x0B, "KEK");
    public static final KeyRoleType MAC16609 = V.add(0x0C, "MAC16609");
    public static final KeyRoleType MAC97971 = V.add(0x0D, "MAC97971");
    public static final KeyRoleType MAC97972 = V.add(0x0E, "MAC97972");
    public static final KeyRoleType MAC97973 = V.add(0x0F, "MAC97973");
    public static final KeyRoleType MAC97974 = V.add(0x10, "MAC97974");
    public static final KeyRoleType MAC97975 = V.add(0x11, "MAC97975");
    public static final KeyRoleType ZPK = V.add(0x12, "ZPK");
    public static final KeyRoleType PVKIBM = V.add(0x13, "PVKIBM");
    public static final KeyRoleType PVKPVV = V.add(0x14, "PVKPVV");
    public static final KeyRoleType PVKOTH = V.add(0x15, "PVKOTH");

    private KeyRoleType(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static KeyRoleType of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static KeyRoleType named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<KeyRoleType> values() {
        return V.all();
    }
}
