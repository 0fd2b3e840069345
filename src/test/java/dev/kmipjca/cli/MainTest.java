package dev.kmipjca.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line's help, version and usage errors (exit code 2). */
class MainTest {
    /** Exit code, standard output and standard error of one run. */
    record Run(int code, String out, String err) {
        /** Standard output as bytes, for runs that captured it as ISO-8859-1. */
        byte[] outBytes() {
            return out.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void help_listsTheCommandsAndExitsZero() {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("Usage: kmip-jca"), r.out());
        assertTrue(r.out().contains("server"), r.out());
    }

    @Test
    void version_printsTheVersion() {
        Run r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("kmip-jca "), r.out());
    }

    @Test
    void serverHelp_describesEveryOptionAndExitsZero() {
        Run r = run("server", "--help");
        assertEquals(0, r.code());
        for (String option : new String[] {"--dir", "--host", "--port", "--new-identity", "--delay-ms", "--drop-after",
            "--fail-operation", "--fail-all", "--fail-reason", "--stall-handshake"}) {
            assertTrue(r.out().contains(option), option + " in " + r.out());
        }
        assertTrue(r.out().contains("never production"), r.out());
    }

    @Test
    void noCommand_printsUsageAndExitsTwo() {
        Run r = run();
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("Usage: kmip-jca"), r.err());
    }

    @Test
    void unknownCommand_exitsTwoNamingIt() {
        Run r = run("frobnicate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("frobnicate"), r.err());
    }

    @Test
    void unknownOption_exitsTwoNamingItWithUsage() {
        Run r = run("server", "--bogus");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("Unknown option: '--bogus'"), r.err());
        assertTrue(r.err().contains("Usage: kmip-jca server"), r.err());
    }

    @Test
    void missingOrBadArguments_exitTwoNamingTheOption() {
        Run missing = run("server", "--port");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--port"), missing.err());
        Run bad = run("server", "--port", "abc");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("'abc'"), bad.err());
        Run range = run("server", "--port", "70000", "--dir", "never-created");
        assertEquals(2, range.code());
        assertTrue(range.err().contains("port must be 0 to 65535"), range.err());
        assertTrue(!java.nio.file.Files.exists(java.nio.file.Path.of("never-created")));
    }

    @Test
    void badIdentityName_exitsTwoBeforeAnythingStarts() {
        Run r = run("server", "--new-identity", "bad/name", "--dir", "never-created");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("identity name \"bad/name\""), r.err());
        assertTrue(!java.nio.file.Files.exists(java.nio.file.Path.of("never-created")));
    }

    @Test
    void faultOptions_areCheckedTogether() {
        Run reason = run("server", "--fail-operation", "Encrypt", "--fail-reason", "No Such Reason");
        assertEquals(2, reason.code());
        assertTrue(reason.err().contains("unknown Result Reason 'No Such Reason'"), reason.err());
        Run op = run("server", "--fail-operation", "Frobnicate", "--fail-reason", "Permission Denied");
        assertEquals(2, op.code());
        assertTrue(op.err().contains("unknown operation 'Frobnicate'"), op.err());
        Run alone = run("server", "--fail-reason", "Permission Denied");
        assertEquals(2, alone.code());
        assertTrue(alone.err().contains("--fail-reason goes with --fail-operation or --fail-all"), alone.err());
    }

    @Test
    void aNamedCommand_buildsOnlyThatCommandsModel_otherwiseAll() {
        assertEquals(java.util.List.of(FileCrypt.Decrypt.class),
                Main.selected(new String[] {"decrypt", "--in", "x"}).stream().map(Object::getClass).toList());
        assertEquals(java.util.List.of(KeysCommand.class),
                Main.selected(new String[] {"keys", "list"}).stream().map(Object::getClass).toList());
        int all = Main.commands().size();
        assertEquals(all, Main.selected(new String[0]).size());
        assertEquals(all, Main.selected(new String[] {"--help"}).size());
        assertEquals(all, Main.selected(new String[] {"encryptx"}).size());
    }
}
