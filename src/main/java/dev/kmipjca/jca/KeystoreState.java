package dev.kmipjca.jca;

import dev.kmipjca.keystore.KeystoreContents;
import dev.kmipjca.keystore.KeystoreFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;

/**
 * What a {@code KeyStore "KMIP"} holds between load and store: the open contents (or, for a file of
 * settings only, what initialising it needs), the link to its servers and the file it came from. The
 * load and store side of {@link KmipKeyStoreSpi}, which reads and changes entries through it.
 */
final class KeystoreState {
    private final Engines engines;
    private KeystoreContents contents;
    private KeystoreLoader.Loaded pending;
    private ServerLink link;
    private Path path;
    /** A rotation asked for by a keystore read from a stream, done by the next store; null when none. */
    private PendingRotation rotation;
    private Instant loadedAt = Instant.now();

    KeystoreState(Engines engines) {
        this.engines = engines;
    }

    void load(InputStream in, char[] password) throws IOException {
        if (in == null) {
            set(KeystoreLoader.fromProvider(engines, password), null); // null: no configuration, an empty keystore
            return;
        }
        KeystoreFile file = KeystoreIo.parse(in, engines.parsedFiles());
        set(KeystoreLoader.load(engines, file, Path.of("").toAbsolutePath(), password, true), null);
        rotation = PendingRotation.of(contents, link).orElse(null);
    }

    void load(KeyStore.LoadStoreParameter param) throws IOException {
        if (param == null) {
            load(null, null);
            return;
        }
        Path file = KeystoreIo.pathOf(param).toAbsolutePath().normalize();
        char[] password = KeystoreIo.password(param.getProtectionParameter());
        set(KeystoreLoader.load(engines, KeystoreIo.read(file, engines.parsedFiles()), file.getParent(), password,
                false), file);
        if (PendingRotation.requested(contents)) {
            rotateNow(file);
        }
    }

    /**
     * {@code kmip.rotateMasterKey=true} in a keystore loaded from its file: rotates now, writes the file
     * atomically with the setting off, then retires the old key (a failed retirement is a WARNING: the
     * file is rotated and the load succeeds). A keystore read from a stream rotates at its next store
     * instead ({@link PendingRotation}).
     */
    private void rotateNow(Path file) throws IOException {
        contents.setSetting(PendingRotation.SETTING, "false");
        KeystoreRotation.rotate(link, contents, file, link.settings.retireOldMasterKey(), false,
                KeystoreRotation.warningOnFailure());
    }

    private void set(KeystoreLoader.Loaded loaded, Path file) {
        if (contents != null) {
            contents.close();
        }
        contents = loaded == null ? null : loaded.contents();
        pending = loaded == null || loaded.contents() != null ? null : loaded;
        link = loaded == null ? null : loaded.link();
        path = file;
        rotation = null;
        loadedAt = Instant.now();
    }

    void store(OutputStream out) throws IOException {
        KeystoreContents c = requireContents();
        if (rotation != null) {
            rotation.store(c, "the keystore (to a stream)", rotated -> write(out, rotated));
            rotation = null;
            return;
        }
        write(out, c);
    }

    private static void write(OutputStream out, KeystoreContents c) throws IOException {
        out.write(c.serialize());
        out.flush();
    }

    void store(KeyStore.LoadStoreParameter param) throws IOException {
        Path target = param == null ? path : KeystoreIo.pathOf(param);
        if (target == null) {
            throw new IllegalArgumentException("this KMIP keystore was not loaded from a file: store it to an"
                    + " OutputStream or pass a dev.kmipjca.KmipKeyStoreParameter naming the file");
        }
        KeystoreContents c = requireContents();
        if (rotation != null) {
            rotation.store(c, target.toString(), rotated -> rotated.writeAtomically(target));
            rotation = null;
            return;
        }
        c.writeAtomically(target);
    }

    /** The contents, initialising a new keystore (creating its master key) on first need. */
    KeystoreContents requireContents() throws IOException {
        if (contents == null && pending != null) {
            contents = KeystoreLoader.initialise(pending);
            pending = null;
        }
        if (contents == null) {
            throw new IOException(KeystoreIo.NO_SETTINGS);
        }
        return contents;
    }

    /** The open contents; null before a load, for an unconfigured provider, or until a new keystore is initialised. */
    KeystoreContents contents() {
        return contents;
    }

    /** A file of settings only was loaded and is not initialised yet. */
    boolean isPending() {
        return pending != null;
    }

    ServerLink link() {
        return link;
    }

    Instant loadedAt() {
        return loadedAt;
    }

    String masterKeyId() {
        return contents == null ? null : contents.masterKeyId();
    }
}
