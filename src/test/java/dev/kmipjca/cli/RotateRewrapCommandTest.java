package dev.kmipjca.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.KmipKeyStoreParameter;
import dev.kmipjca.KmipProvider;
import dev.kmipjca.client.KmipClient;
import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.envelope.Envelope;
import dev.kmipjca.envelope.EnvelopeHeader;
import dev.kmipjca.envelope.KmipKeyWrapService;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.RevocationReasonCode;
import dev.kmipjca.protocol.State;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kmip-jca rotate} and {@code kmip-jca rewrap} against an in-process development server. */
class RotateRewrapCommandTest {
    static final byte[] AAD = "cli".getBytes(StandardCharsets.UTF_8);
    @TempDir
    Path dir;
    CliServer cli;
    Path keystore;
    String firstMaster;
    KmipClient client;
    KmipKeyWrapService wrap;

    @BeforeEach
    void start() throws Exception {
        cli = CliServer.start(dir);
        keystore = cli.keystore().resolveSibling("app.kmip");
        String settings = Files.readString(cli.keystore()).lines().filter(l -> !l.startsWith("kmip.keyIdentifier"))
                .reduce("", (a, b) -> a + b + "\n");
        Files.writeString(keystore, settings);
        KeyStore ks = KeyStore.getInstance("KMIP", new KmipProvider());
        ks.load(new KmipKeyStoreParameter(keystore, null));
        ks.setKeyEntry("data", new SecretKeySpec(new byte[16], "AES"), null, null);
        ks.store(null);
        firstMaster = KmipSettings.load(keystore).keyIdentifier();
        client = KmipClient.open(KmipSettings.load(keystore), null);
        wrap = new KmipKeyWrapService(client, false);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        cli.close();
    }

    MainTest.Run run(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--keystore";
        all[args.length + 1] = keystore.toString();
        return MainTest.run(all);
    }

    byte[] envelope(String master, String text) throws Exception {
        return Envelope.builder(wrap).masterKeyId(master).build().encrypt(text.getBytes(StandardCharsets.UTF_8), AAD);
    }

    String decrypt(byte[] env) throws Exception {
        return new String(Envelope.builder(wrap).masterKeyId(firstMaster).build().decrypt(env, AAD), StandardCharsets.UTF_8);
    }

    static byte[] body(byte[] env) throws Exception {
        return Arrays.copyOfRange(env, EnvelopeHeader.parse(env).length(), env.length);
    }

    @Test
    void rotate_retireDeactivate_printsBothKeys_fileNamesTheNewKey_oldKeyDeactivated() throws Exception {
        MainTest.Run r = run("rotate", "--retire", "deactivate");
        assertEquals(0, r.code(), r.toString());
        String now = KmipSettings.load(keystore).keyIdentifier();
        assertNotEquals(firstMaster, now);
        assertEquals("rotated " + keystore + " from master key " + firstMaster + " to " + now
                + " (Re-key; old key: deactivate)", r.out().strip());
        assertEquals(State.DEACTIVATED, client.getAttributes(firstMaster, "State").get(AttributeKey.STATE));
        KeyStore ks = KeyStore.getInstance("KMIP", new KmipProvider());
        ks.load(new KmipKeyStoreParameter(keystore, null));
        assertArrayEquals(new byte[16], ks.getKey("data", null).getEncoded());
    }

    @Test
    void rotate_unknownRetireChoice_isAUsageError() {
        MainTest.Run r = run("rotate", "--retire", "shred");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("'shred': must be keep, deactivate or destroy"), r.err());
    }

    @Test
    void rewrap_singleFileThenInPlace_onlyTheHeaderChanges_decryptsAfterOldKeyDeactivated() throws Exception {
        byte[] old = envelope(firstMaster, "hello");
        Path in = dir.resolve("a.env");
        Path out = dir.resolve("b.env");
        Files.write(in, old);
        assertEquals(0, run("rotate").code());
        String now = KmipSettings.load(keystore).keyIdentifier();

        MainTest.Run r = run("rewrap", "--in", in.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals("rewrapped " + in + " -> " + out + " under master key " + now, r.out().strip());
        byte[] rewrapped = Files.readAllBytes(out);
        assertEquals(now, EnvelopeHeader.parse(rewrapped).masterKeyId());
        assertArrayEquals(body(old), body(rewrapped), "the body is streamed through unchanged");
        assertArrayEquals(old, Files.readAllBytes(in), "--out leaves the input alone");

        assertEquals(0, run("rewrap", "--in", in.toString(), "--in-place").code());
        assertArrayEquals(body(old), body(Files.readAllBytes(in)));
        assertEquals(now, EnvelopeHeader.parse(Files.readAllBytes(in)).masterKeyId());

        client.revoke(firstMaster, RevocationReasonCode.CESSATION_OF_OPERATION, null, null);
        assertEquals("hello", decrypt(Files.readAllBytes(in)));
        assertEquals("hello", decrypt(rewrapped));
    }

    @Test
    void rewrap_directory_recursiveInPlace_summaryCountsRewrappedCurrentAndFailed() throws Exception {
        Path d = Files.createDirectories(dir.resolve("data/sub"));
        Files.write(dir.resolve("data/one.env"), envelope(firstMaster, "one"));
        Files.write(d.resolve("two.env"), envelope(firstMaster, "two"));
        assertEquals(0, run("rotate").code());
        String now = KmipSettings.load(keystore).keyIdentifier();
        Files.write(d.resolve("three.env"), envelope(now, "three"));
        Files.writeString(d.resolve("notes.txt"), "not an envelope");

        MainTest.Run r = run("rewrap", "--dir", dir.resolve("data").toString());
        assertEquals(1, r.code(), r.toString());
        assertEquals("2 rewrapped, 1 already current, 1 failed (master key " + now + ")", r.out().strip());
        assertTrue(r.err().startsWith("failed: " + d.resolve("notes.txt") + ": "), r.err());
        for (String[] f : new String[][] {{"data/one.env", "one"}, {"data/sub/two.env", "two"}, {"data/sub/three.env", "three"}}) {
            byte[] env = Files.readAllBytes(dir.resolve(f[0]));
            assertEquals(now, EnvelopeHeader.parse(env).masterKeyId(), f[0]);
            assertEquals(f[1], decrypt(env));
        }
        try (var s = Files.list(d)) {
            assertEquals(3, s.count(), "no temporary files left behind");
        }
    }

    /** Runs a command instance (its seams set by the test) as Main would, with --keystore appended. */
    MainTest.Run runCommand(Object command, String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        picocli.CommandLine cmd = new picocli.CommandLine(command);
        cmd.setOut(new java.io.PrintWriter(out, true, StandardCharsets.UTF_8));
        cmd.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        cmd.setExecutionExceptionHandler(new Failures());
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--keystore";
        all[args.length + 1] = keystore.toString();
        int code = cmd.execute(all);
        return new MainTest.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void rewrap_directory_skipsOurTemporaryFiles_followsLinksToTheirFilesOnce_keepingTheLinks() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Path one = Files.write(data.resolve("one.env"), envelope(firstMaster, "one"));
        Path two = Files.write(outside.resolve("two.env"), envelope(firstMaster, "two"));
        Path linkToOne = Files.createSymbolicLink(data.resolve("also-one.env"), one);
        Path linkToTwo = Files.createSymbolicLink(data.resolve("two.env"), two);
        Path leftover = Files.writeString(data.resolve(".one.env.8042971583.tmp"), "half a file");
        assertEquals(0, run("rotate").code());
        String now = KmipSettings.load(keystore).keyIdentifier();

        MainTest.Run r = run("rewrap", "--dir", data.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals("2 rewrapped, 0 already current, 0 failed, 1 temporary file skipped (master key " + now + ")",
                r.out().strip());
        assertEquals("", r.err());
        assertTrue(Files.isSymbolicLink(linkToOne) && Files.readSymbolicLink(linkToOne).equals(one));
        assertTrue(Files.isSymbolicLink(linkToTwo) && Files.readSymbolicLink(linkToTwo).equals(two));
        for (Path f : new Path[] {one, two}) {
            assertEquals(now, EnvelopeHeader.parse(Files.readAllBytes(f)).masterKeyId(), f.toString());
        }
        assertEquals("one", decrypt(Files.readAllBytes(one)));
        assertEquals("half a file", Files.readString(leftover), "left alone");
    }

    @Test
    void rewrap_inPlaceWithoutAtomicMove_refusedExitOne_fileUnchanged_noTemporaryLeft() throws Exception {
        byte[] old = envelope(firstMaster, "keep me");
        Path in = Files.write(Files.createDirectories(dir.resolve("noatomic")).resolve("a.env"), old);
        assertEquals(0, run("rotate").code());
        RewrapCommand c = new RewrapCommand();
        c.steps = new AtomicFiles.Steps() {
            @Override
            public void move(Path temp, Path target) throws java.nio.file.AtomicMoveNotSupportedException {
                throw new java.nio.file.AtomicMoveNotSupportedException(temp.toString(), target.toString(), "test");
            }
        };
        MainTest.Run r = runCommand(c, "--in", in.toString(), "--in-place");
        assertEquals(1, r.code(), r.toString());
        assertEquals("rewrap: cannot replace " + in + " atomically (this file system cannot rename over it in one step):"
                + " it is left as it was", r.err().strip());
        assertArrayEquals(old, Files.readAllBytes(in));
        try (var s = Files.list(in.getParent())) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
    }

    @Test
    void rewrap_directory_progressBarOnATerminalOnly_notWithQuiet() throws Exception {
        Path data = Files.createDirectories(dir.resolve("bar"));
        Files.write(data.resolve("a.env"), envelope(firstMaster, "a"));
        Files.writeString(data.resolve("b.txt"), "not an envelope");
        assertEquals(0, run("rotate").code());
        RewrapCommand onTerminal = new RewrapCommand();
        onTerminal.terminal = () -> true;
        MainTest.Run r = runCommand(onTerminal, "--dir", data.toString());
        assertEquals(1, r.code(), r.toString());
        String bar = "[##########----------]  50%  1 of 2 files";
        assertTrue(r.err().startsWith("\r" + bar + "\r" + " ".repeat(bar.length()) + "\rfailed: " + data.resolve("b.txt")
                + ": "), r.err());
        assertTrue(r.err().endsWith("\r[####################] 100%  2 of 2 files" + System.lineSeparator()), r.err());

        RewrapCommand quiet = new RewrapCommand();
        quiet.terminal = () -> true;
        MainTest.Run q = runCommand(quiet, "--dir", data.toString(), "--quiet");
        assertEquals(1, q.code(), q.toString());
        assertTrue(q.err().startsWith("failed: " + data.resolve("b.txt") + ": ") && !q.err().contains("\r"), q.err());
    }

    @Test
    void rewrap_inWithoutOutOrInPlace_isAUsageError() {
        MainTest.Run r = run("rewrap", "--in", "x.env");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("with --in give exactly one of --out OUT and --in-place"), r.err());
    }

    /** The logical lines of the file (continuations joined) that start with {@code prefix}. */
    static List<String> lines(Path file, String prefix) throws Exception {
        List<String> logical = new java.util.ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (String l : Files.readAllLines(file)) {
            b.append(b.length() == 0 ? l : l.strip());
            if (l.endsWith("\\")) {
                b.setLength(b.length() - 1);
            } else {
                logical.add(b.toString());
                b.setLength(0);
            }
        }
        return logical.stream().filter(l -> l.startsWith(prefix)).toList();
    }

    @Test
    void rotate_newKeystoreKey_entriesReadBackWithTheSameValues_reEncrypted_historyNamesBothMasterKeys() throws Exception {
        KeyStore ks = KeyStore.getInstance("KMIP", new KmipProvider());
        ks.load(new KmipKeyStoreParameter(keystore, null));
        for (int i = 1; i <= 3; i++) {
            byte[] v = new byte[32];
            Arrays.fill(v, (byte) i);
            ks.setKeyEntry("key-" + i, new SecretKeySpec(v, "AES"), null, null);
        }
        ks.store(null);
        List<String> entriesBefore = lines(keystore, "kmipjca.entry.");
        String keystoreKeyBefore = lines(keystore, "kmipjca.keystoreKey").get(0);
        assertEquals(0, run("rotate").code(), "a first, ordinary rotation");
        String second = KmipSettings.load(keystore).keyIdentifier();
        assertEquals(entriesBefore, lines(keystore, "kmipjca.entry."), "an ordinary rotation leaves entries alone");

        MainTest.Run r = run("rotate", "--new-keystore-key");
        assertEquals(0, r.code(), r.toString());
        String third = KmipSettings.load(keystore).keyIdentifier();
        assertEquals("rotated " + keystore + " from master key " + second + " to " + third + " (Re-key; old key: keep)",
                r.out().strip());
        List<String> entriesAfter = lines(keystore, "kmipjca.entry.");
        assertEquals(entriesBefore.size(), entriesAfter.size());
        for (int i = 0; i < entriesBefore.size(); i++) {
            assertNotEquals(entriesBefore.get(i), entriesAfter.get(i), "every entry re-encrypted under a new keystore key");
        }
        assertNotEquals(keystoreKeyBefore, lines(keystore, "kmipjca.keystoreKey").get(0));
        List<String> history = lines(keystore, "kmipjca.history.");
        assertEquals(2, history.size(), history.toString());
        assertTrue(history.get(0).contains(firstMaster), history.toString());
        assertTrue(history.get(1).contains(second), history.toString());

        KeyStore reloaded = KeyStore.getInstance("KMIP", new KmipProvider());
        reloaded.load(new KmipKeyStoreParameter(keystore, null));
        assertArrayEquals(new byte[16], reloaded.getKey("data", null).getEncoded());
        for (int i = 1; i <= 3; i++) {
            byte[] v = new byte[32];
            Arrays.fill(v, (byte) i);
            assertArrayEquals(v, reloaded.getKey("key-" + i, null).getEncoded(), "key-" + i);
        }
    }

    @Test
    void encrypt_afterTheMasterKeyWasRevoked_refusedNamingKeyAndState_decryptOfEarlierFileWorks() throws Exception {
        Path plain = dir.resolve("plain.txt");
        Files.writeString(plain, "before the revocation");
        Path sealed = dir.resolve("plain.env");
        assertEquals(0, run("encrypt", "-q", "--in", plain.toString(), "--out", sealed.toString()).code());
        client.revoke(firstMaster, RevocationReasonCode.CESSATION_OF_OPERATION, null, null);

        Path refused = dir.resolve("refused.env");
        MainTest.Run r = run("encrypt", "-q", "--in", plain.toString(), "--out", refused.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("KMIP failure: the master key " + firstMaster + " could not be used"
                + " (KEY_NOT_USABLE): master key " + firstMaster + " is Deactivated on " + client.servers()
                + ": it no longer encrypts"), r.err());
        assertTrue(!Files.exists(refused), "nothing written");

        Path opened = dir.resolve("opened.txt");
        MainTest.Run d = run("decrypt", "-q", "--in", sealed.toString(), "--out", opened.toString());
        assertEquals(0, d.code(), d.toString());
        assertEquals("before the revocation", Files.readString(opened));
    }

    @Test
    void kmipRotateMasterKeyFlag_refusedAsAUsageError_sayingItIsReadFromAKeystoreFile() throws Exception {
        Path plain = Files.writeString(dir.resolve("flag.txt"), "x");
        String expected = "kmip.rotateMasterKey=true given as --kmipRotateMasterKey: the setting is read only from a"
                + " keystore file, when KeyStore.load opens it (docs/rotation.md, \"Three ways in\"); remove it here and"
                + " rotate with java -jar kmip-jca.jar rotate --keystore FILE or dev.kmipjca.KmipRotation.rotate";
        MainTest.Run enc = run("encrypt", "--kmipRotateMasterKey", "--in", plain.toString(), "--out",
                dir.resolve("flag.env").toString());
        assertEquals(2, enc.code(), enc.toString());
        assertTrue(enc.err().startsWith(expected + System.lineSeparator()), enc.err());
        MainTest.Run rot = run("rotate", "--kmipRotateMasterKey=true");
        assertEquals(2, rot.code(), rot.toString());
        assertTrue(rot.err().startsWith(expected + System.lineSeparator()), rot.err());
        assertEquals(firstMaster, KmipSettings.load(keystore).keyIdentifier(), "nothing rotated");
        assertEquals(0, run("check", "--kmipRotateMasterKey=false").code(), "false is the default: nothing to refuse");
    }

    @Test
    void rotate_withSettingsFlags_refusesThemByName_andRotatesNothing() throws Exception {
        MainTest.Run r = run("rotate", "--kmipServerName", "elsewhere.invalid", "--kmipConnectRetries=2");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("rotate uses the keystore file's kmip.* settings as written, so --kmipServerName,"
                + " --kmipConnectRetries would not be applied; edit the file's settings instead (the old key's"
                + " retirement is --retire)" + System.lineSeparator()), r.err());
        assertEquals(firstMaster, KmipSettings.load(keystore).keyIdentifier(), "nothing rotated");
    }
}
