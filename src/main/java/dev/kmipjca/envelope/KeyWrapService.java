package dev.kmipjca.envelope;

/**
 * The master key as the envelope and keystore code see it: something that wraps and unwraps key
 * bytes. The envelope never knows which server it talks to, or whether the master key is used on the
 * server (KMIP Encrypt / Decrypt, the default) or, where the user opted in, fetched and used locally;
 * tests use an in-memory implementation.
 *
 * <p>Implementations must authenticate {@code associatedData}: an unwrap with other associated data
 * than the wrap fails.
 */
public interface KeyWrapService {
    /**
     * Wraps {@code key} under the master key named {@code masterKeyId}, binding {@code associatedData}.
     * The caller keeps ownership of {@code key} and zeroes it when done.
     */
    WrappedKey wrap(String masterKeyId, byte[] key, byte[] associatedData) throws KeyWrapException;

    /**
     * Unwraps a key wrapped by {@link #wrap} with the same associated data, under the master key the
     * wrapped key names. The caller owns the result and zeroes it when done.
     */
    byte[] unwrap(WrappedKey wrapped, byte[] associatedData) throws KeyWrapException;

    /**
     * Called before each message is encrypted under a data key that this service wrapped under
     * {@code masterKeyId} (data keys are cached, so most messages call no {@link #wrap}): throws when
     * the master key may no longer protect new data. Must be cheap: no round trip in steady state. The
     * default allows everything; {@link StateCheckedKeyWrapService} checks the key's State.
     */
    default void checkWrap(String masterKeyId) throws KeyWrapException {
    }
}
