package dev.kmipjca.cli;

import static dev.kmipjca.cli.DemoContext.check;

import dev.kmipjca.KmipEnvelopes;
import dev.kmipjca.KmipKeyStoreParameter;
import dev.kmipjca.KmipProvider;
import dev.kmipjca.KmipRotation;
import dev.kmipjca.config.RetireOldMasterKey;
import dev.kmipjca.envelope.EnvelopeHeader;
import dev.kmipjca.envelope.KmipKeyWrapService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.spec.SecretKeySpec;

/**
 * The demo's rotation, as an application does it: a KMIP keystore file under the master key, rotated
 * with {@link KmipRotation} (Re-key on the server, keystore key re-wrapped, file replaced atomically,
 * old key kept in the file's history), then an envelope made before the rotation decrypted and moved
 * to the new key with {@code rewrap} (only its header changes).
 */
final class DemoRotation {
    static final String KEYSTORE_FILE = "app.kmip";
    static final String ENVELOPE_FILE = "message.env";
    private static final byte[] SECRET = "demo database password".getBytes(StandardCharsets.UTF_8);
    static final byte[] AAD = "demo".getBytes(StandardCharsets.UTF_8);

    private DemoRotation() {}

    /** A keystore file beside the server's client.kmip (same server, relative paths still resolve). */
    static Path keystore(DemoContext c) {
        return c.server.clientKeystore().resolveSibling(KEYSTORE_FILE);
    }

    static String rotate(DemoContext c) throws Exception {
        Path file = keystore(c);
        String settings = Files.readAllLines(c.server.clientKeystore()).stream()
                .filter(l -> !l.startsWith("kmip.keyIdentifier")).collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, settings + "kmip.keyIdentifier=" + c.masterKeyId + "\n");
        KeyStore ks = KeyStore.getInstance("KMIP", new KmipProvider());
        ks.load(new KmipKeyStoreParameter(file, null));
        ks.setKeyEntry("db-password", new SecretKeySpec(SECRET, "RAW"), null, null);
        ks.store(null);

        KmipRotation.Result r = KmipRotation.rotate(file, null, new KmipRotation.Options(RetireOldMasterKey.KEEP, false));
        c.newMasterKeyId = r.newMasterKeyId();
        check(r.oldMasterKeyId().equals(c.masterKeyId) && !r.newMasterKeyId().equals(c.masterKeyId),
                "the rotation replaced the demo's master key");
        List<String> lines = Files.readAllLines(file);
        check(lines.contains("kmip.keyIdentifier=" + r.newMasterKeyId()), "the file names the new master key");
        String history = lines.stream().filter(l -> l.startsWith("kmipjca.history.0=")).findFirst().orElse("");
        check(history.contains(r.oldMasterKeyId()), "the file's key history names the old master key: " + history);
        KeyStore reloaded = KeyStore.getInstance("KMIP", new KmipProvider());
        reloaded.load(new KmipKeyStoreParameter(file, null));
        check(Arrays.equals(reloaded.getKey("db-password", null).getEncoded(), SECRET), "the entry reads back");
        return "Keystore " + KEYSTORE_FILE + " rotated with KmipRotation (" + (r.reKeyed() ? "KMIP Re-key" : "Create")
                + ", old key kept): master key " + r.oldMasterKeyId() + " -> " + r.newMasterKeyId()
                + "; the file now has kmip.keyIdentifier=" + r.newMasterKeyId() + " and its key history "
                + history.substring(0, history.indexOf('=')) + " names " + r.oldMasterKeyId()
                + "; its entry reads back unchanged.";
    }

    static String rewrap(DemoContext c) throws Exception {
        byte[] old = Files.readAllBytes(c.file(ENVELOPE_FILE));
        EnvelopeHeader before = EnvelopeHeader.parse(old);
        check(before.masterKeyId().equals(c.masterKeyId), "the envelope was made under the old master key");
        byte[] opened = KmipEnvelopes.of(c.client, null).decrypt(old, AAD);
        check(Arrays.equals(opened, c.message), "the envelope made before the rotation still decrypts");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (KmipKeyWrapService wrap = new KmipKeyWrapService(c.client, false)) {
            new RewrapCommand.Rewrapper(wrap, c.newMasterKeyId).rewrap(new ByteArrayInputStream(old), out);
        }
        byte[] fresh = out.toByteArray();
        Files.write(c.file(ENVELOPE_FILE), fresh);
        EnvelopeHeader after = EnvelopeHeader.parse(fresh);
        check(after.masterKeyId().equals(c.newMasterKeyId), "the re-wrapped header names the new master key");
        byte[] bodyBefore = Arrays.copyOfRange(old, before.length(), old.length);
        byte[] bodyAfter = Arrays.copyOfRange(fresh, after.length(), fresh.length);
        check(Arrays.equals(bodyBefore, bodyAfter), "the body is unchanged byte for byte");
        check(Arrays.equals(KmipEnvelopes.of(c.client, null).decrypt(fresh, AAD), c.message),
                "the re-wrapped envelope decrypts");
        return "Envelope " + ENVELOPE_FILE + " made before the rotation still decrypts (header names "
                + c.masterKeyId + "); rewrap moved it to " + c.newMasterKeyId + ": header " + before.length() + " -> "
                + after.length() + " bytes rewritten, body " + bodyAfter.length + " bytes unchanged byte for byte.";
    }
}
