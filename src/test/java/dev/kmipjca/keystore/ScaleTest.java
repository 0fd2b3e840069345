package dev.kmipjca.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyStore;
import java.util.Locale;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** A keystore of 10,000 entries costs one wrap to create and one unwrap to open. */
class ScaleTest {
    private static final int ENTRIES = 10_000;

    @Test
    void tenThousandEntries_openWithExactlyOneUnwrap() throws Exception {
        InMemoryKeyWrapService wrap = new InMemoryKeyWrapService();
        wrap.createMasterKey("mk-1");
        long t0 = System.nanoTime();
        byte[] bytes;
        try (KeystoreContents ks = KeystoreContents.create(KeystoreFile.parse(TestEntries.settingsBytes()), "mk-1", wrap)) {
            for (int i = 0; i < ENTRIES; i++) {
                ks.put("key-" + i, i % 2 == 0 ? new KeyStore.SecretKeyEntry(key(i))
                        : new ServerKeyEntry("uid-" + i, "AES", 256));
            }
            bytes = ks.serialize();
        }
        long t1 = System.nanoTime();
        assertEquals(1, wrap.wraps.get());
        assertEquals(0, wrap.unwraps.get());

        KeystoreContents ks = KeystoreContents.open(KeystoreFile.parse(bytes), wrap);
        long t2 = System.nanoTime();
        assertEquals(1, wrap.unwraps.get(), "one unwrap opens the whole keystore");
        assertEquals(ENTRIES, ks.size());
        for (int i = 0; i < ENTRIES; i++) {
            KeyStore.Entry e = ks.get("KEY-" + i).orElseThrow();
            if (i % 2 == 0) {
                assertArrayEquals(key(i).getEncoded(), ((KeyStore.SecretKeyEntry) e).getSecretKey().getEncoded());
            } else {
                assertEquals("uid-" + i, ((ServerKeyEntry) e).uniqueId());
            }
        }
        long t3 = System.nanoTime();
        ks.put("one-more", new ServerKeyEntry("uid-x", "AES", 256));
        byte[] again = ks.serialize();
        long t4 = System.nanoTime();
        ks.close();
        assertEquals(1, wrap.unwraps.get(), "getting every entry and writing needed no further unwrap");
        assertEquals(1, wrap.wraps.get(), "writing needed no wrap");
        System.out.printf(Locale.ROOT, "keystore of %d entries, %d bytes: create+serialize %d ms, parse+open (1 unwrap)"
                + " %d ms, decrypt every entry %d ms, add one and serialize %d ms%n", ENTRIES, again.length,
                ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3));
    }

    private static SecretKey key(int i) {
        byte[] b = new byte[32];
        b[0] = (byte) i;
        b[1] = (byte) (i >> 8);
        return new SecretKeySpec(b, "AES");
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
