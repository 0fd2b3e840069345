package dev.kmipjca.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.KmipKeyStoreParameter;
import dev.kmipjca.KmipProvider;
import dev.kmipjca.transport.DevPki;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS servers whose private key and chain come from a KMIP keystore: in this JVM (a KeyManagerFactory
 * over {@code KeyStore "KMIP"}), and in a child JVM configured by system properties alone. The
 * keystore's master key lives on the KMIP server of the subclass ({@link JsseIT}: the development
 * server, {@link JssePyKmipIT}: PyKMIP); each test writes its own keystore
 * ({@link #keystore}), so each creates a master key there.
 */
abstract class JsseScenarios {
    static final char[] PW = "changeit".toCharArray();
    @TempDir
    Path dir;
    static DevPki.Issued ca;
    private static DevPki.Issued tls;
    private Path keystore;

    /** The kmip.* lines of a keystore file for the server under test (absolute paths). */
    abstract String settings();

    @BeforeAll
    static void credentials() throws Exception {
        ca = DevPki.createCa("JSSE test CA", DevPki.KeyKind.EC_P256);
        tls = DevPki.issueServer(ca, "localhost", List.of("localhost"), List.of("127.0.0.1"), DevPki.KeyKind.RSA_2048);
    }

    @AfterAll
    static void closeLinks() {
        Engines.closeAllLinks();
    }

    /** A new keystore file with the TLS server's key and chain: creates its master key on the server. */
    Path keystore() throws Exception {
        if (keystore == null) {
            keystore = dir.resolve("tls.kmip");
            Files.writeString(keystore, settings(), StandardCharsets.UTF_8);
            KeyStore ks = KeyStore.getInstance("KMIP", new KmipProvider());
            ks.load(new KmipKeyStoreParameter(keystore, PW));
            ks.setKeyEntry("tls", tls.privateKey(), PW, tls.chain().toArray(new Certificate[0]));
            ks.store(null);
        }
        return keystore;
    }

    static SSLContext client() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(null, tmf.getTrustManagers(), null);
        return c;
    }

    static String exchange(int port, String line) throws Exception {
        try (SSLSocket s = (SSLSocket) client().getSocketFactory().createSocket("localhost", port)) {
            s.setSoTimeout(30_000);
            javax.net.ssl.SSLParameters p = s.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            s.setSSLParameters(p);
            s.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            String answer = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertEquals("CN=localhost", ((java.security.cert.X509Certificate) s.getSession().getPeerCertificates()[0])
                    .getSubjectX500Principal().getName());
            return answer;
        }
    }

    @Test
    void keyManagerFactoryOverAKmipKeystore_servesTls() throws Exception {
        KeyStore ks = KeyStore.getInstance("KMIP", new KmipProvider());
        ks.load(new KmipKeyStoreParameter(keystore(), PW));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(ks, PW);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        try (SSLServerSocket server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
                    s.getOutputStream().write(("echo: " + line + "\n").getBytes(StandardCharsets.UTF_8));
                    s.getOutputStream().flush();
                    return line;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertEquals("echo: hello", exchange(server.getLocalPort(), "hello"));
            assertEquals("hello", served.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void childJvm_keyStoreTypeKmipBySystemProperties_andProviderInJavaSecurity() throws Exception {
        Path props = dir.resolve("java.security.kmip");
        Files.writeString(props, "security.provider." + KeytoolScenarios.firstFreeProviderIndex() + "="
                + KmipProvider.class.getName() + "\n");
        Path testClasses = Path.of(TlsEchoServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> cmd = Child.list(Child.tool("java"), "-cp", Child.JAR + java.io.File.pathSeparator + testClasses,
                "-Djava.security.properties=" + props, "-Djavax.net.ssl.keyStore=" + keystore(),
                "-Djavax.net.ssl.keyStoreType=KMIP", "-Djavax.net.ssl.keyStorePassword=" + new String(PW),
                TlsEchoServer.class.getName());
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(dir.resolve("child.err").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertTrue(first != null && first.startsWith("listening "), () -> "child said " + first + "; " + stderr());
            int port = Integer.parseInt(first.substring("listening ".length()));
            assertEquals("echo: over KMIP", exchange(port, "over KMIP"));
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the child ends after one connection");
            assertEquals(0, p.exitValue(), this::stderr);
        } finally {
            Child.stop(p);
        }
    }

    String stderr() {
        try {
            return Files.readString(dir.resolve("child.err"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
