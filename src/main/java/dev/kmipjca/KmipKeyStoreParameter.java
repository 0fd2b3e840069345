package dev.kmipjca;

import dev.kmipjca.jca.KeystorePathParameter;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Objects;

/**
 * Names a KMIP keystore file for {@code KeyStore.load(param)} and {@code KeyStore.store(param)}:
 * loading reads it (relative paths inside resolve against the file's directory), storing writes it
 * atomically (temporary file, flush, rename). The password opens an encrypted client key when
 * {@code kmip.clientCertificatePassword} is not set; it may be null.
 *
 * <pre>{@code
 * KeyStore ks = KeyStore.getInstance("KMIP");
 * ks.load(new KmipKeyStoreParameter(Path.of("app.kmip"), password));
 * ks.setKeyEntry("data-key", key, null, null);
 * ks.store(new KmipKeyStoreParameter(Path.of("app.kmip"), password));   // or ks.store(null): the same file
 * }</pre>
 */
public final class KmipKeyStoreParameter implements KeystorePathParameter {
    private final Path path;
    private final KeyStore.PasswordProtection protection;

    /** @param password copied; may be null */
    public KmipKeyStoreParameter(Path path, char[] password) {
        this.path = Objects.requireNonNull(path, "path");
        this.protection = password == null ? null : new KeyStore.PasswordProtection(Arrays.copyOf(password, password.length));
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public KeyStore.ProtectionParameter getProtectionParameter() {
        return protection;
    }

    @Override
    public String toString() {
        return "KmipKeyStoreParameter[" + path + (protection == null ? "" : ", password set") + "]";
    }
}
