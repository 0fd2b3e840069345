package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Hashing Algorithm enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2).
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class HashingAlgorithm extends KmipEnum {
    private static final Values<HashingAlgorithm> V = new Values<>(Tag.HASHING_ALGORITHM, HashingAlgorithm::new);

    public static final HashingAlgorithm MD2 = V.add(0x01, "MD2");
    public static final HashingAlgorithm MD4 = V.add(0x02, "MD4");
    public static final HashingAlgorithm MD5 = V.add(0x03, "MD5");
    public static final HashingAlgorithm SHA_1 = V.add(0x04, "SHA-1");
    public static final HashingAlgorithm SHA_224 = V.add(0x05, "SHA-224");
    public static final HashingAlgorithm SHA_256 = V.add(0x06, "SHA-256");
    public static final HashingAlgorithm SHA_384 = V.add(0x07, "SHA-384");
    public static final HashingAlgorithm SHA_512 = V.add(0x08, "SHA-512");
    public static final HashingAlgorithm RIPEMD_160 = V.add(0x09, "RIPEMD-160");
    public static final HashingAlgorithm TIGER = V.add(0x0A, "Tiger");
    public static final HashingAlgorithm WHIRLPOOL = V.add(0x0B, "Whirlpool");
    public static final HashingAlgorithm SHA_512_224 = V.add(0x0C, "SHA-512/224");
    public static final HashingAlgorithm SHA_512_256 = V.add(0x0D, "SHA-512/256");
    public static final HashingAlgorithm SHA3_224 = V.add(0x0E, "SHA3-224");
    public static final HashingAlgorithm SHA3_256 = V.add(0x0F, "SHA3-256");
    public static final HashingAlgorithm SHA3_384 = V.add(0x10, "SHA3-384");
    public static final HashingAlgorithm SHA3_512 = V.add(0x11, "SHA3-512");

    private HashingAlgorithm(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static HashingAlgorithm of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static HashingAlgorithm named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<HashingAlgorithm> values() {
        return V.all();
    }
}
