package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Digital Signature Algorithm enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2), since KMIP 1.1.
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class DigitalSignatureAlgorithm extends KmipEnum {
    private static final Values<DigitalSignatureAlgorithm> V = new Values<>(Tag.DIGITAL_SIGNATURE_ALGORITHM, DigitalSignatureAlgorithm::new);

    public static final DigitalSignatureAlgorithm MD2_WITH_RSA_ENCRYPTION = V.add(0x01, "MD2 with RSA Encryption");
    public static final DigitalSignatureAlgorithm MD5_WITH_RSA_ENCRYPTION = V.add(0x02, "MD5 with RSA Encryption");
    public static final DigitalSignatureAlgorithm SHA_1_WITH_RSA_ENCRYPTION = V.add(0x03, "SHA-1 with RSA Encryption");
    public static final DigitalSignatureAlgorithm SHA_224_WITH_RSA_ENCRYPTION = V.add(0x04, "SHA-224 with RSA Encryption");
    public static final DigitalSignatureAlgorithm SHA_256_WITH_RSA_ENCRYPTION = V.add(0x05, "SHA-256 with RSA Encryption");
    public static final DigitalSignatureAlgorithm SHA_384_WITH_RSA_ENCRYPTION = V.add(0x06, "SHA-384 with RSA Encryption");
    public static final DigitalSignatureAlgorithm SHA_512_WITH_RSA_ENCRYPTION = V.add(0x07, "SHA-512 with RSA Encryption");
    public static final DigitalSignatureAlgorithm RSASSA_PSS = V.add(0x08, "RSASSA-PSS");
    public static final DigitalSignatureAlgorithm DSA_WITH_SHA_1 = V.add(0x09, "DSA with SHA-1");
    public static final DigitalSignatureAlgorithm DSA_WITH_SHA224 = V.add(0x0A, "DSA with SHA224");
    public static final DigitalSignatureAlgorithm DSA_WITH_SHA256 = V.add(0x0B, "DSA with SHA256");
    public static final DigitalSignatureAlgorithm ECDSA_WITH_SHA_1 = V.add(0x0C, "ECDSA with SHA-1");
    public static final DigitalSignatureAlgorithm ECDSA_WITH_SHA224 = V.add(0x0D, "ECDSA with SHA224");
    public static final DigitalSignatureAlgorithm ECDSA_WITH_SHA256 = V.add(0x0E, "ECDSA with SHA256");
    public static final DigitalSignatureAlgorithm ECDSA_WITH_SHA384 = V.add(0x0F, "ECDSA with SHA384");
    public static final DigitalSignatureAlgorithm ECDSA_WITH_SHA512 = V.add(0x10, "ECDSA with SHA512");

    private DigitalSignatureAlgorithm(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static DigitalSignatureAlgorithm of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static DigitalSignatureAlgorithm named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<DigitalSignatureAlgorithm> values() {
        return V.all();
    }
}
