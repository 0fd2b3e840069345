package dev.kmipjca.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kmip-jca encrypt} and {@code decrypt} against an in-process development server. */
class FileCryptTest {
    static final int SEGMENT = 64 << 10;

    @TempDir
    static Path dir;
    static CliServer cli;
    static String masterKey;

    @BeforeAll
    static void start() throws Exception {
        cli = CliServer.start(dir);
        masterKey = cli.createKey("file-master");
    }

    @AfterAll
    static void stop() {
        cli.close();
    }

    static byte[] data(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    Path write(String name, byte[] b) throws Exception {
        return Files.write(dir.resolve(name), b);
    }

    MainTest.Run run(String... args) {
        return cli.run(Stream.concat(Stream.of(args), Stream.of("--kmipKeyIdentifier", masterKey)).toArray(String[]::new));
    }

    @Test
    void encryptThenDecrypt_roundTripsEverySizeAroundTheSegment() throws Exception {
        for (int n : new int[] {0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 3 << 20}) {
            Path plain = write("p" + n, data(n));
            MainTest.Run enc = run("encrypt", "--in", plain.toString(), "--out", dir.resolve("e" + n).toString(), "--aad", "ctx");
            assertEquals(0, enc.code(), enc.toString());
            assertEquals("", enc.out());
            MainTest.Run dec = run("decrypt", "--in", dir.resolve("e" + n).toString(), "--out", dir.resolve("d" + n).toString(),
                    "--aad", "ctx");
            assertEquals(0, dec.code(), dec.toString());
            assertArrayEquals(data(n), Files.readAllBytes(dir.resolve("d" + n)), "size " + n);
            assertEquals(n + 83 + 2 + 1 + masterKey.length() + 1 + 1 + 12 + 2 + 48 + (n / SEGMENT + 1) * 16L,
                    Files.size(dir.resolve("e" + n)), "segmented envelope size for " + n);
        }
    }

    @Test
    void verbose_namesTheBulkProvider_whichFollowsTheSetting() throws Exception {
        Path plain = write("bulk-p", data(1000));
        Path sealed = dir.resolve("bulk-e");
        MainTest.Run enc = run("encrypt", "--in", plain.toString(), "--out", sealed.toString(), "--verbose",
                "--kmipBulkProvider", "SunJCE");
        assertEquals(0, enc.code(), enc.toString());
        assertEquals("kmip-jca encrypt: bulk provider: SunJCE " + java.security.Security.getProvider("SunJCE").getVersionStr()
                + ": kmip.bulkProvider=SunJCE\n", enc.err());
        MainTest.Run dec = run("decrypt", "--in", sealed.toString(), "--out", dir.resolve("bulk-d").toString(), "-v");
        assertEquals(0, dec.code(), dec.toString());
        assertTrue(dec.err().matches("kmip-jca decrypt: bulk provider: (ACCP|SunJCE) .*: kmip\\.bulkProvider=auto .*\n"),
                dec.err());
        assertArrayEquals(data(1000), Files.readAllBytes(dir.resolve("bulk-d")));
    }

    @Test
    void wrongAad_exitsOneNamingTheAuthenticationFailure_andLeavesNoOutput() throws Exception {
        Path plain = write("aad-p", data(1000));
        Path sealed = dir.resolve("aad-e");
        assertEquals(0, run("encrypt", "--in", plain.toString(), "--out", sealed.toString(), "--aad", "right").code());
        Path out = dir.resolve("aad-d");
        MainTest.Run r = run("decrypt", "--in", sealed.toString(), "--out", out.toString(), "--aad", "wrong");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("kmip-jca decrypt: cryptographic failure: "), r.err());
        assertTrue(r.err().contains("failed authentication"), r.err());
        assertTrue(r.err().contains("associated data differs"), r.err());
        assertFalse(Files.exists(out));
        assertNoTemporaryFiles();
    }

    @Test
    void tamperedFile_exitsOne_andLeavesNoOutputFile() throws Exception {
        Path plain = write("t-p", data(500_000));
        Path sealed = dir.resolve("t-e");
        assertEquals(0, run("encrypt", "--in", plain.toString(), "--out", sealed.toString()).code());
        byte[] b = Files.readAllBytes(sealed);
        b[b.length - 1000] ^= 0x40; // in the last segments: earlier ones were already written to the temporary file
        Files.write(sealed, b);
        Path out = dir.resolve("t-d");
        MainTest.Run r = run("decrypt", "--in", sealed.toString(), "--out", out.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("cryptographic failure"), r.err());
        assertFalse(Files.exists(out));
        assertNoTemporaryFiles();
    }

    @Test
    void truncatedFile_exitsOneSayingTruncated() throws Exception {
        Path plain = write("tr-p", data(200_000));
        Path sealed = dir.resolve("tr-e");
        assertEquals(0, run("encrypt", "--in", plain.toString(), "--out", sealed.toString()).code());
        byte[] b = Files.readAllBytes(sealed);
        Files.write(sealed, java.util.Arrays.copyOf(b, b.length - (200_000 % SEGMENT) - 16));
        MainTest.Run r = run("decrypt", "--in", sealed.toString(), "--out", dir.resolve("tr-d").toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("truncated"), r.err());
    }

    @Test
    void stdinToStdout_roundTrips() throws Exception {
        byte[] plain = data(300_000);
        MainTest.Run enc = runWithStdin(plain, "encrypt", "--in", "-", "--out", "-");
        assertEquals(0, enc.code(), enc.toString());
        byte[] sealed = enc.outBytes();
        assertEquals('K', sealed[0]);
        Path f = write("stdin-e", sealed);
        MainTest.Run dec = runWithStdin(Files.readAllBytes(f), "decrypt", "--in", "-", "--out", "-");
        assertEquals(0, dec.code(), dec.toString());
        assertArrayEquals(plain, dec.outBytes());
    }

    @Test
    void usageErrors_exitTwo() throws Exception {
        MainTest.Run noIn = run("encrypt", "--out", dir.resolve("x").toString());
        assertEquals(2, noIn.code());
        assertTrue(noIn.err().contains("--in"), noIn.err());
        MainTest.Run noServer = MainTest.run("decrypt", "--in", "a", "--out", "b");
        assertEquals(2, noServer.code(), noServer.toString());
        MainTest.Run bogus = run("decrypt", "--in", "a", "--out", "b", "--bogus");
        assertEquals(2, bogus.code());
    }

    @Test
    void missingInput_exitsOneNamingTheFile() {
        MainTest.Run r = run("encrypt", "--in", dir.resolve("absent").toString(), "--out", dir.resolve("y").toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("I/O failure: no such file"), r.err());
        assertTrue(r.err().contains("absent"), r.err());
    }

    @Test
    void keystoreWithoutMasterKey_getsOneCreatedAndRecorded() throws Exception {
        Path ks = cli.keystore().resolveSibling("fresh.kmip"); // beside client.kmip: its paths are relative
        Files.copy(cli.keystore(), ks);
        Path plain = write("fresh-p", data(100));
        MainTest.Run enc = MainTest.run("encrypt", "--keystore", ks.toString(), "--in", plain.toString(),
                "--out", dir.resolve("fresh-e").toString());
        assertEquals(0, enc.code(), enc.toString());
        assertTrue(enc.err().startsWith("created the master key "), enc.err());
        assertTrue(Files.readString(ks).contains("kmipjca.masterKeyId="), "the keystore records it");
        MainTest.Run dec = MainTest.run("decrypt", "--keystore", ks.toString(), "--in", dir.resolve("fresh-e").toString(),
                "--out", dir.resolve("fresh-d").toString());
        assertEquals(0, dec.code(), dec.toString());
        assertArrayEquals(data(100), Files.readAllBytes(dir.resolve("fresh-d")));
    }

    /** An --out file that exists before the run, with contents of its own. */
    Path existing(String name) throws Exception {
        return write(name, "the previous contents of this file\n".getBytes(StandardCharsets.UTF_8));
    }

    void assertUntouched(Path out) throws Exception {
        assertArrayEquals("the previous contents of this file\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(out),
                "the existing --out file is left byte for byte as it was");
        assertNoTemporaryFiles();
    }

    @Test
    void decryptFailure_wrongAadOrTamperedInput_leavesAnExistingOutFileAsItWas() throws Exception {
        Path plain = write("keep-p", data(3 * SEGMENT + 5));
        Path sealed = dir.resolve("keep-e");
        assertEquals(0, run("encrypt", "--in", plain.toString(), "--out", sealed.toString(), "--aad", "right").code());
        Path out = existing("keep-d");

        MainTest.Run wrongAad = run("decrypt", "--in", sealed.toString(), "--out", out.toString(), "--aad", "wrong");
        assertEquals(1, wrongAad.code(), wrongAad.toString());
        assertTrue(wrongAad.err().startsWith("kmip-jca decrypt: cryptographic failure: "), wrongAad.err());
        assertUntouched(out);

        byte[] b = Files.readAllBytes(sealed);
        b[b.length - 20] ^= 1; // the last segment: the first three were already written to the temporary file
        Path tampered = write("keep-t", b);
        MainTest.Run altered = run("decrypt", "--in", tampered.toString(), "--out", out.toString(), "--aad", "right");
        assertEquals(1, altered.code(), altered.toString());
        assertTrue(altered.err().startsWith("kmip-jca decrypt: cryptographic failure: "), altered.err());
        assertFalse(altered.err().contains("standard output"), altered.err());
        assertUntouched(out);
    }

    @Test
    void encryptFailure_unknownMasterKeyOrDirectoryInput_leavesAnExistingOutFileAsItWas() throws Exception {
        Path plain = write("keep-enc-p", data(100_000));
        Path out = existing("keep-enc-e");

        MainTest.Run unknownKey = cli.run("encrypt", "--in", plain.toString(), "--out", out.toString(),
                "--kmipKeyIdentifier", "no-such-key");
        assertEquals(1, unknownKey.code(), unknownKey.toString());
        assertTrue(unknownKey.err().startsWith("kmip-jca encrypt: KMIP failure: the master key no-such-key could not be"
                + " used (KEY_NOT_FOUND): "), unknownKey.err());
        assertUntouched(out);

        Path directory = Files.createDirectories(dir.resolve("keep-enc-dir"));
        MainTest.Run unreadable = run("encrypt", "--in", directory.toString(), "--out", out.toString(), "--no-warmup");
        assertEquals(1, unreadable.code(), unreadable.toString());
        assertEquals("kmip-jca encrypt: I/O failure: --in " + directory + " is a directory\n", unreadable.err());
        assertUntouched(out);
    }

    @Test
    void decryptToStdout_truncatedAfterVerifiedSegments_exitsOneSayingStdoutGotAnIncompleteResult() throws Exception {
        byte[] plain = data(3 << 20);
        MainTest.Run enc = runWithStdin(plain, "encrypt", "--in", "-", "--out", "-");
        assertEquals(0, enc.code(), enc.toString());
        byte[] sealed = enc.outBytes();
        byte[] truncated = java.util.Arrays.copyOf(sealed, sealed.length - SEGMENT - 16 - 16); // the last two segments gone

        MainTest.Run dec = runWithStdin(truncated, "decrypt", "--in", "-", "--out", "-");

        assertEquals(1, dec.code(), dec.toString());
        byte[] got = dec.outBytes();
        // what reached standard output before the truncation showed: verified plaintext, whole 1 MiB pieces
        assertEquals(2 * FileCrypt.BUFFER_BYTES, got.length);
        assertArrayEquals(java.util.Arrays.copyOf(plain, got.length), got);
        assertTrue(dec.err().startsWith("kmip-jca decrypt: cryptographic failure: "), dec.err());
        assertTrue(dec.err().contains("truncated"), dec.err());
        assertTrue(dec.err().endsWith("; standard output had already received " + got.length
                + " bytes: an incomplete result, discard it\n"), dec.err());
    }

    @Test
    void unusableClientCredentials_exitOneWithACredentialsFailure() throws Exception {
        Path garbage = write("garbage.pem", "not a PEM file\n".getBytes(StandardCharsets.UTF_8));
        String settings = Files.readString(cli.keystore()).replaceAll("(?m)^kmip\\.clientCertificateFile=.*$",
                "kmip.clientCertificateFile=" + java.util.regex.Matcher.quoteReplacement(garbage.toString()));
        Path ks = write("garbage.kmip", settings.getBytes(StandardCharsets.UTF_8));
        Path out = existing("cred-e");
        MainTest.Run r = MainTest.run("encrypt", "--keystore", ks.toString(), "--kmipKeyIdentifier", masterKey,
                "--in", write("cred-p", data(10)).toString(), "--out", out.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("kmip-jca encrypt: credentials failure: "), r.err());
        assertTrue(r.err().contains("garbage.pem"), "names the file: " + r.err());
        assertUntouched(out);
    }

    @Test
    void copy_zeroesItsPlaintextBufferAtTheEnd_alsoWhenWritingFails() throws Exception {
        java.util.List<byte[]> seen = new java.util.ArrayList<>();
        java.io.OutputStream capture = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                throw new AssertionError("copy writes arrays");
            }

            @Override
            public void write(byte[] b, int off, int len) {
                seen.add(b);
            }
        };
        FileCrypt.copy(new ByteArrayInputStream(data(3 * FileCrypt.BUFFER_BYTES / 2)), capture, Progress.forSize(0, true, null));
        assertEquals(2, seen.size(), "two reads of 1 MiB");
        assertTrue(zero(seen.get(0)), "the 1 MiB buffer is zeroed once the copy is done");

        seen.clear();
        java.io.OutputStream failing = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                throw new AssertionError("copy writes arrays");
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                seen.add(b);
                throw new java.io.IOException("disk full");
            }
        };
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> FileCrypt.copy(new ByteArrayInputStream(data(1000)), failing, Progress.forSize(0, true, null)));
        assertEquals("disk full", e.getMessage());
        assertTrue(zero(seen.get(0)), "zeroed after a failure too");
    }

    private static boolean zero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void encryptIntoAFile_serverUnavailable_exitsOneAsBefore_andLeavesNoOutput() throws Exception {
        // the client is opened on the wrap thread while the body is written: its failure is reported the same way
        Path plain = write("dead-p", data(300_000));
        Path out = dir.resolve("dead-e");
        int dead = CliServer.deadPort();
        MainTest.Run r = run("encrypt", "--in", plain.toString(), "--out", out.toString(), "--kmipPort", String.valueOf(dead),
                "--kmipConnectTimeoutMS=1000");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("kmip-jca encrypt: KMIP failure: the master key " + masterKey
                + " could not be used (UNAVAILABLE): "), r.err());
        assertTrue(r.err().contains("127.0.0.1:" + dead), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertFalse(Files.exists(out));
        assertNoTemporaryFiles();
    }

    @Test
    void encryptIntoAFile_unreadableClientKey_exitsOneNamingTheFile_andLeavesTheOldOutputIntact() throws Exception {
        Path plain = write("cred-p", data(1000));
        Path out = write("cred-e", "the old output".getBytes(StandardCharsets.UTF_8));
        // it exists (the settings accept it), but holds no key: the client fails on the wrap thread
        Path bad = write("not-a-client.pem", "no PEM here\n".getBytes(StandardCharsets.UTF_8));
        MainTest.Run r = run("encrypt", "--in", plain.toString(), "--out", out.toString(),
                "--kmipClientCertificateFile", bad.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("kmip-jca encrypt: credentials failure: "), r.err());
        assertTrue(r.err().contains(bad.toString()), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertEquals("the old output", Files.readString(out));
        assertNoTemporaryFiles();
    }

    @Test
    void encryptIntoAFile_unknownMasterKey_exitsOneNamingIt() throws Exception {
        Path plain = write("unk-p", data(1000));
        Path out = dir.resolve("unk-e");
        MainTest.Run r = cli.run("encrypt", "--in", plain.toString(), "--out", out.toString(), "--kmipKeyIdentifier",
                "no-such-key");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("kmip-jca encrypt: KMIP failure: the master key no-such-key could not be"
                + " used"), r.err());
        assertFalse(Files.exists(out));
        assertNoTemporaryFiles();
    }

    void assertNoTemporaryFiles() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.filter(p -> p.getFileName().toString().endsWith(".part")).count());
        }
    }

    /** A run with {@code stdin} as standard input, capturing binary standard output. */
    MainTest.Run runWithStdin(byte[] stdin, String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--keystore", cli.keystore().toString(),
                "--kmipKeyIdentifier", masterKey)).toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(all, new ByteArrayInputStream(stdin), new PrintStream(out, true),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new MainTest.Run(code, out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.UTF_8));
    }
}
