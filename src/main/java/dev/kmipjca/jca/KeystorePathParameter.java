package dev.kmipjca.jca;

import java.nio.file.Path;
import java.security.KeyStore;

/**
 * A {@code KeyStore.LoadStoreParameter} that names the keystore file: {@code KeyStore.load(param)}
 * reads it (relative paths inside it resolve against its directory) and {@code KeyStore.store(param)}
 * writes it atomically. Applications use {@code dev.kmipjca.KmipKeyStoreParameter}, which implements it.
 */
public interface KeystorePathParameter extends KeyStore.LoadStoreParameter {
    /** The keystore file. */
    Path path();
}
