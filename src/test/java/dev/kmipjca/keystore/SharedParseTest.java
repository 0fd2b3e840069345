package dev.kmipjca.keystore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keystores opened from one parse share its entries until they change them: a change stays in its keystore. */
class SharedParseTest {
    private InMemoryKeyWrapService wrap;
    private KeystoreFile file;

    @BeforeEach
    void keystore() throws Exception {
        wrap = new InMemoryKeyWrapService();
        wrap.createMasterKey("mk");
        try (KeystoreContents ks = KeystoreContents.create(KeystoreFile.parse(TestEntries.settingsBytes()), "mk", wrap)) {
            ks.put("a", TestEntries.aesEntry(), Instant.parse("2025-01-01T00:00:00Z"));
            ks.put("b", TestEntries.trustedEntry(), Instant.parse("2025-01-02T00:00:00Z"));
            file = KeystoreFile.parse(ks.serialize());
        }
    }

    @Test
    void deleteAndPut_inOneKeystore_leaveTheOtherAndTheParseAsTheyWere() throws Exception {
        try (KeystoreContents one = KeystoreContents.open(file, wrap); KeystoreContents two = KeystoreContents.open(file, wrap)) {
            assertTrue(one.delete("a"));
            two.put("c", TestEntries.aesEntry(), Instant.parse("2025-01-03T00:00:00Z"));
            assertEquals(List.of("b"), one.aliases());
            assertEquals(List.of("a", "b", "c"), two.aliases());
            assertEquals(List.of("a", "b"), List.copyOf(file.section().index().keySet()));
            assertThrows(UnsupportedOperationException.class, () -> file.section().index().clear());
        }
        try (KeystoreContents three = KeystoreContents.open(file, wrap)) {
            assertEquals(List.of("a", "b"), three.aliases());
        }
    }

    @Test
    void deleteOfAnUnknownAlias_isFalse_andCopiesNothing() throws Exception {
        try (KeystoreContents one = KeystoreContents.open(file, wrap)) {
            assertFalse(one.delete("nope"));
            assertEquals(2, one.size());
        }
    }

    @Test
    void rotateKeystoreKey_inOneKeystore_theOtherStillReadsItsEntries() throws Exception {
        try (KeystoreContents one = KeystoreContents.open(file, wrap); KeystoreContents two = KeystoreContents.open(file, wrap)) {
            one.rotateKeystoreKey(wrap, "mk");
            assertTrue(two.get("a").isPresent());
            assertTrue(one.get("a").isPresent());
            KeystoreFile rotated = KeystoreFile.parse(one.serialize());
            try (KeystoreContents reopened = KeystoreContents.open(rotated, wrap)) {
                assertEquals(List.of("a", "b"), reopened.aliases());
            }
            assertEquals(new String(two.serialize(), StandardCharsets.UTF_8), new String(KeystoreContents.open(file, wrap)
                    .serialize(), StandardCharsets.UTF_8), "the unchanged keystore writes the file it was read from");
        }
    }
}
