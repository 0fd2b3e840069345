package dev.kmipjca.benchmarks;

import dev.kmipjca.KmipKeyStoreParameter;
import dev.kmipjca.KmipProvider;
import dev.kmipjca.server.DevServer;
import dev.kmipjca.server.DevServerConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code KeyStore.load} of a keystore of {@link #entries} AES-256 secret keys: a KMIP keystore file
 * (one round trip to an in-process development KMIP server, started in {@link #setUp}) next to a
 * PKCS12 keystore with the same keys and the JDK's default protection, in the same run. Each load
 * reads the bytes from memory, so the file system is not measured; each benchmark returns the
 * keystore's size. Results and the command: docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KeyStoreLoadBenchmark {
    private static final char[] PASSWORD = "benchmark-password".toCharArray();
    /** Held: the logging framework keeps loggers weakly, and a collected logger forgets its level. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("dev.kmipjca");

    @Param("10000")
    public int entries;

    private Path dir;
    private DevServer server;
    private KmipProvider provider;
    private Path kmipFile;
    private byte[] kmipBytes;
    /**
     * The same keystore with a different first comment line each: other bytes, and more of them than the
     * provider keeps parses of (four), so taken in turn none of them is ever reused.
     */
    private byte[][] kmipVariants;
    private int variant;
    private byte[] pkcs12Bytes;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        QUIET.setLevel(java.util.logging.Level.WARNING); // the server's request log would be measured too
        dir = Files.createTempDirectory("kmip-bench");
        server = DevServer.start(DevServerConfig.builder().dir(dir.resolve("server")).port(0).build());
        provider = new KmipProvider();
        kmipFile = dir.resolve("bench.kmip");
        Files.writeString(kmipFile, "kmip.serverName=127.0.0.1\nkmip.port=" + server.port() + "\nkmip.serverCAFile="
                + server.caFile() + "\nkmip.clientCertificateFile=" + server.dir().resolve("client.pem")
                + "\nkmip.protocolVersionMin=1.4\nkmip.protocolVersionMax=1.4\n", StandardCharsets.UTF_8);
        KeyStore kmip = KeyStore.getInstance("KMIP", provider);
        kmip.load(new KmipKeyStoreParameter(kmipFile, null));
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(null, PASSWORD);
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(PASSWORD);
        for (int i = 0; i < entries; i++) {
            SecretKeySpec key = new SecretKeySpec(keyBytes(i), "AES");
            kmip.setKeyEntry("key-" + i, key, null, null);
            p12.setEntry("key-" + i, new KeyStore.SecretKeyEntry(key), protection);
        }
        kmip.store(null);
        kmipBytes = Files.readAllBytes(kmipFile);
        kmipVariants = new byte[5][];
        for (int v = 0; v < kmipVariants.length; v++) {
            byte[] comment = ("# variant " + v + "\n").getBytes(StandardCharsets.US_ASCII);
            kmipVariants[v] = new byte[comment.length + kmipBytes.length];
            System.arraycopy(comment, 0, kmipVariants[v], 0, comment.length);
            System.arraycopy(kmipBytes, 0, kmipVariants[v], comment.length, kmipBytes.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p12.store(out, PASSWORD);
        pkcs12Bytes = out.toByteArray();
    }

    private static byte[] keyBytes(int i) {
        byte[] k = new byte[32];
        k[0] = (byte) i;
        k[1] = (byte) (i >> 8);
        k[31] = 1;
        return k;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        server.close();
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * One KMIP round trip (the master key's State and the Decrypt of the keystore key); the same bytes
     * each time, so after the first load the provider reuses its parse and the record that the
     * authenticator was checked under this keystore key (docs/keystore.md, "Between loads").
     */
    @Benchmark
    public int loadKmip() throws Exception {
        KeyStore ks = KeyStore.getInstance("KMIP", provider);
        ks.load(new ByteArrayInputStream(kmipBytes), null);
        return ks.size();
    }

    /**
     * The previous load's keystore, whose entries may still be being read in the background. Before each
     * invocation (not measured) this waits until they have been read, so that each load starts on a machine
     * that is not still busy with the last one, as a keystore loaded for the first time does.
     */
    @State(Scope.Thread)
    public static class Previous {
        KeyStore keyStore;

        @Setup(Level.Invocation)
        public void settle() throws Exception {
            if (keyStore != null) {
                keyStore.containsAlias("key-0");
                keyStore = null;
            }
        }
    }

    /**
     * As {@link #loadKmip}, but taking five files that differ in a comment line in turn, so that every
     * load parses and authenticates the whole section: a keystore loaded for the first time. A load returns
     * once the section is authenticated (the round trip and the SHA-256 of its bytes); its entries may still
     * be being read on a background thread, and {@link Previous} waits for them before the next load.
     */
    @Benchmark
    public int loadKmipNewBytes(Previous previous) throws Exception {
        KeyStore ks = KeyStore.getInstance("KMIP", provider);
        variant = (variant + 1) % kmipVariants.length;
        ks.load(new ByteArrayInputStream(kmipVariants[variant]), null);
        previous.keyStore = ks;
        return ks.size();
    }

    /**
     * As {@link #loadKmipNewBytes} without waiting for the previous load: loads back to back, each starting while the
     * previous one's entries may still be being read, so the two cores are shared with that work.
     */
    @Benchmark
    public int loadKmipNewBytesBackToBack() throws Exception {
        KeyStore ks = KeyStore.getInstance("KMIP", provider);
        variant = (variant + 1) % kmipVariants.length;
        ks.load(new ByteArrayInputStream(kmipVariants[variant]), null);
        return ks.size();
    }

    /** {@link #loadKmipNewBytes}, then one {@code getKey}: the first load and the first use of an entry. */
    @Benchmark
    public byte[] loadKmipNewBytesThenGetKey(Previous previous) throws Exception {
        KeyStore ks = KeyStore.getInstance("KMIP", provider);
        variant = (variant + 1) % kmipVariants.length;
        ks.load(new ByteArrayInputStream(kmipVariants[variant]), null);
        previous.keyStore = ks;
        return ks.getKey("key-" + entries / 2, null).getEncoded();
    }

    /** The file parse alone ({@code KeystoreFile.parse}: structure, base64, no cryptography, no server), for the breakdown. */
    @Benchmark
    public int parseKmipFileOnly() throws Exception {
        return dev.kmipjca.keystore.KeystoreFile.parse(kmipBytes).entryCount();
    }

    /** The JDK's PKCS12 with its default protection (PBKDF2-derived MAC key; keys decrypted on getKey). */
    @Benchmark
    public int loadPkcs12() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new ByteArrayInputStream(pkcs12Bytes), PASSWORD);
        return ks.size();
    }

    /** {@link #loadPkcs12}, then one {@code getKey} (PBKDF2 with the JDK's default iterations, then the decryption). */
    @Benchmark
    public byte[] loadPkcs12ThenGetKey() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new ByteArrayInputStream(pkcs12Bytes), PASSWORD);
        return ks.getKey("key-" + entries / 2, PASSWORD).getEncoded();
    }
}
