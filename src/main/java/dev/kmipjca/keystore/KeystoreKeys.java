package dev.kmipjca.keystore;

import dev.kmipjca.keystore.KeystoreException.Reason;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keystore key and the two keys derived from it with HKDF-SHA256: the entry key (AES-256-GCM of
 * each entry, SunJCE) and the authenticator key (HMAC-SHA256 of the protected section). {@link #zero()}
 * wipes the three arrays; the copies the JDK's {@code SecretKeySpec} makes cannot be wiped and are left
 * to the garbage collector.
 */
final class KeystoreKeys {
    private final byte[] keystoreKey;
    private final byte[] entryKey;
    private final byte[] macKey;
    private final SecretKeySpec entryKeySpec;
    private boolean zeroed;

    private KeystoreKeys(byte[] keystoreKey) {
        this.keystoreKey = keystoreKey.clone();
        this.entryKey = Hkdf.deriveSha256(new byte[0], keystoreKey, Format.ENTRY_KEY_INFO, Format.KEY_BYTES);
        this.macKey = Hkdf.deriveSha256(new byte[0], keystoreKey, Format.MAC_KEY_INFO, Format.KEY_BYTES);
        this.entryKeySpec = new SecretKeySpec(entryKey, "AES");
    }

    /** A new random keystore key. */
    static KeystoreKeys generate(SecureRandom random) {
        byte[] k = new byte[Format.KEY_BYTES];
        random.nextBytes(k);
        try {
            return new KeystoreKeys(k);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    /** Keys from an unwrapped keystore key (copied; the caller zeroes its array). */
    static KeystoreKeys of(byte[] keystoreKey) {
        if (keystoreKey.length != Format.KEY_BYTES) {
            throw new IllegalArgumentException("a keystore key is " + Format.KEY_BYTES + " bytes, not "
                    + keystoreKey.length);
        }
        return new KeystoreKeys(keystoreKey);
    }

    /** A copy of the keystore key, to be wrapped; the caller zeroes it. */
    byte[] keystoreKey() {
        check();
        return keystoreKey.clone();
    }

    /** Encrypts {@code plaintext} as entry {@code alias}. */
    SealedEntry seal(EntryKind kind, String alias, long createdMillis, byte[] plaintext, SecureRandom random) {
        check();
        byte[] nonce = new byte[Format.NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = gcm(Cipher.ENCRYPT_MODE, nonce);
            c.updateAAD(Format.ENTRY_AAD);
            c.updateAAD(SealedEntry.headerOf(kind, alias, createdMillis));
            return new SealedEntry(kind, alias, createdMillis, nonce, c.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM of SunJCE failed", e);
        }
    }

    /** Decrypts an entry; the caller zeroes the result. */
    byte[] open(SealedEntry e) throws KeystoreException {
        check();
        try {
            Cipher c = gcm(Cipher.DECRYPT_MODE, e.nonce());
            c.updateAAD(Format.ENTRY_AAD);
            c.updateAAD(e.header());
            return c.doFinal(e.ciphertext());
        } catch (AEADBadTagException x) {
            throw new KeystoreException(Reason.AUTHENTICATION_FAILED, 0, "entry '" + e.alias
                    + "' fails authentication: its contents, alias, kind or date were altered");
        } catch (GeneralSecurityException x) {
            throw new IllegalStateException("AES-GCM of SunJCE failed", x);
        }
    }

    /** An HMAC-SHA256 instance keyed with the authenticator key. */
    Mac authenticator() {
        check();
        return Hkdf.mac(macKey);
    }

    void zero() {
        zeroed = true;
        Arrays.fill(keystoreKey, (byte) 0);
        Arrays.fill(entryKey, (byte) 0);
        Arrays.fill(macKey, (byte) 0);
    }

    private Cipher gcm(int mode, byte[] nonce) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        c.init(mode, entryKeySpec, new GCMParameterSpec(Format.TAG_BYTES * 8, nonce));
        return c;
    }

    private void check() {
        if (zeroed) {
            throw new IllegalStateException("the keystore was closed and its keys wiped");
        }
    }

    @Override
    public String toString() {
        return "KeystoreKeys[" + (zeroed ? "wiped" : "held") + "]";
    }

    /**
     * Every entry of {@code entries} (sealed under these keys) sealed again under {@code to}, by alias in
     * their order; each plaintext is zeroed once resealed.
     */
    Map<String, SealedEntry> resealAll(Collection<SealedEntry> entries, KeystoreKeys to, SecureRandom random)
            throws KeystoreException {
        Map<String, SealedEntry> resealed = new LinkedHashMap<>();
        for (SealedEntry e : entries) {
            byte[] pt = open(e);
            try {
                resealed.put(e.alias, to.seal(e.kind, e.alias, e.createdMillis, pt, random));
            } finally {
                Arrays.fill(pt, (byte) 0);
            }
        }
        return resealed;
    }
}
