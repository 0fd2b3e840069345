package dev.kmipjca.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.KmipEnvelopes;
import dev.kmipjca.KmipKeyStoreParameter;
import dev.kmipjca.KmipProvider;
import dev.kmipjca.client.KmipClient;
import dev.kmipjca.config.KmipSettingsBuilder;
import dev.kmipjca.envelope.Envelope;
import dev.kmipjca.envelope.EnvelopeHeader;
import dev.kmipjca.it.KmipServerUnderTest.Identity;
import dev.kmipjca.jca.KmipKey;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.State;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Envelope encryption end to end against a real KMIP server, the master key created on that server by a
 * KMIP keystore ({@code getKey("kmip:master")}): every size around the segment boundary and several MiB,
 * in both forms (single-shot and segmented), through the public API ({@link KmipEnvelopes}) and the
 * {@code KMIP-Envelope} cipher, each read back by the other; and 8 threads at once through one provider.
 * Subclasses start the server (PyKMIP, the development server).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EnvelopeInteropTests {
    /** The default segment size, which the keystore's envelopes use. */
    static final int S = 64 << 10;
    static final byte[] AAD = "table=users,row=42".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;

    KmipServerUnderTest server;
    KmipProvider provider;
    KeyStore keyStore;
    Key master;
    Envelope envelope;

    /** Starts the server under test in {@code dir} (or skips the class). */
    protected abstract KmipServerUnderTest start(Path dir) throws Exception;

    /** The KMIP version the keystore pins, or null to negotiate. */
    protected abstract String version();

    @BeforeAll
    void startServer() throws Exception {
        server = start(dir.resolve("server"));
        String text = settings().build().toMap().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        Path file = Files.writeString(dir.resolve("client.kmip"), text);
        provider = new KmipProvider();
        keyStore = KeyStore.getInstance(KmipProvider.KEYSTORE_TYPE, provider);
        keyStore.load(new KmipKeyStoreParameter(file, null));
        master = keyStore.getKey(KmipEnvelopes.MASTER_ALIAS, null);
        envelope = KmipEnvelopes.of(keyStore);
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
            if (server.logFile() != null && Files.exists(server.logFile())) {
                Path out = Files.createDirectories(Path.of("target", "interop"));
                Files.copy(server.logFile(), out.resolve(getClass().getSimpleName() + "-server.log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Identity A's settings, pinned to {@link #version()} when it is set. */
    KmipSettingsBuilder settings() {
        KmipSettingsBuilder b = server.settings(Identity.A);
        return version() == null ? b : b.protocolVersionMin(version()).protocolVersionMax(version());
    }

    static int[] sizes() {
        return new int[] {0, 1, S - 1, S, S + 1, 5 * (1 << 20) + 3};
    }

    static byte[] data(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    Cipher cipher(int mode) throws Exception {
        Cipher c = Cipher.getInstance(KmipProvider.ENVELOPE_CIPHER, provider);
        c.init(mode, master);
        c.updateAAD(AAD);
        return c;
    }

    /** Writes {@code plain} into an encrypting stream in 1 MiB writes (as the CLI does). */
    byte[] streamEncrypt(byte[] plain) throws Exception {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try (OutputStream out = envelope.encryptingStream(sealed, AAD)) {
            for (int off = 0; off < plain.length; off += 1 << 20) {
                out.write(plain, off, Math.min(1 << 20, plain.length - off));
            }
        }
        return sealed.toByteArray();
    }

    byte[] streamDecrypt(byte[] sealed) throws Exception {
        try (InputStream in = envelope.decryptingStream(new ByteArrayInputStream(sealed), AAD)) {
            return in.readAllBytes();
        }
    }

    byte[] cipherStreamEncrypt(byte[] plain) throws Exception {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try (OutputStream out = new CipherOutputStream(sealed, cipher(Cipher.ENCRYPT_MODE))) {
            out.write(plain);
        }
        return sealed.toByteArray();
    }

    byte[] cipherStreamDecrypt(byte[] sealed) throws Exception {
        try (InputStream in = new CipherInputStream(new ByteArrayInputStream(sealed), cipher(Cipher.DECRYPT_MODE))) {
            return in.readAllBytes();
        }
    }

    /** Asserts the form and that the envelope names the master key of the keystore (created on this server). */
    void assertEnvelope(byte[] sealed, Envelope.Form form, int n) throws Exception {
        EnvelopeHeader h = EnvelopeHeader.parse(sealed);
        assertEquals(form, h.form(), "form of " + n + " bytes");
        assertEquals(((KmipKey) master).uniqueIdentifier(), h.masterKeyId());
        long tags = form == Envelope.Form.SINGLE_SHOT ? 1 : n / S + 1;
        assertEquals(h.length() + n + 16 * tags, sealed.length, "envelope length for " + n + " bytes");
    }

    @Test
    void masterKey_isAnActiveAes256KeyOnTheServerUnderTest() throws Exception {
        assertEquals(S, envelope.segmentSizeBytes());
        try (KmipClient c = KmipClient.open(settings().build(), null)) {
            var a = c.getAttributes(((KmipKey) master).uniqueIdentifier(), "State", "Cryptographic Length");
            assertEquals(State.ACTIVE, a.get(AttributeKey.STATE));
            assertEquals(Integer.valueOf(256), a.get(AttributeKey.CRYPTOGRAPHIC_LENGTH));
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("sizes")
    void singleShot_publicApi_roundTrips_andTheCipherAndStreamsReadIt(int n) throws Exception {
        byte[] plain = data(n);
        byte[] sealed = envelope.encrypt(plain, AAD);
        assertEnvelope(sealed, Envelope.Form.SINGLE_SHOT, n);
        assertArrayEquals(plain, envelope.decrypt(sealed, AAD));
        assertArrayEquals(plain, streamDecrypt(sealed));
        assertArrayEquals(plain, cipher(Cipher.DECRYPT_MODE).doFinal(sealed));
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("sizes")
    void segmented_publicApiStreams_roundTrip_andTheCipherReadsThem(int n) throws Exception {
        byte[] plain = data(n);
        byte[] sealed = streamEncrypt(plain);
        assertEnvelope(sealed, Envelope.Form.SEGMENTED, n);
        assertArrayEquals(plain, streamDecrypt(sealed));
        assertArrayEquals(plain, envelope.decrypt(sealed, AAD));
        assertArrayEquals(plain, cipher(Cipher.DECRYPT_MODE).doFinal(sealed));
        assertArrayEquals(plain, cipherStreamDecrypt(sealed));
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("sizes")
    void segmented_kmipEnvelopeCipher_roundTrips_andThePublicApiReadsIt(int n) throws Exception {
        byte[] plain = data(n);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE).doFinal(plain);
        assertEnvelope(sealed, Envelope.Form.SEGMENTED, n);
        assertArrayEquals(plain, cipher(Cipher.DECRYPT_MODE).doFinal(sealed));
        assertArrayEquals(plain, envelope.decrypt(sealed, AAD));
        assertArrayEquals(plain, streamDecrypt(sealed));
        byte[] streamed = cipherStreamEncrypt(plain);
        assertEnvelope(streamed, Envelope.Form.SEGMENTED, n);
        assertArrayEquals(plain, cipherStreamDecrypt(streamed));
        assertArrayEquals(plain, streamDecrypt(streamed));
    }

    @Test
    void anotherConnection_unwrapsTheDataKeysOnTheServer_andOpensBothForms() throws Exception {
        byte[] plain = data(3 * S + 5);
        byte[] single = envelope.encrypt(plain, AAD);
        byte[] segmented = cipher(Cipher.ENCRYPT_MODE).doFinal(plain);
        try (KmipClient c = KmipClient.open(settings().build(), null)) {
            Envelope reader = KmipEnvelopes.of(c, null);
            long before = c.roundTrips();
            assertArrayEquals(plain, reader.decrypt(single, AAD));
            try (InputStream in = reader.decryptingStream(new ByteArrayInputStream(segmented), AAD)) {
                assertArrayEquals(plain, in.readAllBytes());
            }
            assertTrue(c.roundTrips() > before, "the data keys were unwrapped by the server");
        }
    }

    @Test
    void eightThreads_encryptAndDecryptAtOnceThroughOneProvider_inBothFormsAndBothApis() throws Exception {
        int[] sizes = {0, 1, 100, S - 1, S, S + 1, 3 * S + 7, 300_000};
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    int done = 0;
                    for (int i = 0; i < 24; i++) {
                        byte[] plain = data(sizes[(thread + i) % sizes.length] + thread);
                        byte[] sealed = switch (i % 3) {
                            case 0 -> envelope.encrypt(plain, AAD);
                            case 1 -> streamEncrypt(plain);
                            default -> cipher(Cipher.ENCRYPT_MODE).doFinal(plain);
                        };
                        byte[] opened = i % 2 == 0 ? cipher(Cipher.DECRYPT_MODE).doFinal(sealed) : envelope.decrypt(sealed, AAD);
                        if (!Arrays.equals(plain, opened)) {
                            throw new AssertionError("thread " + thread + ", message " + i + ": " + plain.length
                                    + " bytes came back different");
                        }
                        done++;
                    }
                    return done;
                }));
            }
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get();
            }
            assertEquals(8 * 24, total);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(IntStream.of(sizes).anyMatch(s -> s > S), "some messages span segments");
    }
}
