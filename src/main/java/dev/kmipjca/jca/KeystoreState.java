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
        rotateOnLoad(null);
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
        rotateOnLoad(file);
    }

    /**
     * {@code kmip.rotateMasterKey=true}: rotates now and turns the setting off in the file; a keystore
     * loaded from its file is written at once (then the old key is retired), one read from a stream by store.
     */
    private void rotateOnLoad(Path file) throws IOException {
        if (contents == null || !contents.setting("kmip.rotateMasterKey").map(v -> v.strip().equalsIgnoreCase("true")).orElse(false)) {
            return;
        }
        contents.setSetting("kmip.rotateMasterKey", "false");
        KeystoreRotation.rotate(link, contents, file, link.settings.retireOldMasterKey(), false,
                KeystoreRotation::retireOld);
    }

    private void set(KeystoreLoader.Loaded loaded, Path file) {
        if (contents != null) {
            contents.close();
        }
        contents = loaded == null ? null : loaded.contents();
        pending = loaded == null || loaded.contents() != null ? null : loaded;
        link = loaded == null ? null : loaded.link();
        path = file;
        loadedAt = Instant.now();
    }

    void store(OutputStream out) throws IOException {
        out.write(requireContents().serialize());
        out.flush();
    }

    void store(KeyStore.LoadStoreParameter param) throws IOException {
        Path target = param == null ? path : KeystoreIo.pathOf(param);
        if (target == null) {
            throw new IllegalArgumentException("this KMIP keystore was not loaded from a file: store it to an"
                    + " OutputStream or pass a dev.kmipjca.KmipKeyStoreParameter naming the file");
        }
        requireContents().writeAtomically(target);
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
