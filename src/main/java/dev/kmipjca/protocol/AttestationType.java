package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Attestation Type enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2), since KMIP 1.2.
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class AttestationType extends KmipEnum {
    private static final Values<AttestationType> V = new Values<>(Tag.ATTESTATION_TYPE, AttestationType::new);

    public static final AttestationType TPM_QUOTE = V.add(0x01, "TPM Quote");
    public static final AttestationType TCG_INTEGRITY_REPORT = V.add(0x02, "TCG Integrity Report");
    public static final AttestationType SAML_ASSERTION = V.add(0x03, "SAML Assertion");

    private AttestationType(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static AttestationType of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static AttestationType named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<AttestationType> values() {
        return V.all();
    }
}
