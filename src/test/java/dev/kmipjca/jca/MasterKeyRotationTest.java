package dev.kmipjca.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.KmipEnvelopes;
import dev.kmipjca.KmipKeyStoreParameter;
import dev.kmipjca.client.LocateFilter;
import dev.kmipjca.config.RetireOldMasterKey;
import dev.kmipjca.envelope.Envelope;
import dev.kmipjca.envelope.EnvelopeHeader;
import dev.kmipjca.envelope.KmipKeyWrapService;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.State;
import dev.kmipjca.server.Faults;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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

    /** The objects the fixture's client identity owns on the server (the keystores' identity too). */
    static int objects(DevServerFixture f) throws Exception {
        return f.client().locate(LocateFilter.builder().build()).uniqueIdentifiers().size();
    }

    /** The stored keystore's text with {@code kmip.rotateMasterKey=true} added to its settings. */
    static byte[] withRotateFlag(Path file) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains("kmip.protocolVersionMax=1.4\n"), text);
        return text.replace("kmip.protocolVersionMax=1.4\n", "kmip.protocolVersionMax=1.4\nkmip.rotateMasterKey=true\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static KeyStore loadStream(DevServerFixture f, byte[] file) throws Exception {
        KeyStore ks = f.keyStore();
        ks.load(new ByteArrayInputStream(file), pw());
        return ks;
    }

    @Test
    void rotateMasterKeySetting_loadFromStream_changesNothingOnTheServer_keystoreWorksUnderTheOldKey() throws Exception {
        Path file = fx.newKeystoreFile("kmip.retireOldMasterKey=deactivate");
        String old = storedKeystore(fx, file);
        byte[] flagged = withRotateFlag(file);
        int before = objects(fx);
        KeyStore ks = loadStream(fx, flagged);
        loadStream(fx, flagged); // keytool loads twice per command
        assertEquals(before, objects(fx), "a stream load creates no master key");
        assertEquals(old, master(ks));
        assertEquals(State.ACTIVE, state(fx, old));
        assertArrayEquals(AES, ks.getKey("data", null).getEncoded());
        byte[] env = KmipEnvelopes.of(ks).encrypt("under the old key".getBytes(StandardCharsets.UTF_8), AAD);
        assertEquals(old, EnvelopeHeader.parse(env).masterKeyId());
        assertEquals(before, objects(fx));
    }

    @Test
    void rotateMasterKeySetting_loadFromStream_storeRotatesWritesThenRetires_reloadDoesNotRotate() throws Exception {
        Path file = fx.newKeystoreFile("kmip.retireOldMasterKey=deactivate");
        String old = storedKeystore(fx, file);
        KeyStore ks = loadStream(fx, withRotateFlag(file));
        int before = objects(fx);
        State[] oldStateAtWrite = new State[1];
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void flush() {
                try {
                    oldStateAtWrite[0] = state(fx, old);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        ks.store(out, pw());

        String now = master(ks);
        assertNotEquals(old, now);
        assertEquals(before + 1, objects(fx), "one new master key (Re-key)");
        assertEquals(State.ACTIVE, oldStateAtWrite[0], "the old key is retired only after the file is written");
        assertEquals(State.DEACTIVATED, state(fx, old), "kmip.retireOldMasterKey=deactivate applied");
        String written = out.toString(StandardCharsets.UTF_8);
        assertTrue(written.contains("kmip.rotateMasterKey=false\n"), written);
        assertTrue(written.contains("kmip.keyIdentifier=" + now + "\n"), written);
        assertTrue(written.lines().anyMatch(l -> l.startsWith("kmipjca.history.0=") && l.contains(old)), written);

        Files.write(file, out.toByteArray());
        KeyStore again = loadStream(fx, Files.readAllBytes(file));
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        again.store(second, pw());
        assertEquals(now, master(again));
        assertEquals(now, master(load(fx, file)), "loading the stored file again does not rotate");
        assertEquals(before + 1, objects(fx));
        assertArrayEquals(AES, again.getKey("data", null).getEncoded());
    }

    @Test
    void rotateMasterKeySetting_loadFromStream_storeToAPath_rotatesTheFileAtomically() throws Exception {
        Path file = fx.newKeystoreFile();
        String old = storedKeystore(fx, file);
        KeyStore ks = loadStream(fx, withRotateFlag(file));
        ks.store(new KmipKeyStoreParameter(file, pw()));
        String now = master(ks);
        assertNotEquals(old, now);
        assertTrue(Files.readString(file).contains("kmip.keyIdentifier=" + now + "\n"));
        assertTrue(Files.readString(file).contains("kmip.rotateMasterKey=false\n"));
        assertEquals(State.ACTIVE, state(fx, old), "keep, the default");
        assertEquals(now, master(load(fx, file)));
    }

    @Test
    void rotateMasterKeySetting_retirementFails_loadFromPathAndStoreOfAStreamSucceed_oneWarningEach_oldKeyUntouched()
            throws Exception {
        Path byPath = fx.newKeystoreFile("kmip.retireOldMasterKey=deactivate");
        String oldOfPath = storedKeystore(fx, byPath);
        Files.write(byPath, withRotateFlag(byPath));
        Path byStream = fx.newKeystoreFile("kmip.retireOldMasterKey=destroy");
        String oldOfStream = storedKeystore(fx, byStream);
        KeyStore streamed = loadStream(fx, withRotateFlag(byStream));
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger("dev.kmipjca.jca");
        log.addHandler(h);
        fx.server.faults(Faults.builder().fail(Operation.REVOKE, ResultReason.PERMISSION_DENIED).build());
        KeyStore loaded;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            loaded = load(fx, byPath);
            streamed.store(out, pw());
        } finally {
            fx.server.faults(Faults.NONE);
            log.removeHandler(h);
        }
        String nowOfPath = master(loaded);
        String nowOfStream = master(streamed);
        assertNotEquals(oldOfPath, nowOfPath);
        assertTrue(Files.readString(byPath).contains("kmip.keyIdentifier=" + nowOfPath + "\n"), "the file is rotated");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("kmip.keyIdentifier=" + nowOfStream + "\n"));
        assertEquals(2, warnings.size(), warnings.toString());
        String injected = "KMIP Revoke failed: Permission Denied (0x0000000C): injected fault: Revoke fails with"
                + " Permission Denied [server 127.0.0.1:" + fx.server.port() + "]";
        assertEquals("the keystore is rotated to master key " + nowOfPath + " and written, but retiring the old master"
                + " key " + oldOfPath + " (kmip.retireOldMasterKey=deactivate) failed: " + injected
                + "; retire it on the server by hand (java -jar kmip-jca.jar keys revoke/destroy)",
                warnings.get(0).getMessage());
        assertEquals("the keystore is rotated to master key " + nowOfStream + " and written, but retiring the old master"
                + " key " + oldOfStream + " (kmip.retireOldMasterKey=destroy) failed: " + injected
                + "; retire it on the server by hand (java -jar kmip-jca.jar keys revoke/destroy)",
                warnings.get(1).getMessage());
        assertEquals(State.ACTIVE, state(fx, oldOfPath), "the old key is left as it was");
        assertEquals(State.ACTIVE, state(fx, oldOfStream));
        assertArrayEquals(AES, loaded.getKey("data", null).getEncoded());
    }

    @Test
    void rotateMasterKeySetting_inAProviderConfigurationFile_refusedByLoadNullAndKeyGenerator_namingTheFile()
            throws Exception {
        Path config = fx.newKeystoreFile("kmip.rotateMasterKey=true");
        java.security.Provider p = new dev.kmipjca.KmipProvider().configure(config.toString());
        String expected = "kmip.rotateMasterKey=true in the KMIP provider's configuration file " + config + ": the setting"
                + " is read only from a keystore file, when KeyStore.load opens it (docs/rotation.md, \"Three ways in\");"
                + " remove it here and rotate with java -jar kmip-jca.jar rotate --keystore FILE or"
                + " dev.kmipjca.KmipRotation.rotate";
        int before = objects(fx);
        IOException load = assertThrows(IOException.class, () -> KeyStore.getInstance("KMIP", p).load(null, pw()));
        assertEquals(expected, load.getMessage());
        javax.crypto.KeyGenerator g = javax.crypto.KeyGenerator.getInstance("KMIP-AES", p);
        java.security.ProviderException gen = assertThrows(java.security.ProviderException.class, g::generateKey);
        assertEquals("the KMIP provider's configuration " + config + " is not usable: " + expected, gen.getMessage());
        assertEquals(before, objects(fx));
        KeyStore asKeystore = load(fx, config); // the same file loaded as a keystore is a keystore: no refusal
        assertEquals(0, asKeystore.size());
    }
}
