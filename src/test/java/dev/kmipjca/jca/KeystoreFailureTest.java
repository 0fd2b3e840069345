package dev.kmipjca.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.KmipKeyStoreParameter;
import dev.kmipjca.protocol.RevocationReasonCode;
import dev.kmipjca.transport.DevPkiFiles;
import dev.kmipjca.transport.PemCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input gives an IOException naming the cause, and a failed load leaves the file as it was. */
class KeystoreFailureTest {
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

    /** An initialised keystore file with one entry; returns its path. */
    static Path initialised() throws Exception {
        Path file = fx.newKeystoreFile();
        KeyStore ks = fx.keyStore();
        ks.load(new KmipKeyStoreParameter(file, null));
        ks.setKeyEntry("k", new SecretKeySpec(new byte[32], "AES"), null, null);
        ks.store(null);
        return file;
    }

    /** Loads {@code file} (by path), expects an IOException, checks the file did not change, returns the message. */
    static String failingLoad(Path file) throws Exception {
        byte[] before = Files.readAllBytes(file);
        IOException e = assertThrows(IOException.class, () -> fx.keyStore().load(new KmipKeyStoreParameter(file, null)));
        assertArrayEquals(before, Files.readAllBytes(file), "a failed load must not change the file");
        return e.getMessage();
    }

    static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void truncatedFile_isReportedAsTruncatedWithItsLine() throws Exception {
        Path file = initialised();
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.indexOf("kmipjca.entryCount")));
        String m = failingLoad(file);
        assertTrue(m.contains("TRUNCATED") && m.contains("line "), m);
    }

    @Test
    void editedEntry_isReportedAsAuthenticationFailure() throws Exception {
        Path file = initialised();
        String text = Files.readString(file);
        int at = text.indexOf("kmipjca.entry.0=\\") + "kmipjca.entry.0=\\".length() + 10;
        char c = text.charAt(at);
        Files.writeString(file, text.substring(0, at) + (c == 'A' ? 'B' : 'A') + text.substring(at + 1));
        String m = failingLoad(file);
        assertTrue(m.contains("AUTHENTICATION_FAILED") || m.contains("MALFORMED"), m);
    }

    @Test
    void unknownFormatVersion_isReportedAsUnsupported() throws Exception {
        Path file = initialised();
        edit(file, "kmipjca.version=2", "kmipjca.version=7");
        String m = failingLoad(file);
        assertTrue(m.contains("UNSUPPORTED_VERSION") && m.contains("kmipjca.version=7"), m);
    }

    @Test
    void missingSetting_isNamed() throws Exception {
        Path file = fx.newKeystoreFile();
        edit(file, "kmip.serverName=127.0.0.1\n", "");
        String m = failingLoad(file);
        assertTrue(m.contains("kmip.serverName is required"), m);
    }

    @Test
    void changedKeyIdentifier_afterInitialisation_isRefusedPointingToRotation() throws Exception {
        Path file = initialised();
        String text = Files.readString(file);
        String id = text.replaceAll("(?s).*kmip.keyIdentifier=(\\S+).*", "$1");
        edit(file, "kmip.keyIdentifier=" + id, "kmip.keyIdentifier=another-key");
        String m = failingLoad(file);
        assertTrue(m.contains("kmip.keyIdentifier=another-key") && m.contains("rotation"), m);
    }

    @Test
    void revokedMasterKey_isRefusedNamingItsState() throws Exception {
        Path file = initialised();
        String id = Files.readString(file).replaceAll("(?s).*kmipjca.masterKeyId=(\\S+).*", "$1");
        fx.client().revoke(id, RevocationReasonCode.CESSATION_OF_OPERATION, null, null);
        String m = failingLoad(file);
        assertTrue(m.contains("MASTER_KEY_FAILED") && m.contains("KEY_NOT_USABLE") && m.contains(id + " is Deactivated"), m);
    }

    @Test
    void destroyedMasterKey_isRefused() throws Exception {
        Path file = initialised();
        String id = Files.readString(file).replaceAll("(?s).*kmipjca.masterKeyId=(\\S+).*", "$1");
        fx.client().revoke(id, RevocationReasonCode.CESSATION_OF_OPERATION, null, null);
        fx.client().destroy(id);
        String m = failingLoad(file);
        assertTrue(m.contains("MASTER_KEY_FAILED") && m.contains(id + " is Destroyed"), m);
    }

    @Test
    void unreachableServer_isReportedAsUnavailable() throws Exception {
        Path file = initialised();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        edit(file, "kmip.port=" + fx.server.port(), "kmip.port=" + closed);
        String m = failingLoad(file);
        assertTrue(m.contains("UNAVAILABLE") && m.contains("127.0.0.1:" + closed), m);
    }

    @Test
    void notAKeystore_isRefused() throws Exception {
        Path file = dir.resolve("empty.kmip");
        Files.writeString(file, "# nothing here\nfoo=bar\n");
        String m = failingLoad(file);
        assertTrue(m.contains("not a keystore file"), m);
    }

    @Test
    void encryptedClientKey_wrongPassword_isIOExceptionCausedByUnrecoverableKey() throws Exception {
        PemCredentials c = PemCredentials.load(fx.server.dir().resolve("client.pem"), null);
        Path pem = dir.resolve("client-encrypted.pem");
        DevPkiFiles.writeKeyAndChain(pem, c.privateKey(), c.chain(), DevPkiFiles.KeyFormat.PKCS8_ENCRYPTED,
                "right-password".toCharArray());
        Path file = fx.newKeystoreFile();
        edit(file, fx.server.dir().resolve("client.pem").toString(), pem.toString());
        IOException e = assertThrows(IOException.class, () -> {
            try (InputStream in = Files.newInputStream(file)) {
                fx.keyStore().load(in, "wrong-password".toCharArray());
            }
        });
        assertInstanceOf(UnrecoverableKeyException.class, e.getCause());
        assertTrue(!e.getMessage().contains("wrong-password") && !e.getMessage().contains("right-password"), e.getMessage());
        KeyStore ks = fx.keyStore();
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, "right-password".toCharArray());
        }
        assertTrue(ks.containsAlias("kmip:master"));
    }

    @Test
    void loadFailure_fromStream_messageNamesTheCause() throws Exception {
        IOException e = assertThrows(IOException.class, () -> fx.keyStore()
                .load(new java.io.ByteArrayInputStream("kmip.port=0\n".getBytes(StandardCharsets.UTF_8)), null));
        assertTrue(e.getMessage().contains("kmip.port=0") && e.getMessage().contains("65535"), e.getMessage());
    }

}
