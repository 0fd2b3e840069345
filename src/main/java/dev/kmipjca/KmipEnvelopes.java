package dev.kmipjca;

import dev.kmipjca.client.KmipClient;
import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.envelope.Envelope;
import dev.kmipjca.jca.SharedEnvelopes;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Objects;

/**
 * Envelope encryption without the JCA ceremony: the shared {@link Envelope} of a master key, whose
 * {@code encrypt}/{@code decrypt} (byte arrays, single-shot form) and {@code encryptingStream}/
 * {@code decryptingStream} (segmented form, any size, constant memory) take associated data.
 *
 * <pre>{@code
 * KeyStore ks = KeyStore.getInstance("KMIP", new KmipProvider());
 * ks.load(new KmipKeyStoreParameter(Path.of("client.kmip"), password));
 * Envelope envelope = KmipEnvelopes.of(ks);
 * byte[] sealed = envelope.encrypt(plaintext, aad);
 * byte[] opened = envelope.decrypt(sealed, aad);
 * }</pre>
 *
 * <p>There is one envelope per connection and master key, shared by every caller (and by the
 * {@code KMIP-Envelope} cipher), so unwrapped data keys are cached across calls: in steady state no
 * call makes a KMIP round trip. Every shared envelope checks its master key's State, cached for
 * {@code kmip.keyStatePollingSeconds} (docs/rotation.md): once the key is Deactivated, Compromised or
 * Destroyed, encryption fails with a {@code KeyWrapException} naming the key and its State, while
 * envelopes made earlier still decrypt where the server allows. Do not close it in a try-with-resources; if it is closed anyway, the
 * next call here makes a new one (with an empty cache).
 */
public final class KmipEnvelopes {
    /** The alias of a KMIP keystore's master key. */
    public static final String MASTER_ALIAS = "kmip:master";

    private KmipEnvelopes() {
    }

    /**
     * The shared envelope of a loaded KMIP keystore's master key (creating and activating the master key
     * if the keystore has none yet, as {@code getKey("kmip:master")} does; {@code store} the keystore
     * afterwards to record it). Data-key limits are the keystore's {@code kmip.dataKey*} settings.
     *
     * @throws GeneralSecurityException when {@code keyStore} is not a loaded KMIP keystore, or its master
     *     key cannot be obtained (the cause says why)
     */
    public static Envelope of(KeyStore keyStore) throws GeneralSecurityException {
        Objects.requireNonNull(keyStore, "keyStore");
        if (!KmipProvider.KEYSTORE_TYPE.equals(keyStore.getType())) {
            throw new InvalidKeyException("envelope encryption needs a KMIP keystore, not a " + keyStore.getType() + " one");
        }
        Key master = keyStore.getKey(MASTER_ALIAS, new char[0]);
        if (master == null) {
            throw new InvalidKeyException("the KMIP keystore has no master key (" + MASTER_ALIAS + ")");
        }
        return forMasterKey(master);
    }

    /**
     * The shared envelope of a master key handle ({@code dev.kmipjca.jca.KmipKey}, from a KMIP keystore or
     * the {@code KMIP-AES} key generator).
     *
     * @throws InvalidKeyException when {@code masterKey} is not a key handle of this provider
     */
    public static Envelope forMasterKey(Key masterKey) throws InvalidKeyException {
        return SharedEnvelopes.forKey(masterKey);
    }

    /**
     * The shared envelope over {@code client} whose data keys the server key {@code masterKeyId} wraps (an
     * Active AES-256 key), with the default data-key limits. {@code masterKeyId} null gives an envelope that
     * only decrypts (envelopes name their master keys). Master keys are used on the server, never fetched.
     * The caller keeps ownership of {@code client}; closing it closes the envelope (its data keys are erased)
     * and forgets it.
     */
    public static Envelope of(KmipClient client, String masterKeyId) {
        return SharedEnvelopes.forClient(client, masterKeyId);
    }

    /**
     * As {@link #of(KmipClient, String)}, with the {@code kmip.dataKey*} limits and {@code
     * kmip.keyStatePollingSeconds} of {@code settings} (those the client was opened with).
     */
    public static Envelope of(KmipClient client, String masterKeyId, KmipSettings settings) {
        return SharedEnvelopes.forClient(client, masterKeyId, Objects.requireNonNull(settings, "settings"));
    }
}
