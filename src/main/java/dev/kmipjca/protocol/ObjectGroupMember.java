package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Object Group Member enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2), since KMIP 1.1.
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class ObjectGroupMember extends KmipEnum {
    private static final Values<ObjectGroupMember> V = new Values<>(Tag.OBJECT_GROUP_MEMBER, ObjectGroupMember::new);

    public static final ObjectGroupMember GROUP_MEMBER_FRESH = V.add(0x01, "Group Member Fresh");
    public static final ObjectGroupMember GROUP_MEMBER_DEFAULT = V.add(0x02, "Group Member Default");

    private ObjectGroupMember(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static ObjectGroupMember of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static ObjectGroupMember named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<ObjectGroupMember> values() {
        return V.all();
    }
}
