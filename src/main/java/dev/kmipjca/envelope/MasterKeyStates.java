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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The State of master keys on the KMIP server (Get Attributes), cached per key and read again once it
 * is older than {@code kmip.keyStatePollingSeconds} (-1: never read, nothing refused here). Active keys
 * wrap and unwrap; Pre-Active, Deactivated and Compromised keys do not wrap (new data would be
 * protected by a key that is being retired) but unwrap where the server allows it; Destroyed keys and
 * keys the server does not know are an error both ways. A State read elsewhere in a batch (the keystore
 * load, a batched wrap) is handed in with {@link #observed}, so that it costs no round trip of its own.
 * Each change of a key's State is logged once at WARNING and recorded as a JFR event
 * ({@link MasterKeyStateEvent}). Thread-safe; a cached check is a map look-up and a clock read.
 */
public final class MasterKeyStates {
    private static final System.Logger LOG = System.getLogger("dev.kmipjca.envelope");
    /** A key the server does not know (Item Not Found). */
    static final String NOT_FOUND = "Not Found";
    private static final String ACTIVE = State.ACTIVE.toString();

    private record Seen(String state, long expiresMillis) {}

    private final KmipClient client;
    private final long pollingMillis;
    private final Clock clock;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    /** @param pollingSeconds -1 (off) or at least 1 */
    public MasterKeyStates(KmipClient client, int pollingSeconds, Clock clock) {
        if (pollingSeconds != -1 && pollingSeconds < 1) {
            throw new IllegalArgumentException("pollingSeconds must be -1 (off) or at least 1: " + pollingSeconds);
        }
        this.client = client;
        this.pollingMillis = pollingSeconds == -1 ? -1 : pollingSeconds * 1000L;
        this.clock = clock;
    }

    /** False when polling is off ({@code kmip.keyStatePollingSeconds=-1}). */
    public boolean enabled() {
        return pollingMillis > 0;
    }

    /** True when {@link #state} would read the key's State from the server (polling on, nothing fresh cached). */
    public boolean due(String keyId) {
        if (pollingMillis < 0) {
            return false;
        }
        Seen s = seen.get(keyId);
        return s == null || clock.millis() >= s.expiresMillis();
    }

    /** The key's State as last read (reading it when the cached one is too old); null when polling is off. */
    public String state(String keyId) throws KeyWrapException {
        if (pollingMillis < 0) {
            return null;
        }
        Seen s = seen.get(keyId);
        if (s != null && clock.millis() < s.expiresMillis()) {
            return s.state();
        }
        String fresh = read(keyId);
        observed(keyId, fresh);
        return fresh;
    }

    /**
     * Records a State read by another request (e.g. in the same batch as a Decrypt or Encrypt): cached
     * for the polling period, logged and recorded as an event when it changed. Nothing when polling is off.
     */
    public void observed(String keyId, String state) {
        if (pollingMillis < 0) {
            return;
        }
        Seen previous = seen.put(keyId, new Seen(state, clock.millis() + pollingMillis));
        String old = previous == null ? null : previous.state();
        if (!state.equals(old) && (old != null || !state.equals(ACTIVE))) {
            LOG.log(System.Logger.Level.WARNING, "master key " + keyId + " is now " + state + " on " + client.servers()
                    + (old == null ? "" : " (was " + old + ")"));
            if (jdk.jfr.FlightRecorder.isInitialized()) { // else loading the event class would start JFR (300-500 ms)
                MasterKeyStateEvent e = new MasterKeyStateEvent();
                e.keyId = keyId;
                e.oldState = old == null ? "unknown" : old;
                e.newState = state;
                e.commit();
            }
        }
    }

    /** Refuses to wrap (encrypt new data) under a key that is not Active. */
    public void checkWrap(String keyId) throws KeyWrapException {
        String s = state(keyId);
        if (s == null || s.equals(ACTIVE)) {
            return;
        }
        throw refusal(keyId, s);
    }

    /** The error for encrypting under a key in State {@code s} (not Active). */
    KeyWrapException refusal(String keyId, String s) {
        if (isGone(s)) {
            boolean unknown = s.equals(NOT_FOUND);
            return new KeyWrapException(Kind.KEY_NOT_FOUND, keyId, "master key " + keyId + " is "
                    + (unknown ? "not known to " : s + " on ") + client.servers() + ": encryption under it is refused"
                    + " (no new data or data keys can be protected under it), because "
                    + (unknown ? "the server has no key with that identifier. Check kmip.keyIdentifier, or rotate"
                            : "its key material is gone from the server. Rotate")
                    + " to a new master key (docs/rotation.md)", null);
        }
        return new KeyWrapException(Kind.KEY_NOT_USABLE, keyId, "master key " + keyId + " is " + s + " on "
                + client.servers() + ": it no longer encrypts (no new data or data keys can be protected under it);"
                + " data already encrypted under it still decrypts where the server allows. Rotate to a new master"
                + " key (docs/rotation.md)", null);
    }

    /** Refuses to unwrap under a key that is Destroyed or unknown to the server (reading its State when due). */
    public void checkUnwrap(String keyId) throws KeyWrapException {
        String s = state(keyId);
        if (s != null) {
            KeyWrapException gone = goneOrNull(keyId, s, null);
            if (gone != null) {
                throw gone;
            }
        }
    }

    /** Like {@link #checkUnwrap} but only from the cache: never a round trip (the server decides the rest). */
    void checkUnwrapCached(String keyId) throws KeyWrapException {
        Seen s = pollingMillis < 0 ? null : seen.get(keyId);
        if (s != null && clock.millis() < s.expiresMillis()) {
            KeyWrapException gone = goneOrNull(keyId, s.state(), null);
            if (gone != null) {
                throw gone;
            }
        }
    }

    /** The clear error for a key that is gone, after the server said so on an unwrap (recorded as its State). */
    KeyWrapException gone(String keyId, KeyWrapException fromServer) {
        String s = fromServer.getCause() instanceof KmipResultException.ItemNotFound ? NOT_FOUND : "Destroyed";
        observed(keyId, s);
        return goneOrNull(keyId, s, fromServer);
    }

    private static boolean isGone(String s) {
        return s.equals(NOT_FOUND) || s.startsWith("Destroyed");
    }

    /** The error for unwrapping under a key that is gone; null for any other State. */
    private KeyWrapException goneOrNull(String keyId, String s, Throwable cause) {
        if (isGone(s)) {
            return new KeyWrapException(Kind.KEY_NOT_FOUND, keyId, "master key " + keyId + " is "
                    + (s.equals(NOT_FOUND) ? "not known to " : s + " on ") + client.servers()
                    + ": nothing wrapped under it can be unwrapped", cause);
        }
        return null;
    }

    /** The State text of a Get Attributes answer: its State, or the failure that means the key is gone. */
    static String stateOf(State s) {
        return s == null ? "Unknown" : s.toString();
    }

    /** Not Found / Destroyed for the failures that mean the key is gone; null for any other failure. */
    static String stateOf(KmipResultException e) {
        if (e instanceof KmipResultException.ItemNotFound) {
            return NOT_FOUND;
        }
        return e.reasonValue() == ResultReason.OBJECT_DESTROYED.value() ? "Destroyed" : null;
    }

    private String read(String keyId) throws KeyWrapException {
        try {
            return stateOf(client.getAttributes(keyId, "State").get(AttributeKey.STATE));
        } catch (KmipResultException e) {
            String s = stateOf(e);
            if (s != null) {
                return s;
            }
            throw Failures.map(e, keyId, dev.kmipjca.protocol.Operation.GET_ATTRIBUTES);
        } catch (IOException | BadResponseException e) {
            throw Failures.unavailable(keyId, "check the state of", e);
        }
    }
}
