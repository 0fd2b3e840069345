package dev.kmipjca.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.KmipKeyStoreParameter;
import dev.kmipjca.client.ObjectSpec;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.SecretDataType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server keys as key handles: the master key, kmip:uid: and kmip:name: aliases, handles stored as entries. */
class ServerKeysTest {
    @TempDir
    static Path dir;
    static DevServerFixture fx;
    KeyStore ks;
    Path file;

    @BeforeAll
    static void start() throws IOException {
        fx = DevServerFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @BeforeEach
    void load() throws Exception {
        file = fx.newKeystoreFile();
        ks = fx.keyStore();
        ks.load(new KmipKeyStoreParameter(file, null));
    }

    String newServerKey(String name, int bits) throws Exception {
        String uid = fx.client().create(CryptographicAlgorithm.AES, bits, ObjectSpec.of(name, MasterKeys.KEK_MASK));
        fx.client().activate(uid);
        return uid;
    }

    @Test
    void masterKeyHandle_isAnAesSecretKeyWithoutBytes() throws Exception {
        Key k = ks.getKey("kmip:master", null);
        assertInstanceOf(SecretKey.class, k);
        assertInstanceOf(KmipKey.class, k);
        assertEquals("AES", k.getAlgorithm());
        assertNull(k.getEncoded());
        assertNull(k.getFormat());
        String uid = ((KmipKey) k).uniqueIdentifier();
        assertTrue(k.toString().contains("uid=" + uid), k.toString());
        assertTrue(ks.isKeyEntry("kmip:master"));
        assertFalse(ks.isCertificateEntry("kmip:master"));
        assertInstanceOf(KeyStore.SecretKeyEntry.class, ks.getEntry("kmip:master", new KeyStore.PasswordProtection(new char[0])));
    }

    @Test
    void keyHandle_refusesSerialisation() throws Exception {
        Key k = ks.getKey("kmip:master", null);
        NotSerializableException e = assertThrows(NotSerializableException.class,
                () -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(k));
        assertTrue(e.getMessage().contains("cannot be serialised"), e.getMessage());
    }

    @Test
    void uidAlias_namesAnyAesKeyWithItsSize_andIsNotListed() throws Exception {
        String uid = newServerKey("by-uid", 128);
        KmipKey k = (KmipKey) ks.getKey("kmip:uid:" + uid, null);
        assertEquals(uid, k.uniqueIdentifier());
        assertEquals(128, k.keySizeBits());
        assertTrue(ks.containsAlias("KMIP:UID:" + uid));
        assertTrue(ks.isKeyEntry("kmip:uid:" + uid));
        assertTrue(ks.getCreationDate("kmip:uid:" + uid).getTime() <= System.currentTimeMillis());
        assertFalse(Collections.list(ks.aliases()).stream().anyMatch(a -> a.startsWith("kmip:uid:")));
    }

    @Test
    void uidAlias_unknownKey_isAbsent() throws Exception {
        assertNull(ks.getKey("kmip:uid:no-such-key", null));
        assertFalse(ks.containsAlias("kmip:uid:no-such-key"));
        assertNull(ks.getCreationDate("kmip:uid:no-such-key"));
        assertNull(ks.getKey("kmip:other", null));
    }

    @Test
    void uidAlias_secretDataNotAKey_isUnrecoverableNamingTheType() throws Exception {
        String uid = fx.client().registerSecretData("x".getBytes(StandardCharsets.US_ASCII), SecretDataType.PASSWORD,
                ObjectSpec.of("not-a-key", 0));
        UnrecoverableKeyException e = assertThrows(UnrecoverableKeyException.class,
                () -> ks.getKey("kmip:uid:" + uid, null));
        assertTrue(e.getMessage().contains("is a Secret Data"), e.getMessage());
    }

    @Test
    void nameAlias_findsTheKeyByName_andRefusesAmbiguousNames() throws Exception {
        String uid = newServerKey("orders-kek-" + System.nanoTime(), 256);
        String name = fx.client().getAttributes(uid, "Name").get(dev.kmipjca.protocol.AttributeKey.NAME).value();
        assertEquals(uid, ((KmipKey) ks.getKey("kmip:name:" + name, null)).uniqueIdentifier());
        assertNull(ks.getKey("kmip:name:nobody-has-this-name", null));
        newServerKey("twice", 256);
        newServerKey("twice", 256);
        UnrecoverableKeyException e = assertThrows(UnrecoverableKeyException.class, () -> ks.getKey("kmip:name:twice", null));
        assertTrue(e.getMessage().contains("2 keys") && e.getMessage().contains("kmip:uid:"), e.getMessage());
    }

    @Test
    void handleStoredUnderAnAlias_comesBackAsAHandleAfterReload() throws Exception {
        String uid = newServerKey("stored-ref", 192);
        ks.setKeyEntry("Ref", ks.getKey("kmip:uid:" + uid, null), null, null);
        ks.store(null);
        KeyStore again = fx.keyStore();
        again.load(new KmipKeyStoreParameter(file, null));
        KmipKey k = (KmipKey) again.getKey("ref", null);
        assertEquals(uid, k.uniqueIdentifier());
        assertEquals(192, k.keySizeBits());
        assertTrue(again.entryInstanceOf("ref", KeyStore.SecretKeyEntry.class));
        assertEquals(uid, ((KmipKey) ((KeyStore.SecretKeyEntry) again.getEntry("ref", new KeyStore.PasswordProtection(new char[0]))).getSecretKey()).uniqueIdentifier());
    }
}
