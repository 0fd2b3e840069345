package dev.kmipjca.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kmipjca.KmipKeyStoreParameter;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KeyStore.load of a keystore of 10,000 secret keys costs one KMIP round trip (the version is pinned: no
 * negotiation), the first load and every later one.
 */
class RoundTripTest {
    @TempDir
    Path dir;

    @Test
    void load_tenThousandSecretKeys_costsExactlyOneRoundTrip() throws Exception {
        try (DevServerFixture fx = DevServerFixture.start(dir)) {
            Path file = fx.newKeystoreFile();
            KeyStore ks = fx.keyStore();
            ks.load(new KmipKeyStoreParameter(file, null));
            for (int i = 0; i < 10_000; i++) {
                byte[] k = new byte[32];
                k[0] = (byte) i;
                k[1] = (byte) (i >> 8);
                ks.setKeyEntry("key-" + i, new SecretKeySpec(k, "AES"), null, null);
            }
            ks.store(null);

            Engines engines = new Engines(null);
            KeyStore fresh = new KeyStore(engines.keyStore(), fx.provider, "KMIP") {};
            fresh.load(new KmipKeyStoreParameter(file, null));
            assertEquals(1, engines.roundTrips());
            assertEquals(10_001, fresh.size());
            byte[] expected = new byte[32];
            expected[0] = (byte) 9999;
            expected[1] = (byte) (9999 >> 8);
            assertEquals(new SecretKeySpec(expected, "AES"), fresh.getKey("key-9999", null));
            assertEquals(1, engines.roundTrips(), "reading entries needs no server");

            KeyStore again = new KeyStore(engines.keyStore(), fx.provider, "KMIP") {};
            again.load(new KmipKeyStoreParameter(file, null)); // the same bytes: the provider's parse is reused
            assertEquals(2, engines.roundTrips(), "a second load is one more round trip");
            assertEquals(new SecretKeySpec(expected, "AES"), again.getKey("key-9999", null));
        }
    }
}
