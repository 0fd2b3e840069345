package dev.kmipjca.keystore;

import dev.kmipjca.envelope.KeyWrapException;
import dev.kmipjca.envelope.KeyWrapService;
import dev.kmipjca.envelope.WrappedKey;
import dev.kmipjca.keystore.KeystoreException.Reason;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;

/**
 * The keystore's only uses of the master key, with their failures turned into {@link KeystoreException}s:
 * wrapping the keystore key, and unlocking a protected section (one unwrap, then the authenticator).
 */
final class Unlock {
    private Unlock() {
    }

    /** Wraps the keystore key of {@code keys} under {@code masterKeyId}. */
    static WrappedKey wrap(KeyWrapService service, String masterKeyId, KeystoreKeys keys) throws KeystoreException {
        byte[] k = keys.keystoreKey();
        try {
            return service.wrap(masterKeyId, k, Format.WRAP_AAD);
        } catch (KeyWrapException e) {
            throw new KeystoreException(Reason.MASTER_KEY_FAILED, 0, "the master key " + masterKeyId
                    + " could not wrap the keystore key: " + e.kind() + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    /**
     * Unwraps the file's keystore key and checks the section's authenticator with it: the keys derived from
     * it. The unwrap needs only the section's first fields; for a version 2 file from
     * {@link KeystoreFile#parseStarted} the authenticator needs only the digest of the section's bytes, which
     * is computed in the background while the server answers, and the entries are still being read when this
     * returns (they are authentic: their bytes are part of the digest).
     */
    static KeystoreKeys open(KeystoreFile file, KeyWrapService service) throws KeystoreException {
        SectionHead h = file.head();
        byte[] key;
        try {
            key = service.unwrap(h.wrappedKey(), Format.WRAP_AAD);
        } catch (KeyWrapException e) {
            throw new KeystoreException(Reason.MASTER_KEY_FAILED, h.keystoreKeyLine(), "the master key "
                    + h.masterKeyId() + " could not unwrap the keystore key (" + Format.F_KEYSTORE_KEY + ", line "
                    + h.keystoreKeyLine() + "): " + e.kind() + ": " + e.getMessage(), e);
        }
        try {
            if (key.length != Format.KEY_BYTES) {
                throw new KeystoreException(Reason.MALFORMED, h.keystoreKeyLine(), Format.F_KEYSTORE_KEY + " (line "
                        + h.keystoreKeyLine() + ") unwraps to " + key.length + " bytes, not a " + Format.KEY_BYTES
                        + "-byte keystore key");
            }
            KeystoreFile.Early early = file.early();
            if (early != null) {
                return check(file, key, early.mac(), h.version(), early);
            }
            ProtectedSection s = file.section();
            if (!h.agreesWith(s)) {
                throw new KeystoreException(Reason.MALFORMED, h.beginLine(), "the protected section's first fields read"
                        + " differently in full than at first");
            }
            return check(file, key, s.mac, s.version, null);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Checks the authenticator {@code expected} with the keystore key {@code key}: the keys derived from it.
     * A file that was authenticated before under this very key (its tag, {@link #verifiedTag}) is not
     * checked again. With {@code early}, the authenticator is computed from its digest; else from the section.
     */
    private static KeystoreKeys check(KeystoreFile file, byte[] key, byte[] expected, int version,
            KeystoreFile.Early early)
            throws KeystoreException {
        KeystoreKeys keys = KeystoreKeys.of(key);
        try {
            byte[] tag = verifiedTag(keys, expected);
            byte[] earlier = file.verifiedTag();
            if (earlier != null && MessageDigest.isEqual(tag, earlier)) {
                return keys; // this file, with this very key, was authenticated in full before
            }
            byte[] mac = early != null ? ProtectedSection.authenticateV2(keys.authenticator(), early.digest().get())
                    : file.section().authenticate(keys.authenticator());
            if (mac == null || !MessageDigest.isEqual(mac, expected)) {
                file.section(); // a section that does not read says more precisely what is wrong with it
            }
            if (mac == null) {
                int line = file.macLine();
                throw new KeystoreException(Reason.AUTHENTICATION_FAILED, line, "the protected section cannot be"
                        + " authenticated: kmip-jca writes the " + Format.F_MAC + " line (here line " + line + ") just"
                        + " before the end marker line, and this section does not end that way; restore it from a backup");
            }
            if (!MessageDigest.isEqual(mac, expected)) {
                int line = file.macLine();
                throw new KeystoreException(Reason.AUTHENTICATION_FAILED, line, "the authenticator of the protected"
                        + " section (" + Format.F_MAC + ", line " + line + ") does not match its contents: a field or"
                        + " entry was altered, removed, reordered or copied in from another keystore"
                        + (version == Format.VERSION_1 ? "" : ", or the section's text was re-wrapped or re-escaped"
                        + " (format version " + version + " authenticates the section's bytes as kmip-jca wrote them)"));
            }
            file.verified(tag);
            return keys;
        } catch (KeystoreException | RuntimeException e) {
            keys.zero();
            throw e;
        }
    }

    /**
     * What a parsed file remembers of a successful check: HMAC-SHA256 under the authenticator key
     * of {@link Format#VERIFIED_LABEL} and the section's authenticator. A parsed file's bytes never change, so
     * a later open whose keystore key yields the same tag would compute the same authenticator; any
     * other key yields another tag (HMAC is a PRF), and the section is then checked in full.
     */
    private static byte[] verifiedTag(KeystoreKeys keys, byte[] mac) {
        Mac m = keys.authenticator();
        m.update(Format.VERIFIED_LABEL);
        return m.doFinal(mac);
    }
}
