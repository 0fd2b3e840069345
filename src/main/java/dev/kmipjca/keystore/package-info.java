/**
 * The keystore file: a properties file of {@code kmip.*} settings that people edit, followed, once the
 * keystore is initialised, by a protected section that kmip-jca writes (docs/keystore.md).
 *
 * <p>Entry points: {@link dev.kmipjca.keystore.KeystoreFile} parses a file without cryptography;
 * {@link dev.kmipjca.keystore.KeystoreContents} creates or opens a keystore through a
 * {@link dev.kmipjca.envelope.KeyWrapService} (one wrap to create, one unwrap to open, whatever the
 * number of entries), holds the entries (JCA {@code KeyStore.Entry} objects and
 * {@link dev.kmipjca.keystore.ServerKeyEntry} references), writes the file atomically and rotates.
 * Failures are {@link dev.kmipjca.keystore.KeystoreException}s with a
 * {@link dev.kmipjca.keystore.KeystoreException.Reason}.
 *
 * <p>Cryptography is local and uses SunJCE explicitly (AES-256-GCM, HMAC-SHA256, HKDF built on it), so
 * that the KMIP provider, even when first in the provider list, is never asked to protect its own
 * keystore.
 */
package dev.kmipjca.keystore;
