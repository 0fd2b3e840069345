package dev.kmipjca.server;

import dev.kmipjca.protocol.BlockCipherMode;
import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.CryptographicParameters;
import dev.kmipjca.protocol.CryptographicUsageMask;
import dev.kmipjca.protocol.EncodingOption;
import dev.kmipjca.protocol.KeyBlock;
import dev.kmipjca.protocol.KeyInformation;
import dev.kmipjca.protocol.KeyWrappingData;
import dev.kmipjca.protocol.KeyWrappingSpecification;
import dev.kmipjca.protocol.ManagedObject;
import dev.kmipjca.protocol.PrivateKey;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.SecretData;
import dev.kmipjca.protocol.State;
import dev.kmipjca.protocol.SymmetricKey;
import dev.kmipjca.protocol.UniqueId;
import dev.kmipjca.protocol.WrappingMethod;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Get with a Key Wrapping Specification: Wrapping Method Encrypt, Encryption Key Information naming
 * an Active AES key whose usage mask has Wrap Key, Block Cipher Mode NIST Key Wrap (RFC 3394, the
 * default) or AES Key Wrap with Padding (RFC 5649), Encoding Option No Encoding (the raw key bytes
 * are wrapped). MAC/signature wrapping, TTLV encoding and wrapping attributes along are refused.
 */
final class KeyWrapping {
    private KeyWrapping() {}

    static ManagedObject wrap(Batch b, String uid, ManagedObject object, KeyWrappingSpecification spec) {
        if (!WrappingMethod.ENCRYPT.equals(spec.wrappingMethod())) {
            throw KmipFailure.notSupported("Wrapping Method " + spec.wrappingMethod() + " is not supported; use Encrypt");
        }
        if (spec.macSignatureKeyInformation() != null) {
            throw KmipFailure.notSupported("MAC/Signature Key Information is not supported");
        }
        if (!spec.attributeNames().isEmpty()) {
            throw KmipFailure.notSupported("wrapping attributes along with the key is not supported");
        }
        if (EncodingOption.TTLV_ENCODING.equals(spec.encodingOption())) {
            throw new KmipFailure(ResultReason.ENCODING_OPTION_ERROR, "only Encoding Option No Encoding is supported");
        }
        KeyInformation info = spec.encryptionKeyInformation();
        if (info == null) {
            throw KmipFailure.missing("the Key Wrapping Specification needs Encryption Key Information");
        }
        StoredObject kek = b.object(info.uniqueIdentifier());
        SecretKeySpec kekKey = Keys.aesKey(b, kek);
        if (!State.ACTIVE.equals(kek.state())) {
            throw KmipFailure.wrongState(b.version, "wrapping key " + kek.uid() + " is " + kek.state() + ", not Active");
        }
        if (!kek.allows(CryptographicUsageMask.WRAP_KEY)) {
            throw KmipFailure.usage(b.version, "wrapping key " + kek.uid() + " lacks usage Wrap Key");
        }
        CryptographicParameters p = info.cryptographicParameters();
        BlockCipherMode mode = p == null || p.blockCipherMode() == null ? BlockCipherMode.NIST_KEY_WRAP : p.blockCipherMode();
        String transformation = mode.equals(BlockCipherMode.NIST_KEY_WRAP) ? "AESWrap"
                : mode.equals(BlockCipherMode.AES_KEY_WRAP_PADDING) ? "AESWrapPad" : null;
        if (transformation == null) {
            throw KmipFailure.invalidField("Block Cipher Mode " + mode
                    + " cannot wrap keys; use NIST Key Wrap or AES Key Wrap Padding");
        }
        KeyBlock block = Keys.keyBlock(object);
        byte[] plain = block == null ? null : Keys.material(object);
        if (plain == null) {
            throw KmipFailure.invalidField("object " + uid + " has no key material to wrap");
        }
        try {
            if (transformation.equals("AESWrap") && (plain.length < 16 || plain.length % 8 != 0)) {
                throw KmipFailure.invalidField("NIST Key Wrap needs a multiple of 8 bytes (at least 16); the key has "
                        + plain.length + "; use AES Key Wrap Padding");
            }
            Cipher c = Cipher.getInstance(transformation);
            c.init(Cipher.ENCRYPT_MODE, kekKey);
            byte[] wrapped = c.doFinal(plain);
            CryptographicParameters used = CryptographicParameters.builder().blockCipherMode(mode).build();
            KeyWrappingData data = new KeyWrappingData(WrappingMethod.ENCRYPT,
                    new KeyInformation(UniqueId.of(kek.uid()), used), null, null, null,
                    b.version.isAtLeast(ProtocolVersion.V1_1) ? EncodingOption.NO_ENCODING : null);
            KeyBlock out = new KeyBlock(block.keyFormatType(), null, null, Bytes.of(wrapped),
                    block.cryptographicAlgorithm(), block.cryptographicLength(), data);
            return rebuilt(object, out);
        } catch (GeneralSecurityException e) {
            throw KmipFailure.crypto("cannot wrap with " + transformation + ": " + e.getMessage());
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static ManagedObject rebuilt(ManagedObject object, KeyBlock block) {
        if (object instanceof SecretData s) {
            return new SecretData(s.secretDataType(), block);
        } else if (object instanceof PrivateKey) {
            return new PrivateKey(block);
        }
        return new SymmetricKey(block);
    }
}
