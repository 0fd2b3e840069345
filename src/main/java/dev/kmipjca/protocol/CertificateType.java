package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Certificate Type enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2).
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class CertificateType extends KmipEnum {
    private static final Values<CertificateType> V = new Values<>(Tag.CERTIFICATE_TYPE, CertificateType::new);

    public static final CertificateType X_509 = V.add(0x01, "X.509");
    public static final CertificateType PGP = V.add(0x02, "PGP");

    private CertificateType(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static CertificateType of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static CertificateType named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<CertificateType> values() {
        return V.all();
    }
}
