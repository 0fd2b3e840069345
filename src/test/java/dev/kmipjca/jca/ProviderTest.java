package dev.kmipjca.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.KmipKeyGenParameterSpec;
import dev.kmipjca.KmipKeyStoreParameter;
import dev.kmipjca.KmipProvider;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.State;
import java.io.IOException;
import java.nio.file.Path;
import java.security.InvalidParameterException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.ServiceLoader;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider: its service table, routing of ordinary keys to SunJCE, configure(), the KMIP-AES key generator. */
class ProviderTest {
    @TempDir
    static Path dir;
    static DevServerFixture fx;

    @BeforeAll
    static void start() throws IOException {
        fx = DevServerFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void services_keyTakingOnesDeclareTheHandleInterface() {
        Provider p = new KmipProvider();
        assertEquals("KMIP", p.getName());
        assertEquals("dev.kmipjca.jca.KmipKey", p.getService("Cipher", "AES/GCM/NoPadding").getAttribute("SupportedKeyClasses"));
        assertEquals("dev.kmipjca.jca.KmipKey", p.getService("Cipher", "AES/CBC/PKCS5Padding").getAttribute("SupportedKeyClasses"));
        assertTrue(p.getService("KeyStore", "KMIP") != null && p.getService("KeyGenerator", "KMIP-AES") != null);
        assertNull(p.getService("KeyGenerator", "AES"), "no standard name for an engine that takes no key");
        assertEquals("dev.kmipjca.jca.KmipKey", p.getService("Cipher", "KMIP-Envelope").getAttribute("SupportedKeyClasses"));
        assertEquals(5, p.getServices().size());
    }

    @Test
    void serviceLoader_findsTheProvider() {
        assertTrue(ServiceLoader.load(Provider.class).stream().anyMatch(s -> s.type() == KmipProvider.class));
    }

    @Test
    void kmipFirstInTheList_ordinaryKeysStillGoToSunJce_andHandlesToKmip() throws Exception {
        Provider p = new KmipProvider();
        assertEquals(1, Security.insertProviderAt(p, 1));
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[32], "AES"));
            assertEquals("SunJCE", c.getProvider().getName());
            assertEquals("SunJCE", KeyGenerator.getInstance("AES").getProvider().getName());
            Cipher cbc = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cbc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[16], "AES"));
            assertEquals("SunJCE", cbc.getProvider().getName());

            KeyStore ks = KeyStore.getInstance("KMIP");
            ks.load(new KmipKeyStoreParameter(fx.newKeystoreFile(), null));
            Cipher h = Cipher.getInstance("AES/GCM/NoPadding");
            h.init(Cipher.ENCRYPT_MODE, ks.getKey("kmip:master", null));
            assertEquals("KMIP", h.getProvider().getName());
            assertEquals(28, h.doFinal(new byte[12]).length);
        } finally {
            Security.removeProvider("KMIP");
        }
        assertNull(Security.getProvider("KMIP"));
    }

    @Test
    void configure_missingFile_isRefusedNamingIt() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> new KmipProvider().configure(dir.resolve("nope.properties").toString()));
        assertTrue(e.getMessage().contains("nope.properties") && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void configure_returnsAConfiguredProviderAndLeavesTheOriginalAlone() throws Exception {
        KmipProvider plain = new KmipProvider();
        Path config = fx.newKeystoreFile();
        Provider configured = plain.configure(config.toString());
        assertTrue(configured.isConfigured());
        assertFalse(plain.isConfigured());
        assertTrue(plain != configured);
        assertEquals(config.toAbsolutePath(), ((KmipProvider) configured).configFile());
    }

    @Test
    void keyGenerator_withSpec_createsAnActiveNamedKeyOnTheServerOfTheHandle() throws Exception {
        KeyStore ks = fx.keyStore();
        ks.load(new KmipKeyStoreParameter(fx.newKeystoreFile(), null));
        KmipKey master = (KmipKey) ks.getKey("kmip:master", null);
        KeyGenerator g = KeyGenerator.getInstance("KMIP-AES", fx.provider);
        g.init(KmipKeyGenParameterSpec.of("orders-kek", 192).sameServerAs(master));
        SecretKey k = g.generateKey();
        assertInstanceOf(KmipKey.class, k);
        assertEquals(192, ((KmipKey) k).keySizeBits());
        Attributes a = fx.client().getAttributes(((KmipKey) k).uniqueIdentifier(), "State", "Name", "Cryptographic Length");
        assertEquals(State.ACTIVE, a.get(AttributeKey.STATE));
        assertEquals("orders-kek", a.get(AttributeKey.NAME).value());
        assertEquals(192, a.get(AttributeKey.CRYPTOGRAPHIC_LENGTH));
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding", fx.provider);
        c.init(Cipher.ENCRYPT_MODE, k);
        assertEquals(16, c.doFinal().length);
    }

    @Test
    void keyGenerator_keySizeOnly_usesTheProvidersConfiguration() throws Exception {
        KeyGenerator g = KeyGenerator.getInstance("KMIP-AES", fx.provider.configure(fx.newKeystoreFile().toString()));
        g.init(128);
        KmipKey k = (KmipKey) g.generateKey();
        assertEquals(128, k.keySizeBits());
        assertTrue(fx.client().getAttributes(k.uniqueIdentifier(), "Name").get(AttributeKey.NAME).value()
                .startsWith("kmip-jca key "));
        assertThrows(InvalidParameterException.class, () -> g.init(512));
    }

    @Test
    void keyGenerator_withoutAnyServer_explainsWhatToDo() throws Exception {
        KeyGenerator g = KeyGenerator.getInstance("KMIP-AES", new KmipProvider());
        ProviderException e = assertThrows(ProviderException.class, g::generateKey);
        assertTrue(e.getMessage().contains("does not know which KMIP server"), e.getMessage());
    }
}
