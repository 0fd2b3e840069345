package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Key Format Type enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2).
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class KeyFormatType extends KmipEnum {
    private static final Values<KeyFormatType> V = new Values<>(Tag.KEY_FORMAT_TYPE, KeyFormatType::new);

    public static final KeyFormatType RAW = V.add(0x01, "Raw");
    public static final KeyFormatType OPAQUE = V.add(0x02, "Opaque");
    public static final KeyFormatType PKCS_1 = V.add(0x03, "PKCS#1");
    public static final KeyFormatType PKCS_8 = V.add(0x04, "PKCS#8");
    public static final KeyFormatType X_509 = V.add(0x05, "X.509");
    public static final KeyFormatType ECPRIVATEKEY = V.add(0x06, "ECPrivateKey");
    public static final KeyFormatType TRANSPARENT_SYMMETRIC_KEY = V.add(0x07, "Transparent Symmetric Key");
    public static final KeyFormatType TRANSPARENT_DSA_PRIVATE_KEY = V.add(0x08, "Transparent DSA Private Key");
    public static final KeyFormatType TRANSPARENT_DSA_PUBLIC_KEY = V.add(0x09, "Transparent DSA Public Key");
    public static final KeyFormatType TRANSPARENT_RSA_PRIVATE_KEY = V.add(0x0A, "Transparent RSA Private Key");
    public static final KeyFormatType TRANSPARENT_RSA_PUBLIC_KEY = V.add(0x0B, "Transparent RSA Public Key");
    public static final KeyFormatType TRANSPARENT_DH_PRIVATE_KEY = V.add(0x0C, "Transparent DH Private Key");
    public static final KeyFormatType TRANSPARENT_DH_PUBLIC_KEY = V.add(0x0D, "Transparent DH Public Key");
    public static final KeyFormatType TRANSPARENT_ECDSA_PRIVATE_KEY = V.add(0x0E, "Transparent ECDSA Private Key");
    public static final KeyFormatType TRANSPARENT_ECDSA_PUBLIC_KEY = V.add(0x0F, "Transparent ECDSA Public Key");
    public static final KeyFormatType TRANSPARENT_ECDH_PRIVATE_KEY = V.add(0x10, "Transparent ECDH Private Key");
    public static final KeyFormatType TRANSPARENT_ECDH_PUBLIC_KEY = V.add(0x11, "Transparent ECDH Public Key");
    public static final KeyFormatType TRANSPARENT_ECMQV_PRIVATE_KEY = V.add(0x12, "Transparent ECMQV Private Key");
    public static final KeyFormatType TRANSPARENT_ECMQV_PUBLIC_KEY = V.add(0x13, "Transparent ECMQV Public Key");
    public static final KeyFormatType TRANSPARENT_EC_PRIVATE_KEY = V.add(0x14, "Transparent EC Private Key");
    public static final KeyFormatType TRANSPARENT_EC_PUBLIC_KEY = V.add(0x15, "Transparent EC Public Key");
    public static final KeyFormatType PKCS_12 = V.add(0x16, "PKCS#12");
    public static final KeyFormatType PKCS_10 = V.add(0x17, "PKCS#10");

    private KeyFormatType(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static KeyFormatType of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static KeyFormatType named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<KeyFormatType> values() {
        return V.all();
    }
}
