package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Revocation Reason Code enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2).
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class RevocationReasonCode extends KmipEnum {
    private static final Values<RevocationReasonCode> V = new Values<>(Tag.REVOCATION_REASON_CODE, RevocationReasonCode::new);

    public static final RevocationReasonCode UNSPECIFIED = V.add(0x01, "Unspecified");
    public static final RevocationReasonCode KEY_COMPROMISE = V.add(0x02, "Key Compromise");
    public static final RevocationReasonCode CA_COMPROMISE = V.add(0x03, "CA Compromise");
    public static final RevocationReasonCode AFFILIATION_CHANGED = V.add(0x04, "Affiliation Changed");
    public static final RevocationReasonCode SUPERSEDED = V.add(0x05, "Superseded");
    public static final RevocationReasonCode CESSATION_OF_OPERATION = V.add(0x06, "Cessation of Operation");
    public static final RevocationReasonCode PRIVILEGE_WITHDRAWN = V.add(0x07, "Privilege Withdrawn");

    private RevocationReasonCode(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static RevocationReasonCode of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static RevocationReasonCode named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<RevocationReasonCode> values() {
        return V.all();
    }
}
