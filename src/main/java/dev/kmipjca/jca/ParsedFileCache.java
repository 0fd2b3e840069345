package dev.kmipjca.jca;

import dev.kmipjca.keystore.KeystoreException;
import dev.kmipjca.keystore.KeystoreFile;
import java.util.Arrays;

/**
 * The initialised keystore file that a provider parsed last, with its bytes. Loading the same bytes
 * again (keytool loads a keystore twice per command; a server reloads its keystore for each new
 * {@code SSLContext}) reuses that parse, and with it the parse's record that its authenticator was
 * checked under a given keystore key, so the 10,000-entry section is neither decoded nor
 * authenticated again. The load still makes its round trip (the master key's State and the unwrap),
 * and a different key is checked in full. Any other bytes are parsed afresh and take the slot.
 *
 * <p>One slot: memory is bounded by one file and its parse. The file holds no key material (its
 * entries are encrypted); the cached bytes are wiped when they leave the slot, as the settings part
 * may carry {@code kmip.clientCertificatePassword}. Thread-safe; a parse runs outside the lock.
 */
final class ParsedFileCache {
    private byte[] bytes;
    private KeystoreFile file;

    /** The file of {@code b}: the cached parse when the bytes are equal, else a new one; this takes ownership of {@code b}. */
    KeystoreFile parse(byte[] b) throws KeystoreException {
        synchronized (this) {
            if (file != null && Arrays.equals(b, bytes)) {
                Arrays.fill(b, (byte) 0);
                return file;
            }
        }
        KeystoreFile parsed = KeystoreFile.parse(b);
        if (!parsed.isInitialised()) {
            return parsed; // a file of settings only parses in microseconds
        }
        synchronized (this) {
            clear();
            bytes = b;
            file = parsed;
        }
        return parsed;
    }

    /** Empties the slot, wiping the bytes. */
    synchronized void clear() {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
        bytes = null;
        file = null;
    }

    @Override
    public synchronized String toString() {
        return "ParsedFileCache[" + (file == null ? "empty" : file + ", " + bytes.length + " bytes") + "]";
    }
}
