package dev.kmipjca.keystore;

import static dev.kmipjca.keystore.KeystoreFileTest.lineOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kmipjca.envelope.KeyWrapService;
import dev.kmipjca.envelope.WrappedKey;
import dev.kmipjca.keystore.KeystoreException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A parsed section remembers that it was authenticated, and under which key (a tag, no key material):
 * reopening that same parse with the same keystore key skips the full check; any other key is checked
 * in full and refused.
 */
class VerifiedSectionTest {
    private InMemoryKeyWrapService wrap;
    private String text;
    private KeystoreFile file;
    private KeyStore.SecretKeyEntry aes;

    @BeforeEach
    void keystore() throws Exception {
        wrap = new InMemoryKeyWrapService();
        wrap.createMasterKey("mk");
        try (KeystoreContents ks = KeystoreContents.create(KeystoreFile.parse(TestEntries.settingsBytes()), "mk", wrap)) {
            aes = TestEntries.aesEntry();
            ks.put("a", aes, Instant.parse("2025-01-01T00:00:00Z"));
            text = new String(ks.serialize(), StandardCharsets.UTF_8);
        }
        file = KeystoreFile.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Unwraps to a fixed 32-byte key, whatever the wrapped key says: a master key that is not the one used. */
    private static KeyWrapService unwrapsTo(byte fill) {
        return new KeyWrapService() {
            @Override
            public WrappedKey wrap(String masterKeyId, byte[] key, byte[] associatedData) {
                throw new UnsupportedOperationException();
            }

            @Override
            public byte[] unwrap(WrappedKey wrapped, byte[] associatedData) {
                byte[] k = new byte[32];
                Arrays.fill(k, fill);
                return k;
            }
        };
    }

    @Test
    void open_beforeAnyCheck_hasNoTag_afterwardsATagThatIsNeitherKeyNorAuthenticator() throws Exception {
        assertNull(file.verifiedTag());
        KeystoreContents.open(file, wrap).close();
        byte[] tag = file.verifiedTag();
        assertNotNull(tag);
        assertEquals(32, tag.length);
        assertFalse(Arrays.equals(tag, file.section().mac));
    }

    @Test
    void reopen_sameParseSameKey_opensAndDecryptsEntries() throws Exception {
        KeystoreContents.open(file, wrap).close();
        try (KeystoreContents again = KeystoreContents.open(file, wrap)) {
            KeyStore.SecretKeyEntry e = (KeyStore.SecretKeyEntry) again.get("a").orElseThrow();
            assertArrayEquals(aes.getSecretKey().getEncoded(), e.getSecretKey().getEncoded());
        }
        assertEquals(2, wrap.unwraps.get(), "each open still unwraps the keystore key");
    }

    @Test
    void reopen_sameParseOtherKeystoreKey_isCheckedInFullAndRefused() throws Exception {
        KeystoreContents.open(file, wrap).close();
        byte[] tag = file.verifiedTag();
        KeystoreException e = assertThrows(KeystoreException.class, () -> KeystoreContents.open(file, unwrapsTo((byte) 7)));
        assertEquals(Reason.AUTHENTICATION_FAILED, e.reason());
        assertEquals(lineOf(text, "kmipjca.mac="), e.line());
        assertArrayEquals(tag, file.verifiedTag(), "a failed check leaves the tag of the good key");
    }

    @Test
    void open_wrongKeyFirst_leavesNoTag_thenTheRightKeyOpens() throws Exception {
        KeystoreException e = assertThrows(KeystoreException.class, () -> KeystoreContents.open(file, unwrapsTo((byte) 1)));
        assertEquals(Reason.AUTHENTICATION_FAILED, e.reason());
        assertNull(file.verifiedTag());
        KeystoreContents.open(file, wrap).close();
        assertNotNull(file.verifiedTag());
    }
}
