package dev.kmipjca.envelope;

import java.util.Objects;

/**
 * A {@link KeyWrapService} that consults {@link MasterKeyStates} first: wrapping, and each message
 * encrypted under a cached data key ({@link #checkWrap}), needs an Active master key; unwrapping is
 * refused only for a key known to be Destroyed or unknown (the server decides the rest). Over a
 * {@link KmipKeyWrapService}, a wrap whose State is due reads it in the same batch as the Encrypt, so
 * the check costs no round trip of its own; otherwise checks come from the cache.
 */
public final class StateCheckedKeyWrapService implements KeyWrapService {
    private final KeyWrapService delegate;
    private final MasterKeyStates states;

    public StateCheckedKeyWrapService(KeyWrapService delegate, MasterKeyStates states) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.states = Objects.requireNonNull(states, "states");
    }

    /** The States this service checks against. */
    public MasterKeyStates states() {
        return states;
    }

    @Override
    public WrappedKey wrap(String masterKeyId, byte[] key, byte[] associatedData) throws KeyWrapException {
        if (delegate instanceof KmipKeyWrapService k && states.due(masterKeyId)) {
            return k.wrapReadingState(masterKeyId, key, associatedData, states);
        }
        states.checkWrap(masterKeyId);
        return delegate.wrap(masterKeyId, key, associatedData);
    }

    @Override
    public void checkWrap(String masterKeyId) throws KeyWrapException {
        states.checkWrap(masterKeyId);
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped, byte[] associatedData) throws KeyWrapException {
        String id = wrapped.masterKeyId();
        states.checkUnwrapCached(id);
        try {
            return delegate.unwrap(wrapped, associatedData);
        } catch (KeyWrapException e) {
            if (e.kind() == KeyWrapException.Kind.KEY_NOT_FOUND && states.enabled()) {
                throw states.gone(id, e);
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "StateCheckedKeyWrapService[" + delegate + "]";
    }
}
