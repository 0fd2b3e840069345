package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Cryptographic Algorithm enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2).
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class CryptographicAlgorithm extends KmipEnum {
    private static final Values<CryptographicAlgorithm> V = new Values<>(Tag.CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm::new);

    public static final CryptographicAlgorithm DES = V.add(0x01, "DES");
    public static final CryptographicAlgorithm TRIPLE_DES = V.add(0x02, "3DES");
    public static final CryptographicAlgorithm AES = V.add(0x03, "AES");
    public static final CryptographicAlgorithm RSA = V.add(0x04, "RSA");
    public static final CryptographicAlgorithm DSA = V.add(0x05, "DSA");
    public static final CryptographicAlgorithm ECDSA = V.add(0x06, "ECDSA");
    public static final CryptographicAlgorithm HMAC_SHA1 = V.add(0x07, "HMAC-SHA1");
    public static final CryptographicAlgorithm HMAC_SHA224 = V.add(0x08, "HMAC-SHA224");
    public static final CryptographicAlgorithm HMAC_SHA256 = V.add(0x09, "HMAC-SHA256");
    public static final CryptographicAlgorithm HMAC_SHA384 = V.add(0x0A, "HMAC-SHA384");
    public static final CryptographicAlgorithm HMAC_SHA512 = V.add(0x0B, "HMAC-SHA512");
    public static final CryptographicAlgorithm HMAC_MD5 = V.add(0x0C, "HMAC-MD5");
    public static final CryptographicAlgorithm DH = V.add(0x0D, "DH");
    public static final CryptographicAlgorithm ECDH = V.add(0x0E, "ECDH");
    public static final CryptographicAlgorithm ECMQV = V.add(0x0F, "ECMQV");
    public static final CryptographicAlgorithm BLOWFISH = V.add(0x10, "Blowfish");
    public static final CryptographicAlgorithm CAMELLIA = V.add(0x11, "Camellia");
    public static final CryptographicAlgorithm CAST5 = V.add(0x12, "CAST5");
    public static final CryptographicAlgorithm IDEA = V.add(0x13, "IDEA");
    public static final CryptographicAlgorithm MARS = V.add(0x14, "MARS");
    public static final CryptographicAlgorithm RC2 = V.add(0x15, "RC2");
    public static final CryptographicAlgorithm RC4 = V.add(0x16, "RC4");
    public static final CryptographicAlgorithm RC5 = V.add(0x17, "RC5");
    public static final CryptographicAlgorithm SKIPJACK = V.add(0x18, "SKIPJACK");
    public static final CryptographicAlgorithm TWOFISH = V.add(0x19, "Twofish");
    public static final CryptographicAlgorithm EC = V.add(0x1A, "EC");
    public static final CryptographicAlgorithm ONE_TIME_PAD = V.add(0x1B, "One Time Pad");
    public static final CryptographicAlgorithm CHACHA20 = V.add(0x1C, "ChaCha20");
    public static final CryptographicAlgorithm POLY1305 = V.add(0x1D, "Poly1305");
    public static final CryptographicAlgorithm CHACHA20POLY1305 = V.add(0x1E, "ChaCha20Poly1305");
    public static final CryptographicAlgorithm SHA3_224 = V.add(0x1F, "SHA3-224");
    public static final CryptographicAlgorithm SHA3_256 = V.add(0x20, "SHA3-256");
    public static final CryptographicAlgorithm SHA3_384 = V.add(0x21, "SHA3-384");
    public static final CryptographicAlgorithm SHA3_512 = V.add(0x22, "SHA3-512");
    public static final CryptographicAlgorithm HMAC_SHA3_224 = V.add(0x23, "HMAC-SHA3-224");
    public static final CryptographicAlgorithm HMAC_SHA3_256 = V.add(0x24, "HMAC-SHA3-256");
    public static final CryptographicAlgorithm HMAC_SHA3_384 = V.add(0x25, "HMAC-SHA3-384");
    public static final CryptographicAlgorithm HMAC_SHA3_512 = V.add(0x26, "HMAC-SHA3-512");
    public static final CryptographicAlgorithm SHAKE_128 = V.add(0x27, "SHAKE-128");
    public static final CryptographicAlgorithm SHAKE_256 = V.add(0x28, "SHAKE-256");
    public static final CryptographicAlgorithm ARIA = V.add(0x29, "ARIA");
    public static final CryptographicAlgorithm SEED = V.add(0x2A, "SEED");
    public static final CryptographicAlgorithm SM2 = V.add(0x2B, "SM2");
    public static final CryptographicAlgorithm SM3 = V.add(0x2C, "SM3");
    public static final CryptographicAlgorithm SM4 = V.add(0x2D, "SM4");
    public static final CryptographicAlgorithm GOST_R_34_10_2012 = V.add(0x2E, "GOST R 34.10-2012");
    public static final CryptographicAlgorithm GOST_R_34_11_2012 = V.add(0x2F, "GOST R 34.11-2012");
    public static final CryptographicAlgorithm GOST_R_34_13_2015 = V.add(0x30, "GOST R 34.13-2015");
    public static final CryptographicAlgorithm GOST_28147_89 = V.add(0x31, "GOST 28147-89");
    public static final CryptographicAlgorithm XMSS = V.add(0x32, "XMSS");
    public static final CryptographicAlgorithm SPHINCS_256 = V.add(0x33, "SPHINCS-256");
    public static final CryptographicAlgorithm MCELIECE = V.add(0x34, "McEliece");
    public static final CryptographicAlgorithm MCELIECE_6960119 = V.add(0x35, "McEliece-6960119");
    public static final CryptographicAlgorithm MCELIECE_8192128 = V.add(0x36, "McEliece-8192128");
    public static final CryptographicAlgorithm ED25519 = V.add(0x37, "Ed25519");
    public static final CryptographicAlgorithm ED448 = V.add(0x38, "Ed448");

    private CryptographicAlgorithm(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static CryptographicAlgorithm of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static CryptographicAlgorithm named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<CryptographicAlgorithm> values() {
        return V.all();
    }
}
