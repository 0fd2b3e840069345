package dev.kmipjca.server;

import dev.kmipjca.protocol.Attribute;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.Create;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.KeyBlock;
import dev.kmipjca.protocol.ManagedObject;
import dev.kmipjca.protocol.ObjectType;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.Register;
import dev.kmipjca.protocol.SymmetricKey;
import dev.kmipjca.protocol.UniqueId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Create (AES keys of 128, 192 or 256 bits; Cryptographic Algorithm, Length and Usage Mask
 * required) and Register (Symmetric Key, Secret Data, Private Key, Certificate). New objects are
 * owned by the caller, get a random UUID, an Initial Date and the state Pre-Active, or Active when
 * the request carries an Activation Date that has come.
 */
final class CreateOps {
    private CreateOps() {}

    private static final List<ObjectType> REGISTRABLE = List.of(ObjectType.SYMMETRIC_KEY, ObjectType.SECRET_DATA,
            ObjectType.PRIVATE_KEY, ObjectType.CERTIFICATE);

    static Create.Response create(Batch b, Create.Request r) {
        if (!ObjectType.SYMMETRIC_KEY.equals(r.objectType())) {
            throw KmipFailure.invalidField("Create makes Symmetric Keys only, not " + r.objectType()
                    + "; use Register for other objects");
        }
        Attributes t = r.attributes();
        AttributeRules.checkForCreation(b.version, t);
        CryptographicAlgorithm alg = t.get(AttributeKey.CRYPTOGRAPHIC_ALGORITHM);
        Integer len = t.get(AttributeKey.CRYPTOGRAPHIC_LENGTH);
        if (alg == null) {
            throw KmipFailure.missing("Create needs the Cryptographic Algorithm attribute");
        } else if (len == null) {
            throw KmipFailure.missing("Create needs the Cryptographic Length attribute");
        } else if (t.get(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK) == null) {
            throw KmipFailure.missing("Create needs the Cryptographic Usage Mask attribute");
        } else if (!CryptographicAlgorithm.AES.equals(alg)) {
            throw KmipFailure.invalidField("Cryptographic Algorithm " + alg + " is not supported; Create makes AES keys");
        } else if (!Keys.isAesLength(len)) {
            throw KmipFailure.invalidField("Cryptographic Length " + len + " is not an AES key length (128, 192, 256)");
        }
        String uid = ObjectStore.newUid();
        SymmetricKey key = Keys.newAesKey(len);
        b.store.insert(new StoredObject(uid, b.identity.subject(),
                key, initial(uid, ObjectType.SYMMETRIC_KEY, alg, len, t, b.now())));
        b.produced(Operation.CREATE, uid);
        return Create.Response.of(ObjectType.SYMMETRIC_KEY, UniqueId.of(uid));
    }

    static Register.Response register(Batch b, Register.Request r) {
        ManagedObject object = r.object();
        if (!REGISTRABLE.contains(object.objectType())) {
            throw KmipFailure.invalidField("Register takes Symmetric Keys, Secret Data, Private Keys and Certificates,"
                    + " not " + object.objectType());
        }
        if (!object.objectType().equals(r.objectType())) {
            throw KmipFailure.invalidField("Object Type " + r.objectType() + " does not match the "
                    + object.objectType() + " sent");
        }
        Attributes t = r.attributes();
        AttributeRules.checkForCreation(b.version, t);
        CryptographicAlgorithm alg = t.get(AttributeKey.CRYPTOGRAPHIC_ALGORITHM);
        Integer len = t.get(AttributeKey.CRYPTOGRAPHIC_LENGTH);
        KeyBlock block = Keys.keyBlock(object);
        if (block != null) {
            if (block.isWrapped() || block.keyWrappingData() != null) {
                throw KmipFailure.notSupported("wrapped key values cannot be registered; register the plaintext key");
            }
            alg = agree("Cryptographic Algorithm", block.cryptographicAlgorithm(), alg);
            len = agree("Cryptographic Length", block.cryptographicLength(), len);
            if (object instanceof SymmetricKey) {
                object = normalized(block, alg, len);
                len = ((SymmetricKey) object).keyBlock().cryptographicLength();
            }
        }
        String uid = ObjectStore.newUid();
        b.store.insert(new StoredObject(uid, b.identity.subject(), object,
                initial(uid, object.objectType(), alg, len, t, b.now())));
        b.produced(Operation.REGISTER, uid);
        return Register.Response.of(UniqueId.of(uid));
    }

    /** A symmetric key stored in Raw format with its algorithm and length in the Key Block. */
    private static SymmetricKey normalized(KeyBlock block, CryptographicAlgorithm alg, Integer len) {
        byte[] raw = block.keyValue() == null ? null
                : block.keyValue().symmetricKey() == null ? null : block.keyValue().symmetricKey().toByteArray();
        if (raw == null || raw.length == 0) {
            throw KmipFailure.invalidField("a Symmetric Key needs Raw or Transparent Symmetric Key material");
        }
        try {
            if (alg == null) {
                throw KmipFailure.missing("a Symmetric Key needs its Cryptographic Algorithm");
            }
            if (len != null && len != raw.length * 8) {
                throw KmipFailure.invalidField("Cryptographic Length " + len + " does not match the "
                        + raw.length * 8 + "-bit key");
            }
            return new SymmetricKey(KeyBlock.raw(Bytes.of(raw), alg, raw.length * 8));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static <T> T agree(String what, T inBlock, T inTemplate) {
        if (inBlock != null && inTemplate != null && !inBlock.equals(inTemplate)) {
            throw KmipFailure.invalidField(what + " " + inTemplate + " does not match the Key Block's " + inBlock);
        }
        return inBlock != null ? inBlock : inTemplate;
    }

    /** Unique Identifier, Object Type, algorithm and length, the client's attributes, Initial Date, State. */
    static Attributes initial(String uid, ObjectType type, CryptographicAlgorithm alg, Integer len, Attributes template,
            Instant now) {
        Attributes.Builder out = Attributes.builder()
                .add(AttributeKey.UNIQUE_IDENTIFIER, UniqueId.of(uid))
                .add(AttributeKey.OBJECT_TYPE, type);
        if (alg != null) {
            out.add(AttributeKey.CRYPTOGRAPHIC_ALGORITHM, alg);
        }
        if (len != null) {
            out.add(AttributeKey.CRYPTOGRAPHIC_LENGTH, len);
        }
        for (Attribute a : template) {
            if (!a.is(AttributeKey.CRYPTOGRAPHIC_ALGORITHM) && !a.is(AttributeKey.CRYPTOGRAPHIC_LENGTH)) {
                out.add(Attrs.unindexed(a));
            }
        }
        out.add(AttributeKey.INITIAL_DATE, now);
        out.add(AttributeKey.STATE, Lifecycle.initialState(template.get(AttributeKey.ACTIVATION_DATE), now));
        return out.build();
    }
}
