package dev.kmipjca.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.KmipKeyStoreParameter;
import dev.kmipjca.keystore.KeystoreFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.Key;
import java.security.KeyStore;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a provider keeps between loads: the last keystore files parsed (reused for the same bytes, with
 * their record of the authenticator check) and one link per settings, renewed when a credential file changes.
 */
class LoadCacheTest {
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

    private Path keystoreWith(String... aliases) throws Exception {
        Path file = fx.newKeystoreFile();
        KeyStore ks = fx.keyStore();
        ks.load(new KmipKeyStoreParameter(file, null));
        for (String a : aliases) {
            ks.setKeyEntry(a, new SecretKeySpec(new byte[32], "AES"), null, null);
        }
        ks.store(null);
        return file;
    }

    private static KeyStore load(Engines engines, Path file) throws Exception {
        KeyStore ks = new KeyStore(engines.keyStore(), fx.provider, "KMIP") {};
        ks.load(new KmipKeyStoreParameter(file, null));
        return ks;
    }

    @Test
    void parse_sameBytesAgain_returnsTheSameParse_otherBytesANewOne() throws Exception {
        byte[] bytes = Files.readAllBytes(keystoreWith("a"));
        ParsedFileCache cache = new ParsedFileCache();
        KeystoreFile first = cache.parse(bytes.clone());
        assertSame(first, cache.parse(bytes.clone()));
        KeystoreFile other = cache.parse(Files.readAllBytes(keystoreWith("b")));
        assertNotSame(first, other);
        assertSame(first, cache.parse(bytes.clone()), "two files alternating both stay");
    }

    @Test
    void parse_moreFilesThanItKeeps_forgetsTheLeastRecentlyUsed_andWipesItsBytes() throws Exception {
        ParsedFileCache cache = new ParsedFileCache();
        byte[][] files = new byte[ParsedFileCache.MAX_FILES + 1][];
        KeystoreFile[] parses = new KeystoreFile[files.length];
        for (int i = 0; i < files.length; i++) {
            files[i] = Files.readAllBytes(keystoreWith("k" + i));
        }
        byte[] firstKept = files[0].clone();
        parses[0] = cache.parse(firstKept);
        for (int i = 1; i < files.length; i++) {
            parses[i] = cache.parse(files[i].clone());
        }
        assertEquals("ParsedFileCache[" + ParsedFileCache.MAX_FILES + " files, "
                + (Arrays.stream(files).skip(1).mapToLong(f -> f.length).sum()) + " bytes]", cache.toString());
        int settings = KeystoreFile.settingsPartLength(files[0]);
        assertArrayEquals(new byte[settings], Arrays.copyOf(firstKept, settings), "the evicted file's settings are wiped");
        assertNotSame(parses[0], cache.parse(files[0].clone()));
        assertSame(parses[files.length - 1], cache.parse(files[files.length - 1].clone()));
    }

    @Test
    void parse_fileOfSettingsOnly_isNotKept() throws Exception {
        byte[] bytes = fx.settings().getBytes(StandardCharsets.UTF_8);
        ParsedFileCache cache = new ParsedFileCache();
        assertNotSame(cache.parse(bytes.clone()), cache.parse(bytes.clone()));
    }

    @Test
    void clear_wipesTheSettingsPartOfTheKeptBytes() throws Exception {
        byte[] bytes = Files.readAllBytes(keystoreWith("a"));
        byte[] original = bytes.clone();
        int settings = KeystoreFile.settingsPartLength(bytes);
        ParsedFileCache cache = new ParsedFileCache();
        cache.parse(bytes);
        cache.clear();
        assertArrayEquals(new byte[settings], Arrays.copyOf(bytes, settings));
        assertArrayEquals(Arrays.copyOfRange(original, settings, original.length),
                Arrays.copyOfRange(bytes, settings, bytes.length), "the protected section is ciphertext, left as it was");
        assertEquals("ParsedFileCache[0 files, 0 bytes]", cache.toString());
    }

    @Test
    void load_sameFileTwice_eachLoadIsOneRoundTrip() throws Exception {
        Path file = keystoreWith("a", "b");
        Engines engines = new Engines(null);
        load(engines, file);
        assertEquals(1, engines.roundTrips());
        KeyStore again = load(engines, file);
        assertEquals(2, engines.roundTrips(), "the unwrap (and the master key's State) is asked for on every load");
        assertEquals(3, again.size());
        assertEquals(new SecretKeySpec(new byte[32], "AES"), again.getKey("a", null));
    }

    @Test
    void load_fileChangedSinceTheLastLoad_showsTheChange() throws Exception {
        Path file = keystoreWith("a");
        Engines engines = new Engines(null);
        KeyStore first = load(engines, file);
        first.setKeyEntry("added", new SecretKeySpec(new byte[16], "AES"), null, null);
        first.store(null);
        KeyStore second = load(engines, file);
        assertTrue(second.containsAlias("added"));
    }

    @Test
    void load_alteredCopyOfTheCachedBytes_failsAuthentication_andWritesNothing() throws Exception {
        Path file = keystoreWith("a", "b");
        Engines engines = new Engines(null);
        load(engines, file);
        byte[] good = Files.readAllBytes(file);
        String text = new String(good, StandardCharsets.US_ASCII);
        int at = text.indexOf("kmipjca.entry.1=\\\n    ") + "kmipjca.entry.1=\\\n    ".length() + 20;
        byte[] altered = good.clone();
        altered[at] = (byte) (altered[at] == 'A' ? 'B' : 'A');
        KeyStore ks = new KeyStore(engines.keyStore(), fx.provider, "KMIP") {};
        IOException e = assertThrows(IOException.class, () -> ks.load(new ByteArrayInputStream(altered), null));
        assertTrue(e.getMessage().startsWith("cannot load the KMIP keystore: AUTHENTICATION_FAILED: the authenticator"
                + " of the protected section (kmipjca.mac, line "), e.getMessage());
        assertArrayEquals(good, Files.readAllBytes(file));
    }

    @Test
    void link_credentialFilesUnchanged_isReused_clientFileTouched_isRenewed() throws Exception {
        Path file = keystoreWith("a");
        Engines engines = new Engines(null);
        KeyStore first = load(engines, file);
        ServerLink before = engines.lastKeystoreLink().orElseThrow();
        load(engines, file);
        assertSame(before, engines.lastKeystoreLink().orElseThrow());

        Path client = fx.server.dir().resolve("client.pem");
        Files.setLastModifiedTime(client, FileTime.fromMillis(Files.getLastModifiedTime(client).toMillis() + 2_000));
        KeyStore renewed = load(engines, file);
        ServerLink after = engines.lastKeystoreLink().orElseThrow();
        assertNotSame(before, after);
        assertEquals(new SecretKeySpec(new byte[32], "AES"), renewed.getKey("a", null));
        Key oldHandle = first.getKey("kmip:master", null);
        assertSame(before, ((ServerKeyHandle) oldHandle).link(), "handles of the first load keep their link");
        assertEquals(3, engines.roundTrips(), "three loads, one round trip each, over both links");
    }
}
