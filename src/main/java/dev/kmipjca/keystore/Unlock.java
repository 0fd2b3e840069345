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

    /** Unwraps the section's keystore key and checks the section's authenticator with it. */
    static KeystoreKeys open(ProtectedSection s, KeyWrapService service) throws KeystoreException {
        byte[] key;
        try {
            key = service.unwrap(s.wrappedKey, Format.WRAP_AAD);
        } catch (KeyWrapException e) {
            throw new KeystoreException(Reason.MASTER_KEY_FAILED, s.keystoreKeyLine, "the master key " + s.masterKeyId
                    + " could not unwrap the keystore key (" + Format.F_KEYSTORE_KEY + ", line " + s.keystoreKeyLine
                    + "): " + e.kind() + ": " + e.getMessage(), e);
        }
        if (key.length != Format.KEY_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw new KeystoreException(Reason.MALFORMED, s.keystoreKeyLine, Format.F_KEYSTORE_KEY + " (line "
                    + s.keystoreKeyLine + ") unwraps to " + key.length + " bytes, not a " + Format.KEY_BYTES
                    + "-byte keystore key");
        }
        KeystoreKeys keys = KeystoreKeys.of(key);
        Arrays.fill(key, (byte) 0);
        byte[] tag = verifiedTag(keys, s);
        byte[] earlier = s.verifiedTag();
        if (earlier != null && MessageDigest.isEqual(tag, earlier)) {
            return keys; // this instance, with this very key, was authenticated in full before
        }
        byte[] mac = s.authenticate(keys.authenticator());
        if (mac == null) {
            keys.zero();
            throw new KeystoreException(Reason.AUTHENTICATION_FAILED, s.macLine, "the protected section cannot be"
                    + " authenticated: its bytes end with the " + Format.F_MAC + " line (line " + s.macLine + ") and then"
                    + " the end marker line, as kmip-jca writes them, and this file's do not; restore it from a backup");
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
