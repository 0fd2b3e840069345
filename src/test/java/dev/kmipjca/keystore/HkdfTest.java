package dev.kmipjca.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 5869 appendix A test cases 1 and 3 (HKDF-SHA256). */
class HkdfTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc5869TestCase1_withSaltAndInfo_givesTheRfcOutput() {
        byte[] ikm = new byte[22];
        Arrays.fill(ikm, (byte) 0x0b);
        byte[] okm = Hkdf.deriveSha256(HEX.parseHex("000102030405060708090a0b0c"), ikm,
                HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
        assertArrayEquals(HEX.parseHex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                + "34007208d5b887185865"), okm);
    }

    @Test
    void rfc5869TestCase3_emptySaltAndInfo_givesTheRfcOutput() {
        byte[] ikm = new byte[22];
        Arrays.fill(ikm, (byte) 0x0b);
        byte[] okm = Hkdf.deriveSha256(new byte[0], ikm, new byte[0], 42);
        assertArrayEquals(HEX.parseHex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
                + "9d201395faa4b61a96c8"), okm);
    }

    @Test
    void derive_lengthOutOfRange_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> Hkdf.deriveSha256(new byte[0], new byte[32], new byte[0], 0));
        assertThrows(IllegalArgumentException.class,
                () -> Hkdf.deriveSha256(new byte[0], new byte[32], new byte[0], 255 * 32 + 1));
    }
}
