package dev.kmipjca.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.envelope.KeyWrapException;
import dev.kmipjca.keystore.KeystoreException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RotationTest {
    private InMemoryKeyWrapService wrap;
    private KeyStore.SecretKeyEntry aes;
    private KeystoreContents ks;

    @BeforeEach
    void keystore() throws Exception {
        wrap = new InMemoryKeyWrapService();
        wrap.createMasterKey("mk-1");
        wrap.createMasterKey("mk-2");
        aes = TestEntries.aesEntry();
        ks = KeystoreContents.create(KeystoreFile.parse(TestEntries.settingsBytes()), "mk-1", wrap);
        ks.put("aes", aes);
        ks.put("ec", TestEntries.ecEntry());
    }

    private KeystoreContents reopen() throws Exception {
        byte[] bytes = ks.serialize();
        ks.close();
        return KeystoreContents.open(KeystoreFile.parse(bytes), wrap);
    }

    @Test
    void rewrap_usesOneWrap_recordsTheOldKey_andLeavesEntriesAsTheyWere() throws Exception {
        byte[] entryBefore = FileEdits.bytes(new String(ks.serialize(), StandardCharsets.UTF_8), "kmipjca.entry.0");
        int wraps = wrap.wraps.get();
        int unwraps = wrap.unwraps.get();
        ks.rewrap(wrap, "mk-2");
        assertEquals(wraps + 1, wrap.wraps.get());
        assertEquals(unwraps, wrap.unwraps.get());
        assertEquals("mk-2", ks.masterKeyId());
        RetiredMasterKey retired = ks.history().get(0);
        assertEquals("mk-1", retired.masterKeyId());
        assertTrue(Duration.between(retired.retired(), Instant.now()).abs().getSeconds() < 5);
        String text = new String(ks.serialize(), StandardCharsets.UTF_8);
        assertArrayEquals(entryBefore, FileEdits.bytes(text, "kmipjca.entry.0"), "entries are not re-encrypted");
        assertTrue(text.contains("kmip.keyIdentifier=mk-2\n"), "the setting follows the master key");

        wrap.destroy("mk-1");
        try (KeystoreContents back = reopen()) {
            assertEquals("mk-2", back.masterKeyId());
            assertEquals(List.of(retired), back.history());
            assertArrayEquals(aes.getSecretKey().getEncoded(),
                    ((KeyStore.SecretKeyEntry) back.get("aes").orElseThrow()).getSecretKey().getEncoded());
        }
    }

    @Test
    void rewrap_toTheSameMasterKey_addsNoHistory() throws Exception {
        ks.rewrap(wrap, "mk-1");
        assertEquals(List.of(), ks.history());
    }

    @Test
    void rewrap_failing_changesNothing() throws Exception {
        byte[] before = ks.serialize();
        KeystoreException e = assertThrows(KeystoreException.class, () -> ks.rewrap(wrap, "mk-missing"));
        assertEquals(Reason.MASTER_KEY_FAILED, e.reason());
        assertEquals("the master key mk-missing could not wrap the keystore key: KEY_NOT_FOUND: master key mk-missing"
                + " does not exist", e.getMessage());
        assertArrayEquals(before, ks.serialize());
    }

    @Test
    void rotateKeystoreKey_reencryptsEveryEntry_withOneWrap() throws Exception {
        String before = new String(ks.serialize(), StandardCharsets.UTF_8);
        int wraps = wrap.wraps.get();
        ks.rotateKeystoreKey(wrap, "mk-2");
        assertEquals(wraps + 1, wrap.wraps.get());
        String after = new String(ks.serialize(), StandardCharsets.UTF_8);
        assertNotEquals(FileEdits.value(before, "kmipjca.entry.0"), FileEdits.value(after, "kmipjca.entry.0"));
        assertNotEquals(FileEdits.value(before, "kmipjca.keystoreKey"), FileEdits.value(after, "kmipjca.keystoreKey"));
        try (KeystoreContents back = reopen()) {
            assertEquals(List.of("aes", "ec"), back.aliases());
            assertEquals(List.of("mk-1"), back.history().stream().map(RetiredMasterKey::masterKeyId).toList());
            assertArrayEquals(aes.getSecretKey().getEncoded(),
                    ((KeyStore.SecretKeyEntry) back.get("aes").orElseThrow()).getSecretKey().getEncoded());
            assertEquals(TestEntries.ecLeaf().certificate(),
                    ((KeyStore.PrivateKeyEntry) back.get("ec").orElseThrow()).getCertificate());
        }
    }

    @Test
    void rotateKeystoreKey_underTheSameMasterKey_keepsTheHistoryEmpty() throws Exception {
        EntryInfo info = ks.info("aes").orElseThrow();
        ks.rotateKeystoreKey(wrap, "mk-1");
        assertEquals(List.of(), ks.history());
        try (KeystoreContents back = reopen()) {
            assertEquals(info, back.info("aes").orElseThrow(), "creation dates survive re-encryption");
        }
    }

    @Test
    void rotateKeystoreKey_failing_changesNothing() throws Exception {
        byte[] before = ks.serialize();
        wrap.failWith = KeyWrapException.Kind.UNAVAILABLE;
        KeystoreException e = assertThrows(KeystoreException.class, () -> ks.rotateKeystoreKey(wrap, "mk-2"));
        assertEquals(KeyWrapException.Kind.UNAVAILABLE, ((KeyWrapException) e.getCause()).kind());
        wrap.failWith = null;
        assertArrayEquals(before, ks.serialize());
        try (KeystoreContents back = reopen()) {
            assertEquals(2, back.size());
        }
    }
}
