package dev.kmipjca.jca;

import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.config.KmipSettingsException;
import dev.kmipjca.envelope.KmipKeyWrapService;
import dev.kmipjca.keystore.KeystoreContents;
import dev.kmipjca.keystore.KeystoreException;
import dev.kmipjca.keystore.KeystoreFile;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.transport.BadResponseException;
import dev.kmipjca.transport.CredentialsException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.UnrecoverableKeyException;

/**
 * Loading a keystore file: its settings, the shared link to its servers, then either opening the
 * protected section (one round trip: the master key's State and the unwrap in one batch) or, for a
 * file of settings only, checking the server (Get Attributes of {@code kmip.keyIdentifier}, or Query
 * when it is empty). A new keystore's master key is created, and the keystore initialised, only when
 * it is first changed, stored, or its master key asked for ({@link #initialise}): keytool loads a
 * keystore twice per command, and a {@code -list} must not leave master keys behind. Every failure is
 * an {@code IOException} whose message names the cause; nothing is written.
 */
final class KeystoreLoader {
    private static final System.Logger LOG = System.getLogger("dev.kmipjca.jca");
    private static final String STREAM_HINT = " (the keystore was read from a stream, so relative paths in it resolve"
            + " against the current directory; use absolute paths, run from the keystore's directory, or load it with"
            + " dev.kmipjca.KmipKeyStoreParameter; current directory: ";

    /**
     * What a load produced: the open contents, or (for a file of settings only) the file and settings
     * from which {@link #initialise} makes them.
     */
    record Loaded(KeystoreContents contents, ServerLink link, KeystoreFile newFile, KmipSettings settings,
                  Path absolutePathsAgainst) {}

    private KeystoreLoader() {
    }

    /**
     * @param baseDir    the directory relative paths resolve against
     * @param fromStream the file came from a stream (relative paths then resolve against the current directory)
     */
    static Loaded load(Engines engines, KeystoreFile file, Path baseDir, char[] password, boolean fromStream)
            throws IOException {
        KmipSettings settings;
        try {
            settings = file.settings(baseDir);
            settings.requireConnectable();
        } catch (KmipSettingsException e) {
            throw new IOException("the KMIP keystore's settings are not usable: " + e.getMessage()
                    + (fromStream && e.getMessage().contains("does not exist") ? STREAM_HINT + baseDir + ")" : ""), e);
        }
        ServerLink link = link(engines, settings, password, baseDir, fromStream);
        engines.keystoreLoaded(link);
        if (file.isInitialised()) {
            return new Loaded(open(file, link), link, null, settings, null);
        }
        check(settings, link);
        return new Loaded(null, link, file, settings, null);
    }

    /**
     * {@code load(null, password)}: the provider's configuration file, or null when the provider is not
     * configured. A new keystore made from it gets absolute paths, so that it can be stored anywhere.
     */
    static Loaded fromProvider(Engines engines, char[] password) throws IOException {
        if (engines.configFile().isEmpty()) {
            return null;
        }
        Path config = engines.configFile().get();
        KeystoreFile file = KeystoreIo.read(config, engines.parsedFiles());
        refuseRotation(file, config);
        Loaded l = load(engines, file, config.getParent(), password, false);
        return file.isInitialised() ? l : new Loaded(null, l.link(), file, l.settings(), config.getParent());
    }

    /** Where a provider configuration file's setting was found, for {@link KmipSettings#refuseRotateMasterKey}. */
    static String inProviderConfiguration(Path config) {
        return "in the KMIP provider's configuration file " + config;
    }

    /** {@code kmip.rotateMasterKey=true} cannot take effect in the provider's configuration: refused before any I/O. */
    private static void refuseRotation(KeystoreFile file, Path config) throws IOException {
        KmipSettings s;
        try {
            s = file.settings(config.getParent());
        } catch (KmipSettingsException e) {
            return; // the load reports it, with its context
        }
        try {
            s.refuseRotateMasterKey(inProviderConfiguration(config));
        } catch (KmipSettingsException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    static ServerLink link(Engines engines, KmipSettings settings, char[] password, Path baseDir, boolean fromStream)
            throws IOException {
        try {
            return engines.link(settings, password);
        } catch (KmipSettingsException e) {
            throw new IOException("the KMIP keystore's settings are not usable: " + e.getMessage(), e);
        } catch (CredentialsException e) {
            String msg = "cannot use the client certificate " + e.file() + ": " + e.getMessage();
            if (e.reason() == CredentialsException.Reason.WRONG_PASSWORD
                    || e.reason() == CredentialsException.Reason.PASSWORD_REQUIRED) {
                UnrecoverableKeyException wrong = new UnrecoverableKeyException(msg + " (the keystore password, or"
                        + " kmip.clientCertificatePassword when set, decrypts the client key)");
                wrong.initCause(e);
                throw new IOException(wrong.getMessage(), wrong);
            }
            if (fromStream && e.reason() == CredentialsException.Reason.UNREADABLE) {
                msg += STREAM_HINT + baseDir + ")";
            }
            throw new IOException(msg, e);
        }
    }

    /** An initialised keystore: one round trip (State + Decrypt); a non-Active master key is refused. */
    static KeystoreContents open(KeystoreFile file, ServerLink link) throws IOException {
        try (KmipKeyWrapService checking = link.checkingWrapService()) {
            return KeystoreContents.open(file, checking);
        } catch (KeystoreException e) {
            throw failure(e, link);
        }
    }

    /** A new keystore's server: the configured master key must be an Active AES key; else the server must answer. */
    private static void check(KmipSettings settings, ServerLink link) throws IOException {
        String id = settings.keyIdentifier();
        if (id != null && !id.isBlank()) {
            MasterKeys.requireActiveAes(link, id.strip());
            return;
        }
        try {
            link.client.capabilities();
        } catch (KmipResultException | BadResponseException e) {
            throw new IOException("the KMIP server " + link.serversText() + " does not answer Query: " + e.getMessage(), e);
        }
    }

    /**
     * Initialises a keystore loaded from a file of settings only: creates the master key when
     * {@code kmip.keyIdentifier} is empty (AES-256, activated unless {@code kmip.activateKeys=false}),
     * then a new, empty keystore wrapped under it (one Encrypt).
     */
    static KeystoreContents initialise(Loaded pending) throws IOException {
        KeystoreContents c = initialise(pending.newFile(), pending.settings(), pending.link());
        if (pending.absolutePathsAgainst() != null) {
            KeystoreIo.absolutePaths(c, pending.absolutePathsAgainst());
        }
        return c;
    }

    private static KeystoreContents initialise(KeystoreFile file, KmipSettings settings, ServerLink link) throws IOException {
        String masterKeyId = settings.keyIdentifier();
        if (masterKeyId == null || masterKeyId.isBlank()) {
            String name = MasterKeys.newName("master");
            masterKeyId = MasterKeys.create(link, name, 256, settings.activateKeys());
            if (!settings.activateKeys()) {
                throw new IOException("created master key " + masterKeyId + " (Name \"" + name + "\") on "
                        + link.serversText() + " without activating it (kmip.activateKeys=false): it cannot encrypt,"
                        + " so the keystore cannot be initialised until it is Active. Activate it on the server, then"
                        + " set kmip.keyIdentifier=" + masterKeyId + " in the keystore file and load it again");
            }
        } else {
            masterKeyId = masterKeyId.strip();
        }
        try {
            KeystoreContents c = KeystoreContents.create(file, masterKeyId, link.checkedWrapService);
            LOG.log(System.Logger.Level.DEBUG, "initialised a KMIP keystore under master key " + masterKeyId + " on "
                    + link.serversText() + "; store() records it in the file");
            return c;
        } catch (KeystoreException e) {
            throw failure(e, link);
        }
    }

    static IOException failure(KeystoreException e, ServerLink link) {
        String where = link == null ? "" : " (KMIP server " + link.serversText() + ")";
        return new IOException("cannot load the KMIP keystore: " + e.reason() + ": " + e.getMessage() + where, e);
    }
}
