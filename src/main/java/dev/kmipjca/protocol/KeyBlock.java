package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.CRYPTOGRAPHIC_ALGORITHM;
import static dev.kmipjca.ttlv.Tag.CRYPTOGRAPHIC_LENGTH;
import static dev.kmipjca.ttlv.Tag.KEY_COMPRESSION_TYPE;
import static dev.kmipjca.ttlv.Tag.KEY_FORMAT_TYPE;
import static dev.kmipjca.ttlv.Tag.KEY_VALUE;
import static dev.kmipjca.ttlv.Tag.KEY_WRAPPING_DATA;

/**
 * A Key Block. The Key Value is a Structure when plaintext ({@link #keyValue()}) and a Byte String when
 * wrapped ({@link #wrappedKeyValue()}, with {@link #keyWrappingData()}); at most one is set.
 */
public record KeyBlock(
        @TtlvField(value = KEY_FORMAT_TYPE, required = true) KeyFormatType keyFormatType,
        @TtlvField(KEY_COMPRESSION_TYPE) KeyCompressionType keyCompressionType,
        @TtlvField(KEY_VALUE) KeyValue keyValue,
        @TtlvField(KEY_VALUE) Bytes wrappedKeyValue,
        @TtlvField(CRYPTOGRAPHIC_ALGORITHM) CryptographicAlgorithm cryptographicAlgorithm,
        @TtlvField(CRYPTOGRAPHIC_LENGTH) Integer cryptographicLength,
        @TtlvField(KEY_WRAPPING_DATA) KeyWrappingData keyWrappingData) {

    public KeyBlock {
        if (keyValue != null && wrappedKeyValue != null) {
            throw new IllegalArgumentException("a Key Block holds one Key Value, plaintext or wrapped");
        }
    }

    /** A plaintext key in Raw format. */
    public static KeyBlock raw(Bytes key, CryptographicAlgorithm algorithm, int lengthBits) {
        return new KeyBlock(KeyFormatType.RAW, null, KeyValue.of(key), null, algorithm, lengthBits, null);
    }

    /** A plaintext Key Block of any Byte String format, without algorithm and length (Secret Data, PKCS#8). */
    public static KeyBlock of(KeyFormatType format, Bytes keyMaterial) {
        return new KeyBlock(format, null, KeyValue.of(keyMaterial), null, null, null, null);
    }

    public boolean isWrapped() {
        return wrappedKeyValue != null;
    }

    /** Zeroes the key bytes held here. */
    public void wipe() {
        if (keyValue != null) {
            keyValue.wipe();
        }
        if (wrappedKeyValue != null) {
            wrappedKeyValue.wipe();
        }
    }
}
