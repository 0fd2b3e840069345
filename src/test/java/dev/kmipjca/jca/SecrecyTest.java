package dev.kmipjca.jca;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.KmipKeyStoreParameter;
import dev.kmipjca.transport.DevPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No key bytes in the file, in toString or in exception messages. */
class SecrecyTest {
    static final byte[] SECRET = HexFormat.of().parseHex("5ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2");
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

    static void assertNoSecret(String text) {
        String hex = HexFormat.of().formatHex(SECRET);
        assertFalse(text.toLowerCase().contains(hex), "hex of the key in: " + text);
        assertFalse(text.contains(Base64.getEncoder().encodeToString(SECRET)), "base64 of the key in: " + text);
        assertFalse(text.contains(Base64.getMimeEncoder().encodeToString(SECRET).substring(0, 40)), text);
    }

    @Test
    void storedFile_holdsNoKeyOrPrivateKeyBytes() throws Exception {
        Path file = fx.newKeystoreFile();
        KeyStore ks = fx.keyStore();
        ks.load(new KmipKeyStoreParameter(file, null));
        ks.setKeyEntry("secret", new SecretKeySpec(SECRET, "AES"), null, null);
        DevPki.Issued ec = DevPki.createCa("secrecy", DevPki.KeyKind.EC_P256);
        ks.setKeyEntry("ec", ec.privateKey(), null, ec.chain().toArray(new Certificate[0]));
        ks.store(null);
        String text = Files.readString(file);
        assertNoSecret(text);
        String pkcs8 = Base64.getEncoder().encodeToString(ec.privateKey().getEncoded());
        assertFalse(text.contains(pkcs8.substring(pkcs8.length() - 40)), "private key bytes in the file");
    }

    @Test
    void handlesAndFailures_showNoKeyBytes() throws Exception {
        KeyStore ks = fx.keyStore();
        ks.load(new KmipKeyStoreParameter(fx.newKeystoreFile(), null));
        Key handle = ks.getKey("kmip:master", null);
        assertTrue(handle.toString().startsWith("KmipKey[uid="), handle.toString());
        Cipher w = Cipher.getInstance("AES/GCM/NoPadding", fx.provider);
        w.init(Cipher.WRAP_MODE, handle);
        byte[] blob = w.wrap(new SecretKeySpec(SECRET, "AES"));
        w.init(Cipher.UNWRAP_MODE, handle);
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> w.unwrap(blob, "DES", Cipher.SECRET_KEY));
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertNoSecret(String.valueOf(t.getMessage()));
        }
        assertNoSecret(w.toString());
    }
}
