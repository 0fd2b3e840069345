package dev.kmipjca.jca;

import dev.kmipjca.keystore.KeystoreContents;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code kmip.rotateMasterKey=true} in a keystore read from a stream ({@code KeyStore.load(InputStream)}:
 * keytool, JSSE). Such a load changes nothing on the server: keytool and JSSE load keystores without
 * storing them, and a rotation at each load would leave a new, unrecorded master key on the server at
 * every {@code keytool -list} and every JVM start. The rotation waits for the next store instead, which
 * makes the new master key, re-wraps the keystore key, writes the file with the setting turned off and
 * the old key in the history, and only then retires the old key as {@code kmip.retireOldMasterKey} says.
 * Until then the keystore works under its old master key. See docs/rotation.md, "Three ways in".
 */
final class PendingRotation {
    static final String SETTING = "kmip.rotateMasterKey";
    private static final System.Logger LOG = System.getLogger("dev.kmipjca.jca");

    private final ServerLink link;
    private final String requested;
    /** Set once the keystore is re-wrapped in memory; kept when the write fails, so the next store writes it. */
    private KeystoreRotation.Prepared prepared;

    private PendingRotation(ServerLink link, String requested) {
        this.link = link;
        this.requested = requested;
    }

    /** True when the contents ask for a rotation ({@code kmip.rotateMasterKey=true}, any case). */
    static boolean requested(KeystoreContents c) {
        return c != null && c.setting(SETTING).map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
    }

    /** The rotation a keystore read from a stream asks for, to be done by its next store; empty when none. */
    static Optional<PendingRotation> of(KeystoreContents c, ServerLink link) {
        if (!requested(c)) {
            return Optional.empty();
        }
        LOG.log(System.Logger.Level.INFO, "kmip.rotateMasterKey=true in a keystore read from a stream: master key "
                + c.masterKeyId() + " on " + link.serversText() + " is rotated when the keystore is next stored"
                + " (loading changes nothing on the server)");
        return Optional.of(new PendingRotation(link, c.setting(SETTING).orElseThrow()));
    }

    /**
     * Rotates {@code c} (unless an earlier store already did and only its write failed), writes it with
     * {@code writer} ({@code where} names the destination in the log), then retires the old key; a failed
     * retirement is a WARNING, the store still succeeds. A failure before the write leaves {@code c} as it was.
     */
    KeystoreRotation.Result store(KeystoreContents c, String where, KeystoreRotation.Writer writer) throws IOException {
        if (prepared == null) {
            c.setSetting(SETTING, "false");
            try {
                prepared = KeystoreRotation.prepare(link, c, false);
            } catch (IOException | RuntimeException e) {
                c.setSetting(SETTING, requested);
                throw e;
            }
        }
        writer.write(c);
        return KeystoreRotation.finish(link, prepared, where, link.settings.retireOldMasterKey(),
                KeystoreRotation.warningOnFailure());
    }
}
