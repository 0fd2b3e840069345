package dev.kmipjca.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.KmipKeyGenParameterSpec;
import dev.kmipjca.KmipKeyStoreParameter;
import dev.kmipjca.KmipProvider;
import dev.kmipjca.client.KmipClient;
import dev.kmipjca.client.RetrievedObject;
import dev.kmipjca.envelope.KeyWrapException;
import dev.kmipjca.envelope.KmipKeyWrapService;
import dev.kmipjca.envelope.WrappedKey;
import dev.kmipjca.it.KmipServerUnderTest.Identity;
import dev.kmipjca.it.PyKmipServer;
import dev.kmipjca.protocol.RevocationReasonCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The JCA surface against PyKMIP at KMIP 1.4 and 2.0 (PyKMIP does AES-GCM from 1.4 on). */
class PyKmipJcaIT {
    @TempDir
    static Path dir;
    static PyKmipServer server;

    @BeforeAll
    static void start() throws Exception {
        server = PyKmipServer.startOrSkip(dir.resolve("pykmip"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Path newKeystore(String version) throws Exception {
        Path f = Files.createTempFile(dir, "ks-" + version, ".kmip");
        Files.writeString(f, "kmip.serverName=127.0.0.1\nkmip.port=" + server.port() + "\nkmip.serverCAFile="
                + server.credentials().caFile() + "\nkmip.clientCertificateFile=" + server.credentials().clientFile(Identity.A)
                + "\nkmip.protocolVersionMin=" + version + "\nkmip.protocolVersionMax=" + version + "\n");
        return f;
    }

    static KmipClient client(String version) throws Exception {
        return KmipClient.open(server.settings(Identity.A).protocolVersionMin(version).protocolVersionMax(version).build(), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.4", "2.0"})
    void keystore_createStoreReload_inOneRoundTrip(String version) throws Exception {
        Path file = newKeystore(version);
        KmipProvider provider = new KmipProvider();
        KeyStore ks = KeyStore.getInstance("KMIP", provider);
        ks.load(new KmipKeyStoreParameter(file, null));
        ks.setKeyEntry("aes", new SecretKeySpec(new byte[32], "AES"), null, null);
        ks.store(null);
        Engines engines = new Engines(null);
        KeyStore again = new KeyStore(engines.keyStore(), provider, "KMIP") {};
        again.load(new KmipKeyStoreParameter(file, null));
        assertEquals(1, engines.roundTrips());
        assertEquals(new SecretKeySpec(new byte[32], "AES"), again.getKey("aes", null));
        assertTrue(again.getCreationDate("kmip:master").getTime() <= System.currentTimeMillis());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.4", "2.0"})
    void serverCiphers_gcmAndCbc_interoperateWithSunJce(String version) throws Exception {
        KmipProvider provider = new KmipProvider();
        KeyStore ks = KeyStore.getInstance("KMIP", provider);
        ks.load(new KmipKeyStoreParameter(newKeystore(version), null));
        Key handle = ks.getKey("kmip:master", null);
        SecretKeySpec bytes;
        try (KmipClient c = client(version); RetrievedObject o = c.get(((KmipKey) handle).uniqueIdentifier())) {
            bytes = new SecretKeySpec(o.material().toByteArray(), "AES");
        }
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding", provider);
        gcm.init(Cipher.ENCRYPT_MODE, handle);
        gcm.updateAAD(new byte[] {9});
        byte[] ct = gcm.doFinal("pykmip".getBytes());
        Cipher sun = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        sun.init(Cipher.DECRYPT_MODE, bytes, gcm.getParameters());
        sun.updateAAD(new byte[] {9});
        assertEquals("pykmip", new String(sun.doFinal(ct)));
        gcm.init(Cipher.DECRYPT_MODE, handle, gcm.getParameters().getParameterSpec(GCMParameterSpec.class));
        gcm.updateAAD(new byte[] {8});
        assertThrows(AEADBadTagException.class, () -> gcm.doFinal(ct), "PyKMIP's General Failure for a wrong tag");

        Cipher cbc = Cipher.getInstance("AES/CBC/PKCS5Padding", provider);
        cbc.init(Cipher.ENCRYPT_MODE, handle, new IvParameterSpec(new byte[16]));
        byte[] cbcCt = cbc.doFinal("cbc on pykmip".getBytes());
        Cipher sunCbc = Cipher.getInstance("AES/CBC/PKCS5Padding", "SunJCE");
        sunCbc.init(Cipher.DECRYPT_MODE, bytes, new IvParameterSpec(new byte[16]));
        assertEquals("cbc on pykmip", new String(sunCbc.doFinal(cbcCt)));

        Cipher wrap = Cipher.getInstance("AES/GCM/NoPadding", provider);
        wrap.init(Cipher.WRAP_MODE, handle);
        byte[] blob = wrap.wrap(new SecretKeySpec(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, "AES"));
        wrap.init(Cipher.UNWRAP_MODE, handle);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16},
                wrap.unwrap(blob, "AES", Cipher.SECRET_KEY).getEncoded());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.4", "2.0"})
    void keyGenerator_createsAnActiveKeyOnPyKmip(String version) throws Exception {
        KmipProvider provider = new KmipProvider();
        KeyStore ks = KeyStore.getInstance("KMIP", provider);
        ks.load(new KmipKeyStoreParameter(newKeystore(version), null));
        KeyGenerator g = KeyGenerator.getInstance("KMIP-AES", provider);
        g.init(KmipKeyGenParameterSpec.of("pykmip-kek-" + version, 256));
        Key k = g.generateKey();
        assertInstanceOf(KmipKey.class, k);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding", provider);
        c.init(Cipher.ENCRYPT_MODE, k);
        assertEquals(19, c.doFinal(new byte[3]).length);
        assertEquals(((KmipKey) k).uniqueIdentifier(),
                ((KmipKey) ks.getKey("kmip:name:pykmip-kek-" + version, null)).uniqueIdentifier());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.4", "2.0"})
    void keyWrapService_failureKindsOnPyKmip(String version) throws Exception {
        try (KmipClient c = client(version)) {
            KeyStore ks = KeyStore.getInstance("KMIP", new KmipProvider());
            ks.load(new KmipKeyStoreParameter(newKeystore(version), null));
            String mk = ((KmipKey) ks.getKey("kmip:master", null)).uniqueIdentifier();
            KmipKeyWrapService s = new KmipKeyWrapService(c, false);
            WrappedKey w = s.wrap(mk, new byte[32], new byte[] {1});
            assertArrayEquals(new byte[32], s.unwrap(w, new byte[] {1}));
            assertEquals(KeyWrapException.Kind.AUTHENTICATION_FAILED,
                    assertThrows(KeyWrapException.class, () -> s.unwrap(w, new byte[] {2})).kind());
            assertEquals(KeyWrapException.Kind.KEY_NOT_FOUND,
                    assertThrows(KeyWrapException.class, () -> s.wrap("999999", new byte[32], null)).kind());
            c.revoke(mk, RevocationReasonCode.CESSATION_OF_OPERATION, null, null);
            KeyWrapException e = assertThrows(KeyWrapException.class,
                    () -> new KmipKeyWrapService(c, false, true).unwrap(w, new byte[] {1}));
            assertEquals(KeyWrapException.Kind.KEY_NOT_USABLE, e.kind(), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.4", "2.0"})
    void revokedOrDestroyedMasterKey_failsTheLoadNamingTheCause(String version) throws Exception {
        Path file = newKeystore(version);
        KeyStore ks = KeyStore.getInstance("KMIP", new KmipProvider());
        ks.load(new KmipKeyStoreParameter(file, null));
        ks.setKeyEntry("k", new SecretKeySpec(new byte[16], "AES"), null, null);
        ks.store(null);
        String mk = ((KmipKey) ks.getKey("kmip:master", null)).uniqueIdentifier();
        byte[] before = Files.readAllBytes(file);
        try (KmipClient c = client(version)) {
            c.revoke(mk, RevocationReasonCode.CESSATION_OF_OPERATION, null, null);
            java.io.IOException e = assertThrows(java.io.IOException.class,
                    () -> KeyStore.getInstance("KMIP", new KmipProvider()).load(new KmipKeyStoreParameter(file, null)));
            assertTrue(e.getMessage().contains("MASTER_KEY_FAILED") && e.getMessage().contains("KEY_NOT_USABLE"), e.getMessage());
            c.destroy(mk);
            e = assertThrows(java.io.IOException.class,
                    () -> KeyStore.getInstance("KMIP", new KmipProvider()).load(new KmipKeyStoreParameter(file, null)));
            assertTrue(e.getMessage().contains("MASTER_KEY_FAILED") && e.getMessage().contains("KEY_NOT_FOUND"), e.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }
}
