package dev.kmipjca.ttlv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The printer names tags and enumeration values, and never prints a secret. */
class TtlvPrinterTest {
    private static final String VSPHERE_KEY = "1C5D9DE2A8BAF74903D662382546C085EDB2FEED0C279465394B418CC7A613BD";

    private static Ttlv decode(String fixture) throws TtlvException {
        return TtlvDecoder.defaults().decode(TtlvFixture.bytes(fixture));
    }

    /** Fails if any 3 consecutive bytes of the secret show in the text, as hex or as characters. */
    private static void assertNoPartOf(byte[] secret, String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (int i = 0; i + 3 <= secret.length; i++) {
            String window = TtlvFixture.hex(java.util.Arrays.copyOfRange(secret, i, i + 3));
            assertFalse(upper.contains(window), "bytes " + i + ".." + (i + 2) + " of the secret printed as hex");
            String chars = new String(secret, i, 3, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains(chars), "bytes " + i + ".." + (i + 2) + " of the secret printed as characters");
        }
    }

    @Test
    void getResponseWith256BitKey_printed_keyMaterialRedacted() throws TtlvException {
        String out = TtlvPrinter.print(decode("vsphere_get_response_aes256_key"));
        assertTrue(out.contains("\n            Key Material (0x420043) Byte String = <redacted, 32 bytes>\n"), out);
        assertNoPartOf(TtlvFixture.hex(VSPHERE_KEY), out);
        assertTrue(out.contains("Cryptographic Length (0x42002A) Integer = 256 (0x100)"), out);
    }

    @Test
    void getResponse_printed_enumerationsByName() throws TtlvException {
        String out = TtlvPrinter.print(decode("vsphere_get_response_aes256_key"));
        assertTrue(out.contains("    Operation (0x42005C) Enumeration = Get (0x0000000A)\n"), out);
        assertTrue(out.contains("    Result Status (0x42007F) Enumeration = Success (0x00000000)\n"), out);
        assertTrue(out.contains("      Object Type (0x420057) Enumeration = Symmetric Key (0x00000002)\n"), out);
        assertTrue(out.contains("    Unique Batch Item ID (0x420093) Byte String = 514C4B4301000000\n"), out);
    }

    @Test
    void destroyRequest_printed_oneItemPerLineIndentedByDepth() throws TtlvException {
        assertEquals("""
                Request Message (0x420078) Structure
                  Request Header (0x420077) Structure
                    Protocol Version (0x420069) Structure
                      Protocol Version Major (0x42006A) Integer = 1
                      Protocol Version Minor (0x42006B) Integer = 1
                    Batch Count (0x42000D) Integer = 1
                  Batch Item (0x42000F) Structure
                    Operation (0x42005C) Enumeration = Destroy (0x00000014)
                    Request Payload (0x420079) Structure
                      Unique Identifier (0x420094) Text String = "fb4b5b9c-6188-4c63-8142-fe9c328129fc\"""",
                TtlvPrinter.print(decode("tc_1_1_3_1_1_destroy_request")));
    }

    @Test
    void credential_printed_passwordRedactedUsernameShown() {
        Ttlv auth = Ttlv.structure(Tag.AUTHENTICATION, Ttlv.structure(Tag.CREDENTIAL,
                Ttlv.enumeration(Tag.CREDENTIAL_TYPE, 1),
                Ttlv.structure(Tag.CREDENTIAL_VALUE, Ttlv.text(Tag.USERNAME, "alice"),
                        Ttlv.text(Tag.PASSWORD, "correct horse battery"))));
        String out = auth.toString();
        assertTrue(out.contains("Password (0x4200A1) Text String = <redacted, 21 bytes>"), out);
        assertFalse(out.contains("horse"), out);
        assertTrue(out.contains("Credential Type (0x420024) Enumeration = Username and Password (0x00000001)"), out);
        // everything under Credential Value is redacted, the user name too
        assertTrue(out.contains("Username (0x420099) Text String = <redacted, 5 bytes>"), out);
    }

    @Test
    void encryptRequest_printed_dataRedactedParametersShown() {
        byte[] plaintext = new byte[38];
        for (int i = 0; i < plaintext.length; i++) {
            plaintext[i] = (byte) (0x80 + 37 * i);
        }
        Ttlv payload = Ttlv.structure(Tag.REQUEST_PAYLOAD, Ttlv.text(Tag.UNIQUE_IDENTIFIER, "7"),
                Ttlv.structure(Tag.CRYPTOGRAPHIC_PARAMETERS, Ttlv.enumeration(Tag.BLOCK_CIPHER_MODE, 9)),
                Ttlv.bytes(Tag.DATA, plaintext), Ttlv.bytes(Tag.IV_COUNTER_NONCE, new byte[] {1, 2, 3}));
        String out = payload.toString();
        assertTrue(out.contains("Data (0x4200C2) Byte String = <redacted, 38 bytes>"), out);
        assertTrue(out.contains("Block Cipher Mode (0x420011) Enumeration = GCM (0x00000009)"), out);
        assertTrue(out.contains("IV/Counter/Nonce (0x42003D) Byte String = 010203"), out);
        assertNoPartOf(plaintext, out);
    }

    @Test
    void privateKey_printed_everyComponentRedacted() {
        List<Ttlv> parts = new ArrayList<>();
        int[] tags = {Tag.MODULUS, Tag.PRIVATE_EXPONENT, Tag.PUBLIC_EXPONENT, Tag.P, Tag.Q, Tag.PRIME_EXPONENT_P,
                Tag.PRIME_EXPONENT_Q, Tag.CRT_COEFFICIENT};
        BigInteger secret = new BigInteger("4FFFEE1234567890ABCDEF0123456789", 16);
        for (int i = 0; i < tags.length; i++) {
            parts.add(Ttlv.bigInteger(tags[i], secret.add(BigInteger.valueOf(i))));
        }
        Ttlv key = Ttlv.structure(Tag.PRIVATE_KEY, Ttlv.structure(Tag.KEY_BLOCK,
                Ttlv.enumeration(Tag.KEY_FORMAT_TYPE, 8), // Transparent RSA Private Key
                Ttlv.structure(Tag.KEY_VALUE, Ttlv.structure(Tag.KEY_MATERIAL, parts))));
        String out = key.toString();
        assertEquals(8, out.split("<redacted, 16 bytes>", -1).length - 1, out);
        assertNoPartOf(secret.toByteArray(), out);
        assertFalse(out.contains(secret.toString()), out);
    }

    @ParameterizedTest(name = "tag {0}")
    @ValueSource(ints = {Tag.PRIVATE_EXPONENT, Tag.D, Tag.X, Tag.KEY, Tag.SALT, Tag.DERIVATION_DATA,
            Tag.ONE_TIME_PASSWORD, Tag.HASHED_PASSWORD, Tag.SERVER_HASHED_PASSWORD, Tag.OPAQUE_DATA_VALUE,
            Tag.TICKET_VALUE, Tag.KEY_VALUE})
    void secretTag_outsideKeyValue_stillRedacted(int tag) {
        byte[] secret = {0x5E, 0x5E, (byte) 0xC2, (byte) 0xE7, 0x11};
        String out = Ttlv.structure(Tag.RESPONSE_PAYLOAD, Ttlv.bytes(tag, secret)).toString();
        assertTrue(out.endsWith(" Byte String = <redacted, 5 bytes>"), out);
        assertNoPartOf(secret, out);
    }

    @Test
    void vendorAndUnknownTags_printedAsSuch() {
        String out = Ttlv.structure(Tag.REQUEST_PAYLOAD, Ttlv.text(0x540001, "vendor value"),
                Ttlv.enumeration(0x540002, 0x80000001), Ttlv.integer(0x42FFFF, 7)).toString();
        assertTrue(out.contains("  Vendor Tag (0x540001) Text String = \"vendor value\"\n"), out);
        assertTrue(out.contains("  Vendor Tag (0x540002) Enumeration = 0x80000001\n"), out);
        assertTrue(out.endsWith("  Unknown Tag (0x42FFFF) Integer = 7"), out);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vsphere_get_response_aes256_key", "tc_1_1_3_1_3_get_response_3des_key",
            "uc_1_0_4_1_get_symmetric_key_response", "mongodb_register_secret_data_request",
            "kmip20_get_response_payload_aes256", "kmip20_response_header_full"})
    void toString_ofVectorCarryingSecrets_neverShowsThem(String fixture) throws TtlvException {
        Ttlv tree = decode(fixture);
        List<byte[]> secrets = new ArrayList<>();
        collect(tree, secrets);
        assertFalse(secrets.isEmpty(), "the vector carries a secret");
        String out = tree.toString();
        for (byte[] s : secrets) {
            assertNoPartOf(s, out);
        }
    }

    private static void collect(Ttlv t, List<byte[]> out) {
        if (t.tag() == Tag.KEY_MATERIAL || t.tag() == Tag.SERVER_HASHED_PASSWORD) {
            out.add(t.asBytes());
        } else if (t.isStructure()) {
            t.children().forEach(c -> collect(c, out));
        }
    }
}
