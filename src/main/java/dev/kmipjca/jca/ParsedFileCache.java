package dev.kmipjca.jca;

import dev.kmipjca.keystore.KeystoreException;
import dev.kmipjca.keystore.KeystoreFile;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;

/**
 * The initialised keystore files that a provider parsed last, with their bytes. Loading the same bytes
 * again (keytool loads a keystore twice per command; a server reloads its keystore for each new
 * {@code SSLContext}; an application alternates between a key store and a trust store) reuses that
 * parse, and with it the parse's record that its authenticator was checked under a given keystore key,
 * so a 10,000-entry section is neither decoded nor authenticated again. The load still makes its round
 * trip (the master key's State and the unwrap), and a different key is checked in full. Other bytes
 * are parsed afresh and kept, the least recently used file making room.
 *
 * <p>At most {@link #MAX_FILES} files and {@link #MAX_BYTES} bytes of them are kept (their parses take
 * about as much again); a larger file is not kept. The files hold no key material (entries are
 * encrypted). The settings part of bytes that are dropped (a copy equal to a kept file, a file that
 * leaves) is wiped, as it may carry {@code kmip.clientCertificatePassword}; the protected section is
 * ciphertext. Thread-safe; a parse runs outside the lock.
 */
final class ParsedFileCache {
    static final int MAX_FILES = 4;
    static final int MAX_BYTES = 32 << 20;

    private record Kept(byte[] bytes, KeystoreFile file) {
    }

    /** Most recently used first. */
    private final Deque<Kept> kept = new ArrayDeque<>();
    private long keptBytes;

    /** The file of {@code b}: the kept parse when the bytes are equal, else a new one; this takes ownership of {@code b}. */
    KeystoreFile parse(byte[] b) throws KeystoreException {
        synchronized (this) {
            for (Iterator<Kept> it = kept.iterator(); it.hasNext(); ) {
                Kept k = it.next();
                if (Arrays.equals(b, k.bytes)) {
                    it.remove();
                    kept.addFirst(k);
                    Arrays.fill(b, 0, KeystoreFile.settingsPartLength(b), (byte) 0);
                    return k.file;
                }
            }
        }
        // the entries of a large file are read in the background while the keystore key is unwrapped
        KeystoreFile parsed = KeystoreFile.parseStarted(b);
        if (!parsed.isInitialised() || b.length > MAX_BYTES) {
            return parsed; // a file of settings only parses in microseconds
        }
        synchronized (this) {
            kept.addFirst(new Kept(b, parsed));
            keptBytes += b.length;
            while (kept.size() > MAX_FILES || keptBytes > MAX_BYTES) {
                Kept old = kept.removeLast();
                keptBytes -= old.bytes.length;
                settled(old.file); // a section still being read may need the settings part to explain a problem
                Arrays.fill(old.bytes, 0, KeystoreFile.settingsPartLength(old.bytes), (byte) 0);
            }
        }
        return parsed;
    }

    /** Waits until the file's section has been read (or found unreadable). */
    private static void settled(KeystoreFile f) {
        try {
            f.entryCount();
        } catch (KeystoreException e) {
            // reported to whoever loads it
        }
    }

    /** Forgets every file, wiping the bytes. */
    synchronized void clear() {
        kept.forEach(k -> {
            settled(k.file);
            Arrays.fill(k.bytes, 0, KeystoreFile.settingsPartLength(k.bytes), (byte) 0);
        });
        kept.clear();
        keptBytes = 0;
    }

    @Override
    public synchronized String toString() {
        return "ParsedFileCache[" + kept.size() + " files, " + keptBytes + " bytes]";
    }
}
