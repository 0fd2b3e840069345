package dev.kmipjca.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.KmipKeyStoreParameter;
import dev.kmipjca.client.RetrievedObject;
import dev.kmipjca.transport.DevPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.ProviderException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cipher AES/GCM and AES/CBC of the KMIP provider on a server key, checked against SunJCE with the key's bytes. */
class ServerCipherTest {
    @TempDir
    static Path dir;
    static DevServerFixture fx;
    static Key handle;
    static SecretKeySpec bytes;

    @BeforeAll
    static void start() throws Exception {
        fx = DevServerFixture.start(dir);
        KeyStore ks = fx.keyStore();
        ks.load(new KmipKeyStoreParameter(fx.newKeystoreFile(), null));
        handle = ks.getKey("kmip:master", null);
        try (RetrievedObject o = fx.client().get(((KmipKey) handle).uniqueIdentifier())) {
            bytes = new SecretKeySpec(o.material().toByteArray(), "AES"); // the test peeks, to check interoperability
        }
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    Cipher kmip(String transformation) throws Exception {
        return Cipher.getInstance(transformation, fx.provider);
    }

    @Test
    void gcmEncryptOnTheServer_decryptsWithSunJce_tagAppendedAndAadBound() throws Exception {
        Cipher c = kmip("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, handle);
        assertEquals(12, c.getIV().length);
        c.updateAAD("header".getBytes(StandardCharsets.US_ASCII));
        byte[] ct = c.doFinal("hello server".getBytes(StandardCharsets.US_ASCII));
        assertEquals(12 + 16, ct.length);
        Cipher sun = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        sun.init(Cipher.DECRYPT_MODE, bytes, c.getParameters());
        sun.updateAAD("header".getBytes(StandardCharsets.US_ASCII));
        assertEquals("hello server", new String(sun.doFinal(ct), StandardCharsets.US_ASCII));
    }

    @Test
    void gcmDecryptOnTheServer_ofSunJceCiphertext_andWrongAadFailsTheTag() throws Exception {
        GCMParameterSpec spec = new GCMParameterSpec(128, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        Cipher sun = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        sun.init(Cipher.ENCRYPT_MODE, bytes, spec);
        sun.updateAAD(new byte[] {42});
        byte[] ct = sun.doFinal("from sunjce".getBytes(StandardCharsets.US_ASCII));
        Cipher c = kmip("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, handle, spec);
        c.updateAAD(new byte[] {42});
        c.update(ct, 0, 5);
        assertEquals("from sunjce", new String(c.doFinal(ct, 5, ct.length - 5), StandardCharsets.US_ASCII));
        c.init(Cipher.DECRYPT_MODE, handle, spec);
        c.updateAAD(new byte[] {43});
        AEADBadTagException e = assertThrows(AEADBadTagException.class, () -> c.doFinal(ct));
        assertTrue(e.getMessage().contains("could not authenticate"), e.getMessage());
    }

    @Test
    void gcm_sameIvTwiceForEncryption_isRefused() throws Exception {
        GCMParameterSpec spec = new GCMParameterSpec(128, new byte[12]);
        Cipher c = kmip("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, handle, spec);
        c.doFinal(new byte[1]);
        assertThrows(IllegalStateException.class, () -> c.doFinal(new byte[1]));
        assertThrows(InvalidAlgorithmParameterException.class, () -> c.init(Cipher.ENCRYPT_MODE, handle, spec));
    }

    @Test
    void gcm_ivOtherThanTwelveBytes_isRefused() throws Exception {
        InvalidAlgorithmParameterException e = assertThrows(InvalidAlgorithmParameterException.class,
                () -> kmip("AES/GCM/NoPadding").init(Cipher.ENCRYPT_MODE, handle, new GCMParameterSpec(128, new byte[16])));
        assertTrue(e.getMessage().contains("12-byte IVs"), e.getMessage());
    }

    @Test
    void cbc_roundTripsWithSunJceBothWays() throws Exception {
        IvParameterSpec iv = new IvParameterSpec(new byte[16]);
        Cipher c = kmip("AES/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, handle, iv);
        byte[] ct = c.doFinal("seventeen bytes!!".getBytes(StandardCharsets.US_ASCII));
        assertEquals(32, ct.length);
        Cipher sun = Cipher.getInstance("AES/CBC/PKCS5Padding", "SunJCE");
        sun.init(Cipher.DECRYPT_MODE, bytes, iv);
        assertEquals("seventeen bytes!!", new String(sun.doFinal(ct), StandardCharsets.US_ASCII));
        c.init(Cipher.DECRYPT_MODE, handle, iv);
        assertEquals("seventeen bytes!!", new String(c.doFinal(ct), StandardCharsets.US_ASCII));
    }

    @Test
    void wrapAndUnwrap_secretKey_bindTheAlgorithm() throws Exception {
        KeyGenerator g = KeyGenerator.getInstance("AES");
        g.init(256);
        SecretKey dataKey = g.generateKey();
        Cipher w = kmip("AES/GCM/NoPadding");
        w.init(Cipher.WRAP_MODE, handle);
        byte[] blob = w.wrap(dataKey);
        assertEquals(1, blob[0]);
        assertEquals(1 + 12 + 32 + 16, blob.length);
        Cipher u = kmip("AES/GCM/NoPadding");
        u.init(Cipher.UNWRAP_MODE, handle);
        Key back = u.unwrap(blob, "AES", Cipher.SECRET_KEY);
        assertInstanceOf(SecretKeySpec.class, back);
        assertArrayEquals(dataKey.getEncoded(), back.getEncoded());
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> u.unwrap(blob, "HmacSHA256", Cipher.SECRET_KEY));
        assertTrue(e.getMessage().contains("another algorithm or key type"), e.getMessage());
        blob[0] = 2;
        e = assertThrows(InvalidKeyException.class, () -> u.unwrap(blob, "AES", Cipher.SECRET_KEY));
        assertTrue(e.getMessage().contains("byte 0") && e.getMessage().contains("version 2"), e.getMessage());
    }

    @Test
    void wrapAndUnwrap_privateKey_comesBackThroughKeyFactory() throws Exception {
        PrivateKey ec = DevPki.generateKeyPair(DevPki.KeyKind.EC_P256).getPrivate();
        Cipher w = kmip("AES/GCM/NoPadding");
        w.init(Cipher.WRAP_MODE, handle);
        byte[] blob = w.wrap(ec);
        w.init(Cipher.UNWRAP_MODE, handle);
        Key back = w.unwrap(blob, "EC", Cipher.PRIVATE_KEY);
        assertInstanceOf(java.security.interfaces.ECPrivateKey.class, back);
        assertArrayEquals(ec.getEncoded(), back.getEncoded());
    }

    @Test
    void wrap_aKeyHandle_isRefused() throws Exception {
        Cipher w = kmip("AES/GCM/NoPadding");
        w.init(Cipher.WRAP_MODE, handle);
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> w.wrap(handle));
        assertTrue(e.getMessage().contains("no encoding"), e.getMessage());
    }

    @Test
    void ordinaryKey_isRefusedByTheKmipCipher() {
        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> kmip("AES/GCM/NoPadding").init(Cipher.ENCRYPT_MODE, bytes));
        assertTrue(e.getMessage().contains("take key handles"), e.getMessage());
    }

    @Test
    void payloadOverTheLimit_isRefusedWithAdvice() throws Exception {
        Cipher c = kmip("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, handle);
        ProviderException e = assertThrows(ProviderException.class,
                () -> c.update(new byte[ServerCipherSpi.MAX_INPUT_BYTES + 1]));
        assertTrue(e.getMessage().contains("under a data key"), e.getMessage());
    }

    @Test
    void decryptWithoutIv_isRefused() {
        assertThrows(InvalidKeyException.class, () -> kmip("AES/GCM/NoPadding").init(Cipher.DECRYPT_MODE, handle));
    }

    @Test
    void serverFailure_revokedKey_isAProviderExceptionNamingTheReason() throws Exception {
        KeyStore ks = fx.keyStore();
        ks.load(new KmipKeyStoreParameter(fx.newKeystoreFile(), null));
        Key k = ks.getKey("kmip:master", null);
        fx.client().revoke(((KmipKey) k).uniqueIdentifier(),
                dev.kmipjca.protocol.RevocationReasonCode.CESSATION_OF_OPERATION, null, null);
        Cipher c = kmip("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, k);
        ProviderException e = assertThrows(ProviderException.class, () -> c.doFinal(new byte[4]));
        assertTrue(e.getMessage().contains("KMIP Encrypt with key") && e.getMessage().contains("Permission Denied"),
                e.getMessage());
    }
}
