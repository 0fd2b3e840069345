package dev.kmipjca.jca;

import dev.kmipjca.keystore.EntryKind;
import dev.kmipjca.keystore.KeystoreContents;
import dev.kmipjca.keystore.KeystoreException;
import dev.kmipjca.keystore.KeystoreFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;

/** Reading keystore files and load/store parameters, with failures as {@code IOException}s that name the cause. */
final class KeystoreIo {
    static final String NO_SETTINGS = "this KMIP keystore has no settings: it was loaded with KeyStore.load(null, ...)"
            + " from a provider that is not configured. Load a keystore file of kmip.* settings instead, or configure"
            + " the provider with a settings file (security.provider.N=dev.kmipjca.KmipProvider FILE, keytool"
            + " -providerarg FILE)";
    private static final List<String> PATH_SETTINGS = List.of("kmip.serverCAFile", "kmip.clientCertificateFile");

    private KeystoreIo() {
    }

    /** The KeyStore.Entry class that an entry of this kind is returned as. */
    static Class<? extends KeyStore.Entry> entryClass(EntryKind kind) {
        return switch (kind) {
            case SECRET_KEY, SERVER_KEY -> KeyStore.SecretKeyEntry.class;
            case PRIVATE_KEY -> KeyStore.PrivateKeyEntry.class;
            case TRUSTED_CERTIFICATE -> KeyStore.TrustedCertificateEntry.class;
        };
    }

    static KeystoreFile parse(InputStream in, ParsedFileCache cache) throws IOException {
        try {
            return cache.parse(KeystoreFile.bytesOf(in));
        } catch (KeystoreException e) {
            throw new IOException("not a usable KMIP keystore: " + e.reason() + ": " + e.getMessage(), e);
        }
    }

    static KeystoreFile read(Path file) throws IOException {
        return read(file, null);
    }

    /** @param cache the provider's last parse, reused when the bytes are the same; null: parse them */
    static KeystoreFile read(Path file, ParsedFileCache cache) throws IOException {
        try {
            byte[] bytes = KeystoreFile.bytesOf(file);
            return cache == null ? KeystoreFile.parse(bytes) : cache.parse(bytes);
        } catch (NoSuchFileException e) {
            throw new IOException("the KMIP keystore file " + file + " does not exist", e);
        } catch (KeystoreException e) {
            throw new IOException(file + " is not a usable KMIP keystore: " + e.reason() + ": " + e.getMessage(), e);
        }
    }

    static boolean probe(InputStream in) {
        try {
            KeystoreFile.parse(in);
            return true;
        } catch (KeystoreException | IOException | RuntimeException e) {
            return false;
        }
    }

    static Path pathOf(KeyStore.LoadStoreParameter param) {
        if (param instanceof KeystorePathParameter p) {
            return p.path();
        }
        throw new IllegalArgumentException("a KMIP keystore takes a dev.kmipjca.KmipKeyStoreParameter, not a "
                + param.getClass().getName());
    }

    static char[] password(KeyStore.ProtectionParameter protection) {
        if (protection == null) {
            return null;
        }
        if (protection instanceof KeyStore.PasswordProtection p) {
            return p.getPassword();
        }
        throw new IllegalArgumentException("a KMIP keystore takes a PasswordProtection (the password of an encrypted"
                + " client key) or none, not a " + protection.getClass().getName());
    }

    /** Makes relative file settings absolute, so a keystore created from the provider's file can be stored anywhere. */
    static void absolutePaths(KeystoreContents contents, Path dir) {
        for (String key : PATH_SETTINGS) {
            contents.setting(key).map(String::strip).filter(v -> !v.isEmpty() && !Path.of(v).isAbsolute())
                    .ifPresent(v -> contents.setSetting(key, dir.resolve(v).normalize().toString()));
        }
    }
}
