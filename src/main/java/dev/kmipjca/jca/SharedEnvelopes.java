package dev.kmipjca.jca;

import dev.kmipjca.client.KmipClient;
import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.envelope.Envelope;
import dev.kmipjca.envelope.EnvelopeBuilder;
import dev.kmipjca.envelope.KeyWrapService;
import dev.kmipjca.envelope.KmipKeyWrapService;
import dev.kmipjca.envelope.MasterKeyStates;
import dev.kmipjca.envelope.StateCheckedKeyWrapService;
import java.security.InvalidKeyException;
import java.security.Key;
import java.time.Clock;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * One shared {@link Envelope} per connection and master key, so that data keys are cached across calls
 * and ciphers: an application that encrypts through the {@code KMIP-Envelope} cipher or through
 * {@code dev.kmipjca.KmipEnvelopes} makes no KMIP round trip in steady state. The envelopes of a
 * keystore's connection take its {@code kmip.dataKey*} limits; those of a bare client the defaults.
 * An envelope that a caller closed is replaced on the next request; the envelopes of a bare client are
 * closed and forgotten when the client closes. Every envelope checks the master
 * key's State ({@link MasterKeyStates}, {@code kmip.keyStatePollingSeconds}): one that is no longer
 * Active stops encrypting; decryption is left to the server. Thread-safe.
 */
public final class SharedEnvelopes {
    /** Per connection (a ServerLink or a bare KmipClient), weakly: per master key id ("" for decrypt-only). */
    private static final Map<Object, Map<String, Envelope>> BY_CONNECTION = new WeakHashMap<>();
    /**
     * Per bare client, until it closes ({@link KmipClient#onClose}): a weak map would never let go,
     * because its values (the wrap service, the envelopes) hold the client strongly.
     */
    private static final Map<KmipClient, KeyWrapService> CLIENT_SERVICES = new IdentityHashMap<>();

    private SharedEnvelopes() {
    }

    /**
     * The shared envelope whose master key is the server key {@code handle} (from a KMIP keystore, e.g.
     * {@code getKey("kmip:master", ...)}, or the {@code KMIP-AES} key generator).
     *
     * @throws InvalidKeyException when {@code handle} is not a key handle of this provider
     */
    public static Envelope forKey(Key handle) throws InvalidKeyException {
        ServerLink link = link(handle);
        return get(link, ((KmipKey) handle).uniqueIdentifier(), () -> Envelope.builder(link.checkedWrapService)
                .settings(link.settings));
    }

    /** A shared envelope over the connection of {@code handle} that decrypts only (any master key). */
    static Envelope decryptingFor(Key handle) throws InvalidKeyException {
        ServerLink link = link(handle);
        return get(link, "", () -> Envelope.builder(link.checkedWrapService).settings(link.settings));
    }

    /**
     * The shared envelope over {@code client} whose new data keys the master key {@code masterKeyId} wraps
     * (null: decryption only). Master keys are used on the server (Encrypt and Decrypt), never fetched.
     */
    public static Envelope forClient(KmipClient client, String masterKeyId) {
        return forClient(client, masterKeyId, null);
    }

    /**
     * As {@link #forClient(KmipClient, String)}, with the {@code kmip.dataKey*} limits and {@code
     * kmip.keyStatePollingSeconds} of {@code settings} (null: the defaults). The State polling of a client
     * is fixed by the first call for it.
     */
    public static Envelope forClient(KmipClient client, String masterKeyId, KmipSettings settings) {
        Objects.requireNonNull(client, "client");
        return get(client, masterKeyId == null ? "" : masterKeyId, () -> {
            EnvelopeBuilder b = Envelope.builder(service(client, settings));
            return settings == null ? b : b.settings(settings);
        });
    }

    /** The client's wrap service: server-side Encrypt/Decrypt behind the master key State check. */
    private static synchronized KeyWrapService service(KmipClient client, KmipSettings settings) {
        int polling = settings == null ? KmipSettings.DEFAULT_KEY_STATE_POLLING_SECONDS : settings.keyStatePollingSeconds();
        KeyWrapService s = CLIENT_SERVICES.get(client);
        if (s == null) {
            s = new StateCheckedKeyWrapService(new KmipKeyWrapService(client, false),
                    new MasterKeyStates(client, polling, Clock.systemUTC()));
            CLIENT_SERVICES.put(client, s);
            client.onClose(() -> forget(client));
        }
        return s;
    }

    /** Closes (erasing their data keys) and forgets the envelopes and the wrap service of a closed client. */
    private static void forget(KmipClient client) {
        Map<String, Envelope> m;
        synchronized (SharedEnvelopes.class) {
            CLIENT_SERVICES.remove(client);
        }
        synchronized (BY_CONNECTION) {
            m = BY_CONNECTION.remove(client);
        }
        if (m != null) {
            m.values().forEach(Envelope::close);
        }
    }

    /** For tests: whether anything is kept for {@code client}. */
    static boolean keeps(KmipClient client) {
        synchronized (SharedEnvelopes.class) {
            if (CLIENT_SERVICES.containsKey(client)) {
                return true;
            }
        }
        synchronized (BY_CONNECTION) {
            return BY_CONNECTION.containsKey(client);
        }
    }

    private static ServerLink link(Key handle) throws InvalidKeyException {
        if (handle instanceof ServerKeyHandle h) {
            return h.link();
        }
        throw new InvalidKeyException("envelope encryption takes a KMIP key handle (dev.kmipjca.jca.KmipKey from a KMIP"
                + " keystore, e.g. getKey(\"kmip:master\"), or the KMIP-AES key generator), not a "
                + (handle == null ? "null key" : handle.getClass().getName()));
    }

    private interface Builder {
        EnvelopeBuilder get();
    }

    private static Envelope get(Object connection, String masterKeyId, Builder builder) {
        synchronized (BY_CONNECTION) {
            Map<String, Envelope> m = BY_CONNECTION.computeIfAbsent(connection, c -> new HashMap<>());
            Envelope e = m.get(masterKeyId);
            if (e == null || isClosed(e)) {
                e = builder.get().masterKeyId(masterKeyId.isEmpty() ? null : masterKeyId).build();
                m.put(masterKeyId, e);
            }
            return e;
        }
    }

    /** Envelope has no isClosed(); making a decryptor is the cheap check (it allocates nothing else). */
    private static boolean isClosed(Envelope e) {
        try {
            e.newDecryptor().close();
            return false;
        } catch (IllegalStateException closed) {
            return true;
        }
    }
}
