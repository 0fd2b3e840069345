package dev.kmipjca.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.KmipKeyStoreParameter;
import dev.kmipjca.config.RetireOldMasterKey;
import dev.kmipjca.envelope.Envelope;
import dev.kmipjca.envelope.KmipKeyWrapService;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.State;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Master-key rotation of keystore files on the development server (Re-key) and on one without Re-key (Create). */
class MasterKeyRotationTest {
    @TempDir
    static Path dir;
    @TempDir
    static Path noReKeyDir;
    static DevServerFixture fx;
    static DevServerFixture noReKey;
    static final byte[] AES = new byte[32];
    static final byte[] AAD = "rotation test".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void start() throws IOException {
        fx = DevServerFixture.start(dir);
        noReKey = DevServerFixture.start(noReKeyDir, Operation.REKEY, ResultReason.OPERATION_NOT_SUPPORTED);
        for (int i = 0; i < AES.length; i++) {
            AES[i] = (byte) (i * 7 + 1);
        }
    }

    @AfterAll
    static void stop() {
        fx.close();
        noReKey.close();
    }

    static char[] pw() {
        return "changeit".toCharArray();
    }

    /** A stored keystore with one secret key entry; returns its master key id. */
    static String storedKeystore(DevServerFixture f, Path file) throws Exception {
        KeyStore ks = f.keyStore();
        ks.load(new KmipKeyStoreParameter(file, pw()));
        ks.setKeyEntry("data", new SecretKeySpec(AES, "AES"), null, null);
        ks.store(null);
        return ((KmipKey) ks.getKey("kmip:master", null)).uniqueIdentifier();
    }

    static KeyStore load(DevServerFixture f, Path file) throws Exception {
        KeyStore ks = f.keyStore();
        ks.load(new KmipKeyStoreParameter(file, pw()));
        return ks;
    }

    static String master(KeyStore ks) throws Exception {
        return ((KmipKey) ks.getKey("kmip:master", null)).uniqueIdentifier();
    }

    static State state(DevServerFixture f, String id) throws Exception {
        return f.client().getAttributes(id, "State").get(AttributeKey.STATE);
    }

    @Test
    void rotate_serverWithReKey_oldEnvelopesAndEntriesReadable_newOnesUseNewKey_historyNamesOldKey() throws Exception {
        Path file = fx.newKeystoreFile();
        String old = storedKeystore(fx, file);
        KmipKeyWrapService wrap = new KmipKeyWrapService(fx.client(), false);
        byte[] before = Envelope.builder(wrap).masterKeyId(old).build().encrypt("old data".getBytes(StandardCharsets.UTF_8), AAD);

        KeystoreRotation.Result r = KeystoreRotation.rotate(file, pw(), null, false);

        assertEquals(old, r.oldMasterKeyId());
        assertNotEquals(old, r.newMasterKeyId());
        assertTrue(r.reKeyed(), "the development server serves Re-key");
        assertEquals(RetireOldMasterKey.KEEP, r.retired());
        assertEquals(State.ACTIVE, state(fx, r.newMasterKeyId()));
        assertEquals(State.ACTIVE, state(fx, old), "keep leaves the old key Active");
        String text = Files.readString(file);
        assertTrue(text.contains("kmip.keyIdentifier=" + r.newMasterKeyId() + "\n"), text);
        assertTrue(text.contains("kmipjca.historyCount=1"), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("kmipjca.history.0=") && l.contains(old)), text);
        KeyStore ks = load(fx, file);
        assertEquals(r.newMasterKeyId(), master(ks));
        assertArrayEquals(AES, ks.getKey("data", null).getEncoded());
        Envelope now = Envelope.builder(wrap).masterKeyId(r.newMasterKeyId()).build();
        assertArrayEquals("old data".getBytes(StandardCharsets.UTF_8), now.decrypt(before, AAD),
                "the header names the old key, which the wrap service unwraps under");
        byte[] after = now.encrypt("new data".getBytes(StandardCharsets.UTF_8), AAD);
        assertEquals(r.newMasterKeyId(), dev.kmipjca.envelope.EnvelopeHeader.parse(after).masterKeyId());
    }

    @Test
    void rotate_serverWithoutReKey_createsAnActiveKeyLikeTheOld_entriesReadable() throws Exception {
        Path file = noReKey.newKeystoreFile();
        String old = storedKeystore(noReKey, file);
        KeystoreRotation.Result r = KeystoreRotation.rotate(file, pw(), RetireOldMasterKey.KEEP, false);
        assertFalse(r.reKeyed());
        var a = noReKey.client().getAttributes(r.newMasterKeyId(), "State", "Cryptographic Length",
                "Cryptographic Usage Mask", "Name");
        assertEquals(State.ACTIVE, a.get(AttributeKey.STATE));
        assertEquals(256, a.get(AttributeKey.CRYPTOGRAPHIC_LENGTH));
        assertEquals(MasterKeys.KEK_MASK, a.get(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK));
        assertTrue(a.get(AttributeKey.NAME).value().startsWith("kmip-jca master "));
        KeyStore ks = load(noReKey, file);
        assertEquals(r.newMasterKeyId(), master(ks));
        assertNotEquals(old, master(ks));
        assertArrayEquals(AES, ks.getKey("data", null).getEncoded());
    }

    @Test
    void rotate_retireDeactivate_oldKeyDeactivated_fileLoads() throws Exception {
        Path file = fx.newKeystoreFile();
        String old = storedKeystore(fx, file);
        KeystoreRotation.Result r = KeystoreRotation.rotate(file, pw(), RetireOldMasterKey.DEACTIVATE, false);
        assertEquals(State.DEACTIVATED, state(fx, old));
        assertArrayEquals(AES, load(fx, file).getKey("data", null).getEncoded());
        assertEquals(State.ACTIVE, state(fx, r.newMasterKeyId()));
    }

    @Test
    void rotate_retireDestroyFromTheFileSetting_oldKeyGone_fileLoads() throws Exception {
        Path file = fx.newKeystoreFile("kmip.retireOldMasterKey=destroy");
        String old = storedKeystore(fx, file);
        KeystoreRotation.Result r = KeystoreRotation.rotate(file, pw(), null, false);
        assertEquals(RetireOldMasterKey.DESTROY, r.retired());
        State s;
        try {
            s = state(fx, old);
        } catch (KmipResultException.ItemNotFound e) {
            s = State.DESTROYED;
        }
        assertTrue(State.DESTROYED.equals(s) || State.DESTROYED_COMPROMISED.equals(s), String.valueOf(s));
        assertArrayEquals(AES, load(fx, file).getKey("data", null).getEncoded());
    }

    @Test
    void rotate_retirementFails_fileIsAlreadyRotatedAndLoads_oldKeyUntouched() throws Exception {
        Path file = fx.newKeystoreFile();
        String old = storedKeystore(fx, file);
        String[] seen = new String[1];
        IOException e = assertThrows(IOException.class, () -> KeystoreRotation.rotate(file, pw(),
                RetireOldMasterKey.DESTROY, false, (link, o, n, how) -> {
                    seen[0] = Files.readString(file);
                    throw KeystoreRotation.retirementFailed(o, n, how, new IOException("injected"));
                }));
        KeyStore ks = load(fx, file);
        String now = master(ks);
        assertTrue(seen[0].contains("kmip.keyIdentifier=" + now + "\n"), "written before retirement");
        assertEquals("the keystore is rotated to master key " + now + " and written, but retiring the old master key "
                + old + " (kmip.retireOldMasterKey=destroy) failed: injected; retire it on the server by hand"
                + " (java -jar kmip-jca.jar keys revoke/destroy)", e.getMessage());
        assertEquals(State.ACTIVE, state(fx, old));
        assertArrayEquals(AES, ks.getKey("data", null).getEncoded());
    }

    @Test
    void rotate_newKeystoreKey_entriesReEncrypted_stillReadable() throws Exception {
        Path file = fx.newKeystoreFile();
        storedKeystore(fx, file);
        String before = sealedEntries(Files.readString(file));
        KeystoreRotation.rotate(file, pw(), RetireOldMasterKey.KEEP, true);
        String after = sealedEntries(Files.readString(file));
        assertTrue(before.length() > 100, before);
        assertNotEquals(before, after, "the entry is sealed under a new keystore key");
        assertArrayEquals(AES, load(fx, file).getKey("data", null).getEncoded());
    }

    /** The text of the sealed entries (a field continued over several lines). */
    static String sealedEntries(String file) {
        return file.substring(file.indexOf("kmipjca.entry.0="), file.indexOf("kmipjca.mac"));
    }

    @Test
    void rotateMasterKeySetting_loadFromPath_rotatesWritesAndTurnsItselfOff() throws Exception {
        Path file = fx.newKeystoreFile("kmip.rotateMasterKey=true");
        KeyStore first = fx.keyStore();
        first.load(new KmipKeyStoreParameter(file, pw()));
        first.setKeyEntry("data", new SecretKeySpec(AES, "AES"), null, null);
        first.store(null);
        String old = master(first);
        String rotated = master(load(fx, file)); // loading with the setting on rotates once, writing the file
        assertNotEquals(old, rotated);
        String text = Files.readString(file);
        assertTrue(text.contains("kmip.rotateMasterKey=false"), text);
        assertTrue(text.contains("kmip.keyIdentifier=" + rotated + "\n"), text);
        KeyStore again = load(fx, file);
        assertEquals(rotated, master(again), "the setting is off now");
        assertArrayEquals(AES, again.getKey("data", null).getEncoded());
    }

    @Test
    void rotateMasterKeySetting_loadFromStream_rotatedFileWrittenByStore() throws Exception {
        Path file = fx.newKeystoreFile();
        String old = storedKeystore(fx, file);
        String text = Files.readString(file).replace("kmip.protocolVersionMax=1.4\n",
                "kmip.protocolVersionMax=1.4\nkmip.rotateMasterKey=true\n");
        KeyStore ks = fx.keyStore();
        ks.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), pw());
        String rotated = master(ks);
        assertNotEquals(old, rotated);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, pw());
        String written = out.toString(StandardCharsets.UTF_8);
        assertTrue(written.contains("kmip.rotateMasterKey=false"), written);
        assertTrue(written.contains("kmip.keyIdentifier=" + rotated + "\n"), written);
        assertEquals(State.ACTIVE, state(fx, old), "a stream-loaded keystore keeps the old key");
    }
}
