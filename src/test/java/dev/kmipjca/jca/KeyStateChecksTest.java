package dev.kmipjca.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.KmipEnvelopes;
import dev.kmipjca.KmipKeyStoreParameter;
import dev.kmipjca.KmipProvider;
import dev.kmipjca.envelope.Envelope;
import dev.kmipjca.envelope.KeyWrapException;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.RevocationReasonCode;
import dev.kmipjca.protocol.State;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The master key's State on every path that encrypts under it (kmip.keyStatePollingSeconds=1, so the
 * tests wait just over a second for the cached State to expire): once the key is revoked, the
 * KMIP-Envelope cipher, KmipEnvelopes and the server-side cipher refuse to encrypt and say why, while
 * what was encrypted before still decrypts.
 */
class KeyStateChecksTest {
    static final byte[] AAD = "states".getBytes(StandardCharsets.UTF_8);
    static final byte[] TEXT = "written before the revocation".getBytes(StandardCharsets.UTF_8);
    static final String EVENT = "dev.kmipjca.MasterKeyState";

    @TempDir
    Path dir;
    DevServerFixture fx;
    KeyStore ks;
    Key master;
    String id;

    @BeforeEach
    void start() throws Exception {
        fx = DevServerFixture.start(dir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    void load(String polling) throws Exception {
        ks = fx.keyStore();
        ks.load(new KmipKeyStoreParameter(fx.newKeystoreFile("kmip.keyStatePollingSeconds=" + polling), null));
        master = ks.getKey(KmipEnvelopes.MASTER_ALIAS, null);
        id = ((KmipKey) master).uniqueIdentifier();
    }

    String refusal(String state) {
        return "master key " + id + " is " + state + " on [127.0.0.1:" + fx.server.port() + "]: it no longer encrypts"
                + " (no new data or data keys can be protected under it); data already encrypted under it still"
                + " decrypts where the server allows. Rotate to a new master key (docs/rotation.md)";
    }

    byte[] envelopeCipher(int mode, byte[] in) throws Exception {
        Cipher c = Cipher.getInstance(KmipProvider.ENVELOPE_CIPHER, fx.provider);
        c.init(mode, master);
        return c.doFinal(in);
    }

    @Test
    void revokedMasterKey_everyEncryptionPathRefusedNamingKeyAndState_decryptionStillWorks() throws Exception {
        load("1");
        Envelope shared = KmipEnvelopes.of(ks);
        Sealed before = sealEveryWay(shared);
        Cipher wrapper = Cipher.getInstance("AES/GCM/NoPadding", fx.provider);
        wrapper.init(Cipher.WRAP_MODE, master);
        byte[] wrapped = wrapper.wrap(new SecretKeySpec(new byte[16], "AES"));

        Path jfr = dir.resolve("states.jfr");
        try (Recording r = new Recording()) {
            r.enable(EVENT);
            r.start();
            fx.client().revoke(id, RevocationReasonCode.CESSATION_OF_OPERATION, null, null);
            Thread.sleep(1100);

            assertEveryEncryptionRefused(shared, "Deactivated");
            r.stop();
            r.dump(jfr);
        }

        assertEveryWayDecrypts(shared, before);
        Cipher unwrapper = Cipher.getInstance("AES/GCM/NoPadding", fx.provider);
        unwrapper.init(Cipher.UNWRAP_MODE, master);
        assertArrayEquals(new byte[16], unwrapper.unwrap(wrapped, "AES", Cipher.SECRET_KEY).getEncoded());

        List<RecordedEvent> events = RecordingFile.readAllEvents(jfr).stream()
                .filter(e -> e.getEventType().getName().equals(EVENT) && id.equals(e.getString("keyId"))).toList();
        assertEquals(1, events.size(), "one event for one change: " + events);
        assertEquals("Active", events.get(0).getString("oldState"));
        assertEquals("Deactivated", events.get(0).getString("newState"));
    }

    @Test
    void compromisedMasterKey_everyEncryptionPathRefusedNamingKeyAndState_serverStillDecrypts_loadRefused()
            throws Exception {
        load("1");
        Path file = fx.dir().resolve("ks-1.kmip");
        ks.store(new KmipKeyStoreParameter(file, null));
        Envelope shared = KmipEnvelopes.of(ks);
        Sealed before = sealEveryWay(shared);

        fx.client().revoke(id, RevocationReasonCode.KEY_COMPROMISE, "test: key compromise",
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        assertEquals(State.COMPROMISED, fx.client().getAttributes(id, "State").get(AttributeKey.STATE));
        Thread.sleep(1100);

        assertEveryEncryptionRefused(shared, "Compromised");
        // the development server lets a Compromised key decrypt (KMIP allows it), and the provider leaves that to it
        assertEveryWayDecrypts(shared, before);

        java.io.IOException load = assertThrows(java.io.IOException.class,
                () -> fx.keyStore().load(new KmipKeyStoreParameter(file, null)));
        int line = java.nio.file.Files.readAllLines(file).indexOf(java.nio.file.Files.readAllLines(file).stream()
                .filter(l -> l.startsWith("kmipjca.keystoreKey=")).findFirst().orElseThrow()) + 1;
        String where = "127.0.0.1:" + fx.server.port();
        assertEquals("cannot load the KMIP keystore: MASTER_KEY_FAILED: the master key " + id + " could not unwrap the"
                + " keystore key (kmipjca.keystoreKey, line " + line + "): KEY_NOT_USABLE: the master key " + id + " is"
                + " Compromised on " + where + ", not Active (revoked or not yet activated) (KMIP server [" + where
                + "])", load.getMessage(), "a keystore load needs an Active master key");
    }

    @Test
    void keystoreLoad_seedsTheState_soTheFirstEncryptionsCostOnlyTheDataKeyWrap() throws Exception {
        load("900");
        ServerLink link = ((ServerKeyHandle) master).link();
        long before = link.client.roundTrips();
        KmipEnvelopes.of(ks).encrypt(TEXT, AAD);
        envelopeCipher(Cipher.ENCRYPT_MODE, TEXT);
        Cipher.getInstance("AES/GCM/NoPadding", fx.provider).init(Cipher.ENCRYPT_MODE, master);
        assertEquals(before + 1, link.client.roundTrips(), "one Encrypt (the data key), no Get Attributes");
    }

    @Test
    void pollingOff_revokedKey_cachedDataKeyStillEncrypts_andNoStateIsRead() throws Exception {
        load("-1");
        Envelope shared = KmipEnvelopes.of(ks);
        shared.encrypt(TEXT, AAD);
        fx.client().revoke(id, RevocationReasonCode.CESSATION_OF_OPERATION, null, null);
        Thread.sleep(1100);
        ServerLink link = ((ServerKeyHandle) master).link();
        long before = link.client.roundTrips();
        assertArrayEquals(TEXT, shared.decrypt(shared.encrypt(TEXT, AAD), AAD));
        envelopeCipher(Cipher.ENCRYPT_MODE, TEXT);
        assertEquals(before, link.client.roundTrips());
    }

    @Test
    void destroyedMasterKey_encryptionAndDecryptionFailWithAClearError() throws Exception {
        load("1");
        byte[] env = KmipEnvelopes.of(ks).encrypt(TEXT, AAD);
        fx.client().revoke(id, RevocationReasonCode.CESSATION_OF_OPERATION, null, null);
        fx.client().destroy(id);
        Thread.sleep(1100);
        InvalidKeyException enc = assertThrows(InvalidKeyException.class, () -> envelopeCipher(Cipher.ENCRYPT_MODE, TEXT));
        assertEquals("master key " + id + " is Destroyed on [127.0.0.1:" + fx.server.port() + "]: encryption under it"
                + " is refused (no new data or data keys can be protected under it), because its key material is gone"
                + " from the server. Rotate to a new master key (docs/rotation.md)", enc.getMessage());
        KeyWrapException dec = assertThrows(KeyWrapException.class,
                () -> KmipEnvelopes.of(fx.client(), null).decrypt(env, AAD));
        assertEquals(KeyWrapException.Kind.KEY_NOT_FOUND, dec.kind());
        assertTrue(dec.getMessage().startsWith("master key " + id + " is "), dec.getMessage());
        assertTrue(dec.getMessage().endsWith(": nothing wrapped under it can be unwrapped"), dec.getMessage());
    }

    @Test
    void generatedServerKey_firstEncryptionReadsNoState_andARevokedOneIsRefused() throws Exception {
        load("1");
        javax.crypto.KeyGenerator g = javax.crypto.KeyGenerator.getInstance("KMIP-AES", fx.provider);
        g.init(dev.kmipjca.KmipKeyGenParameterSpec.of(null, 256).sameServerAs((KmipKey) master));
        Key k = g.generateKey();
        ServerLink link = ((ServerKeyHandle) k).link();
        long before = link.client.roundTrips();
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding", fx.provider);
        gcm.init(Cipher.ENCRYPT_MODE, k);
        gcm.doFinal(TEXT);
        assertEquals(before + 1, link.client.roundTrips(), "the Encrypt only");
        String uid = ((KmipKey) k).uniqueIdentifier();
        fx.client().revoke(uid, RevocationReasonCode.CESSATION_OF_OPERATION, null, null);
        Thread.sleep(1100);
        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> Cipher.getInstance("AES/GCM/NoPadding", fx.provider).init(Cipher.ENCRYPT_MODE, k));
        assertTrue(e.getMessage().startsWith("master key " + uid + " is Deactivated on "), e.getMessage());
    }

    /** {@link #TEXT} sealed through the shared envelope, the KMIP-Envelope cipher and the server's AES-GCM. */
    private record Sealed(byte[] viaEnvelopes, byte[] viaCipher, byte[] viaServer, GCMParameterSpec iv) {
    }

    private Sealed sealEveryWay(Envelope shared) throws Exception {
        byte[] viaEnvelopes = shared.encrypt(TEXT, AAD);
        byte[] viaCipher = envelopeCipher(Cipher.ENCRYPT_MODE, TEXT);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding", fx.provider);
        gcm.init(Cipher.ENCRYPT_MODE, master);
        byte[] viaServer = gcm.doFinal(TEXT);
        return new Sealed(viaEnvelopes, viaCipher, viaServer, gcm.getParameters().getParameterSpec(GCMParameterSpec.class));
    }

    /** Every path that encrypts under the master key is refused with the message that names it in {@code state}. */
    private void assertEveryEncryptionRefused(Envelope shared, String state) {
        KeyWrapException envelopes = assertThrows(KeyWrapException.class, () -> shared.encrypt(TEXT, AAD));
        assertEquals(KeyWrapException.Kind.KEY_NOT_USABLE, envelopes.kind());
        assertEquals(refusal(state), envelopes.getMessage());
        InvalidKeyException cipher = assertThrows(InvalidKeyException.class, () -> envelopeCipher(Cipher.ENCRYPT_MODE, TEXT));
        assertEquals(refusal(state), cipher.getMessage());
        InvalidKeyException server = assertThrows(InvalidKeyException.class,
                () -> Cipher.getInstance("AES/GCM/NoPadding", fx.provider).init(Cipher.ENCRYPT_MODE, master));
        assertEquals(refusal(state), server.getMessage());
        InvalidKeyException wrap = assertThrows(InvalidKeyException.class,
                () -> Cipher.getInstance("AES/GCM/NoPadding", fx.provider).init(Cipher.WRAP_MODE, master));
        assertEquals(refusal(state), wrap.getMessage());
    }

    /** What {@link #sealEveryWay} made still decrypts, through the same paths and a fresh unwrap. */
    private void assertEveryWayDecrypts(Envelope shared, Sealed s) throws Exception {
        assertArrayEquals(TEXT, shared.decrypt(s.viaEnvelopes(), AAD));
        assertArrayEquals(TEXT, envelopeCipher(Cipher.DECRYPT_MODE, s.viaCipher()));
        assertArrayEquals(TEXT, KmipEnvelopes.of(fx.client(), null).decrypt(s.viaEnvelopes(), AAD), "a fresh unwrap");
        Cipher open = Cipher.getInstance("AES/GCM/NoPadding", fx.provider);
        open.init(Cipher.DECRYPT_MODE, master, s.iv());
        assertArrayEquals(TEXT, open.doFinal(s.viaServer()));
    }
}
