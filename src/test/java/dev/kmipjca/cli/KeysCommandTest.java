package dev.kmipjca.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.server.Faults;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kmip-jca keys ...} against an in-process development server. */
class KeysCommandTest {
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

    @Test
    void create_printsOnlyTheUniqueIdentifier_andActivatesTheKey() {
        MainTest.Run r = cli.run("keys", "create", "--name", "master-1");

        assertEquals(0, r.code(), r.toString());
        String uid = r.out().strip();
        assertTrue(uid.matches("[0-9a-f-]{36}"), "one UUID line: " + r.out());
        assertEquals("created AES-256 key \"master-1\" (Active)", r.err().strip());
        MainTest.Run show = cli.run("keys", "show", uid);
        assertTrue(show.out().contains("  State: Active"), show.out());
        assertTrue(show.out().contains("  Cryptographic Length: 256"), show.out());
        assertTrue(show.out().contains("  Cryptographic Usage Mask: Encrypt|Decrypt|Wrap Key|Unwrap Key"), show.out());
    }

    @Test
    void createNoActivate_size128_leavesAPreActiveAes128Key() {
        String uid = cli.createKey("small", "--size", "128", "--no-activate");

        MainTest.Run show = cli.run("keys", "show", uid);
        assertTrue(show.out().contains("  State: Pre-Active"), show.out());
        assertTrue(show.out().contains("  Cryptographic Length: 128"), show.out());
    }

    @Test
    void createWithActivateKeysFalse_leavesTheKeyPreActive() {
        String uid = cli.createKey("not-active", "--kmipActivateKeys", "false");

        assertTrue(cli.run("keys", "show", uid).out().contains("  State: Pre-Active"));
    }

    @Test
    void list_showsNameTypeStateAlgorithmAndLength_andFiltersByName() {
        String a = cli.createKey("alpha");
        String b = cli.createKey("beta", "--size", "192", "--no-activate");

        MainTest.Run all = cli.run("keys", "list");

        assertEquals(0, all.code(), all.toString());
        List<String> lines = all.out().lines().toList();
        assertEquals(3, lines.size(), all.out());
        assertTrue(lines.get(0).matches("UNIQUE IDENTIFIER +NAME +TYPE +STATE +ALGORITHM +LENGTH"), lines.get(0));
        assertTrue(all.out().contains(a + "  alpha  Symmetric Key  Active      AES        256"), all.out());
        assertTrue(all.out().contains(b + "  beta   Symmetric Key  Pre-Active  AES        192"), all.out());
        MainTest.Run one = cli.run("keys", "list", "--name", "beta");
        assertEquals(2, one.out().lines().count(), one.out());
        assertTrue(one.out().contains(b), one.out());
        MainTest.Run none = cli.run("keys", "list", "--name", "gamma");
        assertEquals(0, none.code());
        assertEquals("no objects named \"gamma\"", none.err().strip());
    }

    @Test
    void showByName_printsEveryAttributeOfEachMatch_andNoKeyMaterial() {
        String uid = cli.createKey("shown");

        MainTest.Run r = cli.run("keys", "show", "--name", "shown");

        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("key " + uid + "\n  Unique Identifier: " + uid + "\n"), r.out());
        assertTrue(r.out().contains("  Name: shown\n"), r.out());
        assertTrue(r.out().contains("  Object Type: Symmetric Key\n"), r.out());
        assertFalse(r.out().toLowerCase().contains("key material"), r.out());
    }

    @Test
    void showUnknownName_exitsOneSayingSo() {
        MainTest.Run r = cli.run("keys", "show", "--name", "nobody");

        assertEquals(1, r.code());
        assertEquals("kmip-jca keys show: no key named \"nobody\" (or none this client may see)", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void showUnknownUid_exitsOneWithTheServersAnswer() {
        MainTest.Run r = cli.run("keys", "show", "no-such-id");

        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("kmip-jca keys show: KMIP Get Attributes failed: Item Not Found (0x00000001)"),
                r.err());
        assertEquals(1, r.err().lines().count(), "one line, no stack trace: " + r.err());
    }

    @Test
    void revokeThenDestroy_movesTheKeyThroughItsLifecycle() {
        String uid = cli.createKey("retired");

        MainTest.Run revoke = cli.run("keys", "revoke", uid, "--message", "end of service");
        assertEquals(0, revoke.code(), revoke.toString());
        assertEquals("revoked " + uid + " (Cessation of Operation)", revoke.out().strip());
        String shown = cli.run("keys", "show", uid).out();
        assertTrue(shown.contains("  State: Deactivated"), shown);
        assertTrue(shown.contains("  Revocation Reason: Cessation of Operation (end of service)"), shown);

        MainTest.Run destroy = cli.run("keys", "destroy", uid, "--yes");
        assertEquals(0, destroy.code(), destroy.toString());
        assertEquals("destroyed " + uid, destroy.out().strip());
        assertTrue(cli.run("keys", "show", uid).out().contains("  State: Destroyed"));
    }

    @Test
    void activate_movesAPreActiveKeyToActive_andTwiceIsRefused() {
        String uid = cli.createKey("later", "--no-activate");

        MainTest.Run r = cli.run("keys", "activate", uid);
        assertEquals(0, r.code(), r.toString());
        assertEquals("activated " + uid, r.out().strip());
        assertTrue(cli.run("keys", "show", uid).out().contains("  State: Active"));
        MainTest.Run again = cli.run("keys", "activate", uid);
        assertEquals(1, again.code());
        assertTrue(again.err().startsWith("kmip-jca keys activate: KMIP Activate failed: Wrong Key Lifecycle State"),
                again.err());
    }

    @Test
    void revokeForKeyCompromise_recordsTheCompromiseDate() {
        String uid = cli.createKey("leaked");

        MainTest.Run r = cli.run("keys", "revoke", uid, "--reason", "key compromise", "--compromised-at",
                "2025-01-31T12:00:00Z");

        assertEquals(0, r.code(), r.toString());
        String shown = cli.run("keys", "show", uid).out();
        assertTrue(shown.contains("  State: Compromised"), shown);
        assertTrue(shown.contains("  Compromise Occurrence Date: 2025-01-31T12:00:00Z"), shown);
    }

    @Test
    void destroyWithoutYes_exitsTwoAndDestroysNothing() {
        String uid = cli.createKey("precious", "--no-activate");

        MainTest.Run r = cli.run("keys", "destroy", uid);

        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("destroying " + uid + " cannot be undone: add --yes to confirm"), r.err());
        assertTrue(r.err().contains("Usage: kmip-jca keys destroy"), r.err());
        assertTrue(cli.run("keys", "show", uid).out().contains("  State: Pre-Active"));
    }

    @Test
    void usageErrors_exitTwoNamingTheProblem() {
        assertUsage(cli.run("keys", "create"), "Missing required option: '--name=NAME'");
        assertUsage(cli.run("keys", "create", "--name", "x", "--size", "100"), "--size must be 128, 192 or 256, not 100");
        assertUsage(cli.run("keys", "show"), "give either a UID or --name NAME");
        assertUsage(cli.run("keys", "show", "uid", "--name", "x"), "give either a UID or --name NAME");
        assertUsage(cli.run("keys", "revoke", "uid", "--reason", "boredom"), "unknown Revocation Reason Code 'boredom'");
        assertUsage(cli.run("keys", "activate"), "Missing required parameter: 'UID'");
        assertUsage(cli.run("keys", "list", "--bogus"), "Unknown option: '--bogus'");
        MainTest.Run bare = MainTest.run("keys");
        assertEquals(2, bare.code());
        assertTrue(bare.err().contains("Usage: kmip-jca keys"), bare.err());
    }

    @Test
    void serverRefusal_exitsOneWithTheResultReason() {
        cli.server.faults(Faults.builder().fail(Operation.CREATE, ResultReason.PERMISSION_DENIED).build());

        MainTest.Run r = cli.run("keys", "create", "--name", "refused");

        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("kmip-jca keys create: KMIP Create failed: Permission Denied (0x0000000C)"),
                r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    static void assertUsage(MainTest.Run r, String message) {
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains(message), "'" + message + "' in " + r.err());
        assertTrue(r.err().contains("Usage: kmip-jca"), r.err());
    }
}
