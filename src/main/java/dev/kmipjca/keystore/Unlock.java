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

    /** An opened section and its keys. */
    record Opened(ProtectedSection section, KeystoreKeys keys) {
    }

    /**
     * Unwraps the file's keystore key and checks the section's authenticator with it. The unwrap needs only
     * the section's first fields, so for a file from {@link KeystoreFile#parseStarted} the rest of the
     * section is still being read (and hashed) in the background while the server answers.
     */
    static Opened open(KeystoreFile file, KeyWrapService service) throws KeystoreException {
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
            ProtectedSection s = file.section();
            if (!h.agreesWith(s)) {
                throw new KeystoreException(Reason.MALFORMED, h.beginLine(), "the protected section's first fields read"
                        + " differently in full than at first");
            }
            return new Opened(s, check(s, key));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Checks the section's authenticator with the keystore key {@code key}; the keys derived from it. */
    private static KeystoreKeys check(ProtectedSection s, byte[] key) throws KeystoreException {
        KeystoreKeys keys = KeystoreKeys.of(key);
        byte[] tag = verifiedTag(keys, s);
        byte[] earlier = s.verifiedTag();
        if (earlier != null && MessageDigest.isEqual(tag, earlier)) {
            return keys; // this instance, with this very key, was authenticated in full before
        }
        byte[] mac = s.authenticate(keys.authenticator());
        if (mac == null) {
            keys.zero();
            throw new KeystoreException(Reason.AUTHENTICATION_FAILED, s.macLine, "the protected section cannot be"
                    + " authenticated: kmip-jca writes the " + Format.F_MAC + " line (here line " + s.macLine + ") just"
                    + " before the end marker line, and this section does not end that way; restore it from a backup");
        }
        if (!MessageDigest.isEqual(mac, s.mac)) {
            keys.zero();
            throw new KeystoreException(Reason.AUTHENTICATION_FAILED, s.macLine, "the authenticator of the protected"
                    + " section (" + Format.F_MAC + ", line " + s.macLine + ") does not match its contents: a field or"
                    + " entry was altered, removed, reordered or copied in from another keystore"
                    + (s.version == Format.VERSION_1 ? "" : ", or the section's text was re-wrapped or re-escaped"
                    + " (format version " + s.version + " authenticates the section's bytes as kmip-jca wrote them)"));
        }
        s.verified(tag);
        return keys;
    }

    /**
     * What a section instance remembers of a successful check: HMAC-SHA256 under the authenticator key
     * of {@link Format#VERIFIED_LABEL} and the section's authenticator. A section's bytes never change, so
     * a later open whose keystore key yields the same tag would compute the same authenticator; any
     * other key yields another tag (HMAC is a PRF), and the section is then checked in full.
     */
    private static byte[] verifiedTag(KeystoreKeys keys, ProtectedSection s) {
        Mac m = keys.authenticator();
        m.update(Format.VERIFIED_LABEL);
        return m.doFinal(s.mac);
    }
}
