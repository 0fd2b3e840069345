package dev.kmipjca.client;

import dev.kmipjca.protocol.Certificate;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.KeyBlock;
import dev.kmipjca.protocol.KeyFormatType;
import dev.kmipjca.protocol.KeyWrappingData;
import dev.kmipjca.protocol.ManagedObject;
import dev.kmipjca.protocol.ObjectType;
import dev.kmipjca.protocol.PrivateKey;
import dev.kmipjca.protocol.RawObject;
import dev.kmipjca.protocol.SecretData;
import dev.kmipjca.protocol.SymmetricKey;

/**
 * An object fetched with Get. For a Symmetric Key, Secret Data or Private Key, {@link #material()}
 * holds the Key Material bytes (Raw, PKCS#8 …) or, when the server wrapped the key, the wrapped bytes
 * ({@link #isWrapped()}, {@link #keyWrappingData()}). For a Certificate it holds the DER bytes. Other
 * object kinds are returned as {@link #rawObject()} and have no material.
 *
 * <p><b>Close it</b> (try-with-resources) once the bytes are used: that zeroes the material.
 */
public final class RetrievedObject implements AutoCloseable {
    private final String uniqueIdentifier;
    private final ObjectType objectType;
    private final KeyFormatType keyFormatType;
    private final CryptographicAlgorithm algorithm;
    private final Integer lengthBits;
    private final KeyWrappingData keyWrappingData;
    private final KeyMaterial material;
    private final RawObject rawObject;

    private RetrievedObject(String uid, ObjectType type, KeyBlock block, KeyMaterial material, RawObject raw) {
        this.uniqueIdentifier = uid;
        this.objectType = type;
        this.keyFormatType = block == null ? null : block.keyFormatType();
        this.algorithm = block == null ? null : block.cryptographicAlgorithm();
        this.lengthBits = block == null ? null : block.cryptographicLength();
        this.keyWrappingData = block == null ? null : block.keyWrappingData();
        this.material = material;
        this.rawObject = raw;
    }

    /** Moves the secret bytes of {@code object} into a new holder and wipes them in {@code object}. */
    static RetrievedObject of(String uid, ManagedObject object) {
        if (object instanceof Certificate c) {
            return new RetrievedObject(uid, object.objectType(), null, KeyMaterial.moveFrom(c.certificateValue()), null);
        }
        KeyBlock block = object instanceof SymmetricKey k ? k.keyBlock()
                : object instanceof SecretData s ? s.keyBlock()
                : object instanceof PrivateKey p ? p.keyBlock() : null;
        if (block == null) {
            return new RetrievedObject(uid, object.objectType(), null, null, (RawObject) object);
        }
        KeyMaterial m;
        if (block.isWrapped()) {
            m = KeyMaterial.moveFrom(block.wrappedKeyValue());
        } else if (block.keyValue() != null && block.keyValue().symmetricKey() != null) {
            m = KeyMaterial.moveFrom(block.keyValue().symmetricKey());
        } else {
            m = null;
        }
        block.wipe();
        return new RetrievedObject(uid, object.objectType(), block, m, null);
    }

    public String uniqueIdentifier() {
        return uniqueIdentifier;
    }

    public ObjectType objectType() {
        return objectType;
    }

    /** The Key Format Type of the Key Block, or null for certificates and unmodelled objects. */
    public KeyFormatType keyFormatType() {
        return keyFormatType;
    }

    /** The Cryptographic Algorithm in the Key Block, or null. */
    public CryptographicAlgorithm algorithm() {
        return algorithm;
    }

    /** The Cryptographic Length in the Key Block, in bits, or null. */
    public Integer lengthBits() {
        return lengthBits;
    }

    public boolean isWrapped() {
        return keyWrappingData != null;
    }

    /** How the server wrapped the key, or null when it is not wrapped. */
    public KeyWrappingData keyWrappingData() {
        return keyWrappingData;
    }

    /**
     * The key bytes (wrapped or not), the secret bytes or the certificate's DER; null for object kinds
     * this client does not model and for structured (Transparent) key material.
     */
    public KeyMaterial material() {
        return material;
    }

    /** The object itself when this client does not model its kind (Public Key, Opaque Object …), else null. */
    public RawObject rawObject() {
        return rawObject;
    }

    /** Zeroes the material. */
    @Override
    public void close() {
        if (material != null) {
            material.wipe();
        }
    }

    @Override
    public String toString() {
        return "RetrievedObject{" + uniqueIdentifier + ", " + objectType + (keyFormatType == null ? "" : ", " + keyFormatType)
                + (isWrapped() ? ", wrapped" : "") + ", " + material + "}";
    }
}
