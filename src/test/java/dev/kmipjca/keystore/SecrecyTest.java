package dev.kmipjca.keystore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No key bytes, passwords or plaintext in the file, in toString, or in exception messages. */
class SecrecyTest {
    private static final String PASSWORD = "s3cret-Passw0rd";

    /** Every textual form a secret could leak in. */
    private static List<String> forms(byte[] secret) {
        return List.of(HexFormat.of().formatHex(secret), HexFormat.of().withUpperCase().formatHex(secret),
                Base64.getEncoder().encodeToString(secret), new String(secret, StandardCharsets.ISO_8859_1));
    }

    private static void assertHidden(String text, List<byte[]> secrets) {
        for (byte[] s : secrets) {
            for (String form : forms(s)) {
                assertFalse(text.contains(form), () -> "secret leaked into: " + text);
            }
        }
    }

    @Test
    void fileToStringAndMessages_neverShowKeysOrPasswords() throws Exception {
        InMemoryKeyWrapService wrap = new InMemoryKeyWrapService();
        wrap.createMasterKey("mk-1");
        KeyStore.SecretKeyEntry aes = TestEntries.aesEntry();
        KeyStore.PrivateKeyEntry rsa = TestEntries.rsaEntry();
        String settings = TestEntries.SETTINGS + "kmip.clientCertificatePassword=" + PASSWORD + "\n";
        KeystoreContents ks = KeystoreContents.create(KeystoreFile.parse(settings.getBytes(StandardCharsets.UTF_8)),
                "mk-1", wrap);
        ks.put("aes", aes);
        ks.put("rsa", rsa);
        ks.put("pw", TestEntries.passwordEntry(PASSWORD + "-db"));
        String file = new String(ks.serialize(), StandardCharsets.UTF_8);
        KeystoreFile parsed = KeystoreFile.parse(file.getBytes(StandardCharsets.UTF_8));
        byte[] keystoreKey = wrap.unwrap(parsed.section().wrappedKey, Format.WRAP_AAD);
        List<byte[]> secrets = List.of(aes.getSecretKey().getEncoded(), keystoreKey,
                (PASSWORD + "-db").getBytes(StandardCharsets.US_ASCII),
                java.util.Arrays.copyOfRange(rsa.getPrivateKey().getEncoded(), 40, 72));
        assertHidden(file, secrets);

        List<String> shown = new ArrayList<>(List.of(ks.toString(), parsed.toString(), parsed.section().entries.toString(),
                KeystoreKeys.of(keystoreKey).toString(), ks.entries().toString(), ks.info("pw").toString()));
        for (String edited : List.of(FileEdits.flip(file, "kmipjca.mac", 0), FileEdits.flip(file, "kmipjca.entry.1", 40),
                FileEdits.flip(file, "kmipjca.keystoreKey", 20), file.substring(0, file.length() / 2),
                file.replace("kmip.clientCertificatePassword=" + PASSWORD, "kmip.clientCertificatePassword=\\u12x" + PASSWORD),
                file.replace("kmipjca.version=2", "kmipjca.version=" + PASSWORD))) {
            shown.add(assertThrows(KeystoreException.class,
                    () -> KeystoreContents.open(KeystoreFile.parse(edited.getBytes(StandardCharsets.UTF_8)), wrap))
                    .getMessage());
        }
        shown.add(assertThrows(KeystoreException.class, () -> EntryCodec.decode(EntryKind.SECRET_KEY,
                java.util.Arrays.copyOf(aes.getSecretKey().getEncoded(), 20), "aes")).getMessage());
        ks.close();
        shown.add(ks.toString());
        for (String s : shown) {
            assertHidden(s, secrets);
            assertFalse(s.contains(PASSWORD), s);
        }
        assertEquals("KeystoreContents[closed]", ks.toString());
    }

    @Test
    void closedKeystore_refusesUse() throws Exception {
        InMemoryKeyWrapService wrap = new InMemoryKeyWrapService();
        wrap.createMasterKey("mk-1");
        KeystoreContents ks = KeystoreContents.create(KeystoreFile.parse(TestEntries.settingsBytes()), "mk-1", wrap);
        ks.zero();
        assertThrows(IllegalStateException.class, () -> ks.get("x"));
        assertThrows(IllegalStateException.class, ks::serialize);
        assertThrows(IllegalStateException.class, () -> ks.rewrap(wrap, "mk-1"));
        ks.close();
    }
}
