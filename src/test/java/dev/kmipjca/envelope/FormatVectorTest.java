package dev.kmipjca.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of docs/envelope-format.md ("Worked examples"), byte for byte: the envelopes this
 * code writes from the fixed inputs of {@link FixedVectors}, and the keys derived on the way.
 */
class FormatVectorTest {
    private static final HexFormat HEX = HexFormat.of();

    static final String SINGLE = "4b4a454601010100"
            + "df2aec944b36bc11336a56ddbcbdf731deb17a789d2326ff6977c49f248fa3ad"
            + "e994893471b282a874b6e641"
            + "004e"
            + "0d" + "766563746f722d6d6173746572" + "01" + "0c" + "c0c1c2c3c4c5c6c7c8c9cacb"
            + "0030" + "643d8281b8a8e5c40a263d444eac3e3f39d01852f615e44231f7b6a633ca739c"
            + "0c3b2a1ac630e3393122b1e988ac04fd"
            + "b78270aa7adc728963b44dfd7d5908" + "703a416b277211461e10db7090621eb8";

    static final String SEGMENTED = "4b4a454601020100"
            + "df2aec944b36bc11336a56ddbcbdf731deb17a789d2326ff6977c49f248fa3ad"
            + "00000040"
            + "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
            + "40414243444546"
            + "004e"
            + "0d" + "766563746f722d6d6173746572" + "01" + "0c" + "c0c1c2c3c4c5c6c7c8c9cacb"
            + "0030" + "643d8281b8a8e5c40a263d444eac3e3f39d01852f615e44231f7b6a633ca739c"
            + "0c3b2a1ac630e3393122b1e988ac04fd"
            + "27fe5b46133c444bd778892c1d032c4855fa052f47e566e32007ff44f9870e6f"
            + "60032a8dca467630d139a590d8db28ae0a104c96d85374d04f163efeb266c293"
            + "eb89378b4b213598b1c9f023c64065ac"
            + "8ca99e22b858c690732aa52a203a740a883429eaa2b29a0927a63c93ae065032"
            + "0b8d8981" + "1e921ab744068c4d8e8a5ddabe0be806";

    @Test
    void singleShotExample_isWrittenByteForByte() throws Exception {
        assertEquals(SINGLE, HEX.formatHex(FixedVectors.single()));
    }

    @Test
    void segmentedExample_isWrittenByteForByte() throws Exception {
        assertEquals(SEGMENTED, HEX.formatHex(FixedVectors.segmented()));
    }

    @Test
    void examples_decryptToTheirPlaintexts() throws Exception {
        try (Envelope e = Envelope.builder(new FixedVectors.FixedWrapService()).build()) {
            assertArrayEquals(FixedVectors.SINGLE_PLAINTEXT, e.decrypt(HEX.parseHex(SINGLE), FixedVectors.AAD));
            assertArrayEquals(FixedVectors.SEGMENTED_PLAINTEXT, e.decrypt(HEX.parseHex(SEGMENTED), FixedVectors.AAD));
        }
    }

    @Test
    void derivedKeys_matchTheDocument() throws Exception {
        byte[] dataKey = FixedVectors.counting(0, 32);
        byte[] prk = hmac(new byte[32], dataKey);
        assertEquals("46bd320605c5a6b6163ab70bc6345b92a5f908e79fe58979c23ebb47d1a5e307", HEX.formatHex(prk));
        assertEquals("df2aec944b36bc11336a56ddbcbdf731deb17a789d2326ff6977c49f248fa3ad",
                HEX.formatHex(hmac(prk, ascii("kmip-jca envelope v1 key commitment"), new byte[] {1})));
        assertEquals("187c621e5ac472b7d000cda65fb0652612b0b8b14448bdcfdc87e777db94270b", HEX.formatHex(
                hmac(prk, ascii("kmip-jca envelope v1 single-shot key"), Arrays.copyOf(HEX.parseHex(SINGLE), 8),
                        new byte[] {1})));
        // kmip-jca's choice of single-shot nonce (not the format's): the mask, its last bytes xor message number 1
        assertEquals("e994893471b282a874b6e640",
                HEX.formatHex(hmac(prk, ascii("kmip-jca envelope v1 single-shot nonce mask"), new byte[] {1})).substring(0, 24));
        byte[] salt = FixedVectors.counting(0x20, 32);
        assertEquals("c281e984a9149baeb0ad880b12123d05f257abe0e8cc6dca5eb7872943b0fadb",
                HEX.formatHex(hmac(hmac(salt, dataKey), ascii("kmip-jca envelope v1 stream key"), new byte[] {1})));
    }

    private static byte[] hmac(byte[] key, byte[]... parts) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        for (byte[] p : parts) {
            mac.update(p);
        }
        return mac.doFinal();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
