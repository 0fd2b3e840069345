package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Key Compression Type enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2).
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class KeyCompressionType extends KmipEnum {
    private static final Values<KeyCompressionType> V = new Values<>(Tag.KEY_COMPRESSION_TYPE, KeyCompressionType::new);

    public static final KeyCompressionType EC_PUBLIC_KEY_TYPE_UNCOMPRESSED = V.add(0x01, "EC Public Key Type Uncompressed");
    public static final KeyCompressionType EC_PUBLIC_KEY_TYPE_X9_62_COMPRESSED_PRIME = V.add(0x02, "EC Public Key Type X9.62 Compressed Prime");
    public static final KeyCompressionType EC_PUBLIC_KEY_TYPE_X9_62_COMPRESSED_CHAR2 = V.add(0x03, "EC Public Key Type X9.62 Compressed Char2");
    public static final KeyCompressionType EC_PUBLIC_KEY_TYPE_X9_62_HYBRID = V.add(0x04, "EC Public Key Type X9.62 Hybrid");

    private KeyCompressionType(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static KeyCompressionType of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static KeyCompressionType named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<KeyCompressionType> values() {
        return V.all();
    }
}
