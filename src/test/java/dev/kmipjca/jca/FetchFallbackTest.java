package dev.kmipjca.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.KmipKeyStoreParameter;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.server.Faults;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.ProviderException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server without Encrypt: keystores and ciphers work only with kmip.allowMasterKeyFetch=true. */
class FetchFallbackTest {
    @TempDir
    Path dir;

    @Test
    void serverWithoutEncrypt_newKeystore_failsWithoutOptIn_andWorksWithIt() throws Exception {
        try (DevServerFixture fx = DevServerFixture.start(dir)) {
            fx.server.faults(Faults.builder().fail(Operation.ENCRYPT, ResultReason.OPERATION_NOT_SUPPORTED).build());
            KeyStore refused = fx.keyStore();
            refused.load(new KmipKeyStoreParameter(fx.newKeystoreFile(), null));
            java.security.KeyStoreException e = assertThrows(java.security.KeyStoreException.class,
                    () -> refused.setKeyEntry("k", new javax.crypto.spec.SecretKeySpec(new byte[16], "AES"), null, null));
            assertTrue(e.getMessage().contains("does not support Encrypt") && e.getMessage().contains("kmip.allowMasterKeyFetch"),
                    e.getMessage());

            Path file = fx.newKeystoreFile("kmip.allowMasterKeyFetch=true");
            KeyStore ks = fx.keyStore();
            ks.load(new KmipKeyStoreParameter(file, null));
            Key master = ks.getKey("kmip:master", null);
            GCMParameterSpec spec = new GCMParameterSpec(128, new byte[12]);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding", fx.provider);
            c.init(Cipher.ENCRYPT_MODE, master, spec);
            byte[] ct = c.doFinal(new byte[] {1, 2, 3});
            ks.store(null);

            fx.server.faults(Faults.NONE);
            KeyStore again = fx.keyStore();
            again.load(new KmipKeyStoreParameter(file, null)); // the server's Decrypt opens the local wrap
            Cipher d = Cipher.getInstance("AES/GCM/NoPadding", fx.provider);
            d.init(Cipher.DECRYPT_MODE, again.getKey("kmip:master", null), spec);
            assertArrayEquals(new byte[] {1, 2, 3}, d.doFinal(ct));
        }
    }

    @Test
    void serverWithoutEncrypt_cipherWithoutOptIn_namesTheServerAndOperation() throws Exception {
        try (DevServerFixture fx = DevServerFixture.start(dir)) {
            KeyStore ks = fx.keyStore();
            ks.load(new KmipKeyStoreParameter(fx.newKeystoreFile(), null));
            Key master = ks.getKey("kmip:master", null);
            fx.server.faults(Faults.builder().fail(Operation.ENCRYPT, ResultReason.OPERATION_NOT_SUPPORTED).build());
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding", fx.provider);
            c.init(Cipher.ENCRYPT_MODE, master);
            ProviderException e = assertThrows(ProviderException.class, () -> c.doFinal(new byte[3]));
            assertTrue(e.getMessage().contains("[127.0.0.1:" + fx.server.port() + "] does not support Encrypt")
                    && e.getMessage().contains("kmip.allowMasterKeyFetch=true"), e.getMessage());
        }
    }
}
