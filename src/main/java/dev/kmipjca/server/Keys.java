package dev.kmipjca.server;

import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.KeyBlock;
import dev.kmipjca.protocol.ManagedObject;
import dev.kmipjca.protocol.PrivateKey;
import dev.kmipjca.protocol.SecretData;
import dev.kmipjca.protocol.SymmetricKey;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/** Key material: generating AES keys and reading the bytes of stored keys. */
final class Keys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Keys() {}

    /** A new AES key of {@code bits} (128, 192 or 256) in Raw format. */
    static SymmetricKey newAesKey(int bits) {
        byte[] raw = new byte[bits / 8];
        RANDOM.nextBytes(raw);
        try {
            return new SymmetricKey(KeyBlock.raw(Bytes.of(raw), CryptographicAlgorithm.AES, bits));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    static boolean isAesLength(Integer bits) {
        return bits != null && (bits == 128 || bits == 192 || bits == 256);
    }

    /** The Key Block of a key object, or null (certificates). */
    static KeyBlock keyBlock(ManagedObject o) {
        if (o instanceof SymmetricKey k) {
            return k.keyBlock();
        } else if (o instanceof SecretData s) {
            return s.keyBlock();
        } else if (o instanceof PrivateKey p) {
            return p.keyBlock();
        }
        return null;
    }

    /** A copy of the plaintext key bytes (Byte String material, or the Key of a Transparent Symmetric Key), or null. */
    static byte[] material(ManagedObject o) {
        KeyBlock b = keyBlock(o);
        if (b == null || b.keyValue() == null) {
            return null;
        }
        Bytes k = b.keyValue().symmetricKey();
        return k == null ? null : k.toByteArray();
    }

    /** The AES key of a stored object that must be an AES symmetric key with material. */
    static SecretKeySpec aesKey(Batch b, StoredObject o) {
        if (o.isDestroyed() || o.object() == null) {
            throw KmipFailure.destroyed(b.version, o.uid());
        }
        if (!(o.object() instanceof SymmetricKey)
                || !CryptographicAlgorithm.AES.equals(o.attributes().get(AttributeKey.CRYPTOGRAPHIC_ALGORITHM))) {
            throw KmipFailure.invalidField("object " + o.uid() + " is not an AES symmetric key");
        }
        byte[] raw = material(o.object());
        if (raw == null || !isAesLength(raw.length * 8)) {
            throw KmipFailure.invalidField("object " + o.uid() + " holds no usable AES key material");
        }
        try {
            return new SecretKeySpec(raw, "AES");
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }
}
