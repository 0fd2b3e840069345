package dev.kmipjca.envelope;

import dev.kmipjca.client.KmipClient;
import dev.kmipjca.envelope.KeyWrapException.Kind;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.State;
import dev.kmipjca.transport.BadResponseException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The State of master keys on the KMIP server (Get Attributes), cached per key and read again once it
 * is older than {@code kmip.keyStatePollingSeconds} (-1: never read, nothing refused here). Active keys
 * wrap and unwrap; Pre-Active, Deactivated and Compromised keys do not wrap (new data would be
 * protected by a key that is being retired) but unwrap where the server allows it; Destroyed keys and
 * keys the server does not know are an error both ways. Each change of a key's State is logged once at
 * WARNING and recorded as a JFR event ({@link MasterKeyStateEvent}). Thread-safe.
 */
public final class MasterKeyStates {
    private static final System.Logger LOG = System.getLogger("dev.kmipjca.envelope");
    /** A key the server does not know (Item Not Found). */
    private static final String NOT_FOUND = "Not Found";

    private record Seen(String state, Instant at) {}

    private final KmipClient client;
    private final Duration polling;
    private final Clock clock;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    /** @param pollingSeconds -1 (off) or at least 1 */
    public MasterKeyStates(KmipClient client, int pollingSeconds, Clock clock) {
        if (pollingSeconds != -1 && pollingSeconds < 1) {
            throw new IllegalArgumentException("pollingSeconds must be -1 (off) or at least 1: " + pollingSeconds);
        }
        this.client = client;
        this.polling = pollingSeconds == -1 ? null : Duration.ofSeconds(pollingSeconds);
        this.clock = clock;
    }

    /** The key's State as last read (reading it when the cached one is too old); null when polling is off. */
    public String state(String keyId) throws KeyWrapException {
        if (polling == null) {
            return null;
        }
        Instant now = clock.instant();
        Seen s = seen.get(keyId);
        if (s != null && now.isBefore(s.at().plus(polling))) {
            return s.state();
        }
        String fresh = read(keyId);
        Seen previous = seen.put(keyId, new Seen(fresh, now));
        String old = previous == null ? null : previous.state();
        if (!fresh.equals(old) && (old != null || !fresh.equals(State.ACTIVE.toString()))) {
            LOG.log(System.Logger.Level.WARNING, "master key " + keyId + " is now " + fresh + " on " + client.servers()
                    + (old == null ? "" : " (was " + old + ")"));
            MasterKeyStateEvent e = new MasterKeyStateEvent();
            e.keyId = keyId;
            e.oldState = old == null ? "unknown" : old;
            e.newState = fresh;
            e.commit();
        }
        return fresh;
    }

    /** Refuses to wrap under a key that is not Active. */
    public void checkWrap(String keyId) throws KeyWrapException {
        String s = state(keyId);
        if (s == null || s.equals(State.ACTIVE.toString())) {
            return;
        }
        gone(keyId, s);
        throw new KeyWrapException(Kind.KEY_NOT_USABLE, keyId, "master key " + keyId + " is " + s + " on "
                + client.servers() + ": it no longer encrypts (new data keys cannot be wrapped under it); data"
                + " already encrypted under it still decrypts where the server allows. Rotate to a new master key"
                + " (docs/rotation.md)", null);
    }

    /** Refuses to unwrap under a key that is Destroyed or unknown to the server. */
    public void checkUnwrap(String keyId) throws KeyWrapException {
        String s = state(keyId);
        if (s != null) {
            gone(keyId, s);
        }
    }

    private void gone(String keyId, String s) throws KeyWrapException {
        if (s.equals(NOT_FOUND) || s.startsWith("Destroyed")) {
            throw new KeyWrapException(Kind.KEY_NOT_FOUND, keyId, "master key " + keyId + " is "
                    + (s.equals(NOT_FOUND) ? "not known to " : s + " on ") + client.servers()
                    + ": nothing wrapped under it can be unwrapped", null);
        }
    }

    private String read(String keyId) throws KeyWrapException {
        try {
            State s = client.getAttributes(keyId, "State").get(AttributeKey.STATE);
            return s == null ? "Unknown" : s.toString();
        } catch (KmipResultException.ItemNotFound e) {
            return NOT_FOUND;
        } catch (KmipResultException e) {
            if (e.reasonValue() == ResultReason.OBJECT_DESTROYED.value()) {
                return "Destroyed";
            }
            throw KmipKeyWrapService.Failures.map(e, keyId, dev.kmipjca.protocol.Operation.GET_ATTRIBUTES);
        } catch (IOException | BadResponseException e) {
            throw KmipKeyWrapService.Failures.unavailable(keyId, "check the state of", e);
        }
    }
}
