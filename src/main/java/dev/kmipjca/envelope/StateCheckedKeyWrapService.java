package dev.kmipjca.envelope;

import java.util.Objects;

/**
 * A {@link KeyWrapService} that consults {@link MasterKeyStates} first: wrapping needs an Active master
 * key; unwrapping is refused only for a Destroyed or unknown one (the server decides the rest).
 */
public final class StateCheckedKeyWrapService implements KeyWrapService {
    private final KeyWrapService delegate;
    private final MasterKeyStates states;

    public StateCheckedKeyWrapService(KeyWrapService delegate, MasterKeyStates states) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.states = Objects.requireNonNull(states, "states");
    }

    @Override
    public WrappedKey wrap(String masterKeyId, byte[] key, byte[] associatedData) throws KeyWrapException {
        states.checkWrap(masterKeyId);
        return delegate.wrap(masterKeyId, key, associatedData);
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped, byte[] associatedData) throws KeyWrapException {
        states.checkUnwrap(wrapped.masterKeyId());
        return delegate.unwrap(wrapped, associatedData);
    }

    @Override
    public String toString() {
        return "StateCheckedKeyWrapService[" + delegate + "]";
    }
}
