package dev.kmipjca.cli;

import static dev.kmipjca.cli.KeysCommandTest.assertUsage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.transport.DevPki;
import dev.kmipjca.transport.DevPkiFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options shared by the commands that talk to a server: keystore file, passwords, --kmip* flags, failures. */
class ServerOptionsTest {
    @TempDir
    Path dir;
    CliServer cli;

    @BeforeEach
    void start() throws Exception {
        cli = CliServer.start(dir);
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    private String[] flagsOnly(String... command) {
        Path d = cli.server.dir();
        String[] flags = {"--kmipServerName", "127.0.0.1", "--kmipPort", String.valueOf(cli.server.port()),
            "--kmipServerCAFile", d.resolve("ca.pem").toString(), "--kmipClientCertificateFile",
            d.resolve("client.pem").toString()};
        String[] all = new String[command.length + flags.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(flags, 0, all, command.length, flags.length);
        return all;
    }

    @Test
    void flagsAlone_sufficeWithoutAKeystore() {
        MainTest.Run r = MainTest.run(flagsOnly("keys", "list"));

        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("UNIQUE IDENTIFIER"), r.out());
    }

    @Test
    void aFlag_overridesTheKeystoreFile() throws Exception {
        int dead = CliServer.deadPort();

        MainTest.Run r = cli.run("keys", "list", "--kmipPort", String.valueOf(dead), "--kmipConnectTimeoutMS=1000");

        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("kmip-jca keys list: KMIP server unavailable: 127.0.0.1:" + dead + ": "), r.err());
        assertEquals(1, r.err().lines().count(), "one line, no stack trace: " + r.err());
    }

    @Test
    void verbose_addsTheStackTrace() throws Exception {
        MainTest.Run r = cli.run("keys", "list", "--kmipPort", String.valueOf(CliServer.deadPort()), "--verbose");

        assertEquals(1, r.code());
        assertTrue(r.err().contains("\tat dev.kmipjca.transport.KmipTransport"), r.err());
    }

    @Test
    void everySetting_hasItsFlag() {
        for (String key : KmipSettings.keys()) {
            MainTest.Run r = MainTest.run("keys", "list", KmipSettings.flagName(key) + "=@@bad@@");
            assertTrue(!r.err().contains("Unknown option"), key + ": " + r.err());
        }
    }

    @Test
    void settingsErrors_exitTwoNamingTheSetting() {
        assertUsage(MainTest.run("keys", "list"), "kmip.serverName is required");
        assertUsage(MainTest.run("keys", "list"), "(give --keystore FILE or the --kmip* flags)");
        assertUsage(cli.run("keys", "list", "--kmipPort"), "--kmipPort needs a value");
        assertUsage(cli.run("keys", "list", "--kmipPort", "99999"), "kmip.port=99999");
        assertUsage(cli.run("keys", "list", "--kmipServerNmae", "x"), "Unknown options: '--kmipServerNmae', 'x'");
        assertUsage(MainTest.run("keys", "list", "--keystore", dir.resolve("missing.kmip").toString()),
                "cannot read settings file");
        assertUsage(MainTest.run("check", "--keystore"), "Missing required parameter for option '--keystore'");
    }

    @Test
    void aBooleanFlagWithoutValue_meansTrue() {
        String uid = cli.createKey("flagged", "--kmipActivateKeys", "--no-activate");

        assertTrue(cli.run("keys", "show", uid).out().contains("State: Pre-Active"));
    }

    @Test
    void storepass_inItsThreeForms_decryptsAnEncryptedClientKey() throws Exception {
        String password = System.getenv("PATH"); // a variable every test run has
        Path pem = encryptedClientKey(password);
        Path file = Files.writeString(dir.resolve("pass.txt"), password + "\nignored second line\n");

        for (String[] form : new String[][] {{"--storepass", password}, {"--storepass:env", "PATH"},
            {"--storepass:file", file.toString()}}) {
            MainTest.Run r = cli.run("keys", "list", "--kmipClientCertificateFile", pem.toString(), form[0], form[1]);
            assertEquals(0, r.code(), form[0] + ": " + r);
        }
        MainTest.Run wrong = cli.run("keys", "list", "--kmipClientCertificateFile", pem.toString(), "--storepass", "nope");
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("kmip.clientCertificatePassword is not set, so the keystore password is used"),
                wrong.err());
        assertTrue(!wrong.err().contains(password) && !wrong.err().contains("nope"), "no password in: " + wrong.err());
    }

    @Test
    void storepassProblems_exitTwo() {
        assertUsage(cli.run("keys", "list", "--storepass:env", "KMIPJCA_TEST_SURELY_UNSET"),
                "--storepass:env KMIPJCA_TEST_SURELY_UNSET: the environment variable is not set");
        assertUsage(cli.run("keys", "list", "--storepass:file", dir.resolve("none.txt").toString()),
                "--storepass:file " + dir.resolve("none.txt") + ": cannot read it");
        assertUsage(cli.run("keys", "list", "--storepass", "a", "--storepass:env", "PATH"),
                "give only one of --storepass, --storepass:env and --storepass:file");
    }

    private Path encryptedClientKey(String password) throws Exception {
        DevPki.Issued id = DevPki.issueClient(cli.server.certificateAuthority(), "cli-encrypted", true,
                DevPki.KeyKind.EC_P256);
        Path pem = dir.resolve("encrypted.pem");
        DevPkiFiles.writeKeyAndChain(pem, id.privateKey(), id.chain(), DevPkiFiles.KeyFormat.PKCS8_ENCRYPTED,
                password.toCharArray());
        return pem;
    }
}
