package dev.kmipjca.jca;

import dev.kmipjca.envelope.KeyWrapException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.security.InvalidKeyException;
import java.security.ProviderException;
import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * A handle to a symmetric key on a KMIP server: algorithm {@code AES}, no encoding, no format, the
 * server's Unique Identifier, and the connection it was found through. Serialisation is refused.
 */
final class ServerKeyHandle implements SecretKey, KmipKey {
    private static final long serialVersionUID = 1L;

    private final String uniqueIdentifier;
    private final String algorithm;
    private final int keySizeBits;
    private final transient ServerLink link;

    ServerKeyHandle(String uniqueIdentifier, String algorithm, int keySizeBits, ServerLink link) {
        this.uniqueIdentifier = Objects.requireNonNull(uniqueIdentifier, "uniqueIdentifier");
        this.algorithm = algorithm == null || algorithm.isEmpty() ? "AES" : algorithm;
        this.keySizeBits = keySizeBits;
        this.link = Objects.requireNonNull(link, "link");
    }

    @Override
    public String uniqueIdentifier() {
        return uniqueIdentifier;
    }

    @Override
    public int keySizeBits() {
        return keySizeBits;
    }

    ServerLink link() {
        return link;
    }

    /**
     * Refuses encryption and key wrapping under this key when its State (cached for {@code
     * kmip.keyStatePollingSeconds}) is not Active: the message names the key and its State.
     *
     * @throws InvalidKeyException when the key is Pre-Active, Deactivated, Compromised, Destroyed or unknown
     * @throws ProviderException when the State cannot be read (the server is unreachable)
     */
    void checkEncrypts() throws InvalidKeyException {
        try {
            link.states.checkWrap(uniqueIdentifier);
        } catch (KeyWrapException e) {
            if (e.kind() == KeyWrapException.Kind.UNAVAILABLE) {
                throw new ProviderException(e.getMessage(), e);
            }
            throw new InvalidKeyException(e.getMessage(), e);
        }
    }

    @Override
    public String getAlgorithm() {
        return algorithm;
    }

    /** Null: the key's bytes stay on the server. */
    @Override
    public String getFormat() {
        return null;
    }

    /** Null: the key's bytes stay on the server. */
    @Override
    public byte[] getEncoded() {
        return null;
    }

    private Object writeReplace() throws NotSerializableException {
        throw new NotSerializableException("a KMIP key handle (" + uniqueIdentifier + ") cannot be serialised: the key"
                + " lives on the KMIP server; store its alias or Unique Identifier instead");
    }

    private void writeObject(ObjectOutputStream out) throws NotSerializableException {
        throw new NotSerializableException("a KMIP key handle cannot be serialised");
    }

    private void readObject(ObjectInputStream in) throws NotSerializableException {
        throw new NotSerializableException("a KMIP key handle cannot be deserialised");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerKeyHandle h && h.uniqueIdentifier.equals(uniqueIdentifier) && h.link == link;
    }

    @Override
    public int hashCode() {
        return uniqueIdentifier.hashCode();
    }

    /** The identifier, algorithm, size and servers; never key bytes (there are none here). */
    @Override
    public String toString() {
        return "KmipKey[uid=" + uniqueIdentifier + ", " + algorithm + (keySizeBits > 0 ? "-" + keySizeBits : "")
                + ", server " + link.serversText() + "]";
    }
}
