package dev.kmipjca.envelope;

import static dev.kmipjca.envelope.Fixtures.MASTER;
import static dev.kmipjca.envelope.Fixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kmipjca.config.BulkProvider;
import java.security.Security;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An application that registers Bouncy Castle at position 1 does not move the envelope's key derivation
 * or bulk encryption to it: the HMAC of HKDF is SunJCE's, the bulk AES-GCM is the chosen provider's.
 */
class BouncyCastleFirstTest {
    private final InMemoryKeyWrapService service = new InMemoryKeyWrapService(MASTER);

    @BeforeEach
    void bouncyCastleFirst() {
        assertNull(Security.getProvider("BC"), "BC was already registered by another test");
        assertEquals(1, Security.insertProviderAt(new BouncyCastleProvider(), 1));
    }

    @AfterEach
    void removeBouncyCastle() {
        Security.removeProvider("BC");
        assertNull(Security.getProvider("BC"));
    }

    @Test
    void bouncyCastleFirst_wouldServeUnpinnedLookups() throws Exception {
        // the premise of the tests below: without a provider name, the JCA now answers with BC
        assertEquals("BC", Mac.getInstance("HmacSHA256").getProvider().getName());
        assertEquals("BC", Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName());
    }

    @Test
    void bouncyCastleFirst_hkdfStillUsesSunJceHmac_andMatchesRfc5869() {
        assertEquals("SunJCE", Hkdf.newMac().getProvider().getName());
        // RFC 5869 A.1 (test case 1): the first 32 of its 42 output bytes are T(1)
        HexFormat hex = HexFormat.of();
        byte[] okm = Hkdf.derive(hex.parseHex("0b".repeat(22)), hex.parseHex("000102030405060708090a0b0c"),
                hex.parseHex("f0f1f2f3f4f5f6f7f8f9"), 32);
        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf", hex.formatHex(okm));
    }

    @Test
    void bouncyCastleFirst_sunJceSetting_bulkCiphersAreSunJces() throws Exception {
        assertBulkCiphersFrom(BulkProvider.SUNJCE, "SunJCE");
    }

    @Test
    void bouncyCastleFirst_autoSetting_bulkCiphersAreAccpsOrSunJces() throws Exception {
        String expected = Accp.status().usable() ? "AmazonCorrettoCryptoProvider" : "SunJCE";
        assertBulkCiphersFrom(BulkProvider.AUTO, expected);
    }

    private void assertBulkCiphersFrom(BulkProvider setting, String provider) throws Exception {
        try (Envelope e = Envelope.builder(service).masterKeyId(MASTER).segmentSizeBytes(1024).bulkProvider(setting).build()) {
            assertEquals(provider, e.bulkProvider().provider().getName());
            assertEquals(provider, e.ciphers.local().getProvider().getName(), "single-shot messages");
            Cipher borrowed = e.ciphers.borrow();
            assertEquals(provider, borrowed.getProvider().getName(), "streams");
            e.ciphers.giveBack(borrowed);
            byte[] plaintext = bytes(5000, 3);
            assertArrayEquals(plaintext, e.decrypt(e.encrypt(plaintext, null), null));
            assertArrayEquals(plaintext, Fixtures.streamDecrypt(e, Fixtures.streamEncrypt(e, plaintext, null, 700), null, 300));
        }
    }

    @Test
    void bouncyCastleFirst_dataKeysAndSaltsStillComeFromSunsGenerator() throws Exception {
        assertEquals("BC", new java.security.SecureRandom().getProvider().getName(), "an unpinned generator would be BC's");
        try (Envelope e = Envelope.builder(new InMemoryKeyWrapService(Fixtures.MASTER)).masterKeyId(Fixtures.MASTER).build()) {
            assertEquals("SUN", e.random.getProvider().getName());
            assertEquals("SUN", JdkRandom.create().getProvider().getName());
            byte[] sealed = e.encrypt(new byte[] {1, 2, 3}, null);
            assertEquals(3, e.decrypt(sealed, null).length);
        }
    }
}
