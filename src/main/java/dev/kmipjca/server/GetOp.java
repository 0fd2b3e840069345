package dev.kmipjca.server;

import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.Certificate;
import dev.kmipjca.protocol.Get;
import dev.kmipjca.protocol.KeyBlock;
import dev.kmipjca.protocol.KeyFormatType;
import dev.kmipjca.protocol.KeyValue;
import dev.kmipjca.protocol.ManagedObject;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.SymmetricKey;
import dev.kmipjca.protocol.UniqueId;
import java.util.Arrays;

/**
 * Get: the object in its stored format; symmetric keys also as Raw or Transparent Symmetric Key
 * (converted either way). With a Key Wrapping Specification the key comes back wrapped
 * ({@link KeyWrapping}). A Sensitive key leaves only wrapped, a non-Extractable key not at all, a
 * destroyed object not at all. Key compression is not supported.
 */
final class GetOp {
    private GetOp() {}

    static Get.Response get(Batch b, Get.Request r) {
        StoredObject o = b.object(r.uniqueIdentifier());
        if (o.object() == null) {
            throw KmipFailure.destroyed(b.version, o.uid());
        }
        if (r.keyCompressionType() != null) {
            throw new KmipFailure(ResultReason.KEY_COMPRESSION_TYPE_NOT_SUPPORTED,
                    "Key Compression Type " + r.keyCompressionType() + " is not supported");
        }
        ManagedObject object = o.object();
        if (object instanceof Certificate) {
            if (r.keyFormatType() != null && !KeyFormatType.X_509.equals(r.keyFormatType())) {
                throw formatNotSupported(r.keyFormatType(), o);
            }
            b.produced(Operation.GET, o.uid());
            return Get.Response.of(UniqueId.of(o.uid()), object);
        }
        if (Boolean.FALSE.equals(o.attributes().get(AttributeKey.EXTRACTABLE))) {
            throw KmipFailure.notExtractable(b.version, o.uid());
        }
        if (r.keyWrappingSpecification() == null && Boolean.TRUE.equals(o.attributes().get(AttributeKey.SENSITIVE))) {
            throw KmipFailure.sensitive(b.version, o.uid());
        }
        ManagedObject out = inFormat(object, r.keyFormatType(), o);
        if (r.keyWrappingSpecification() != null) {
            out = KeyWrapping.wrap(b, o.uid(), out, r.keyWrappingSpecification());
        }
        b.produced(Operation.GET, o.uid());
        return Get.Response.of(UniqueId.of(o.uid()), out);
    }

    private static ManagedObject inFormat(ManagedObject object, KeyFormatType wanted, StoredObject o) {
        KeyBlock block = Keys.keyBlock(object);
        if (wanted == null || wanted.equals(block.keyFormatType())) {
            return object;
        }
        if (object instanceof SymmetricKey && KeyFormatType.TRANSPARENT_SYMMETRIC_KEY.equals(wanted)) {
            byte[] raw = Keys.material(object);
            try {
                KeyValue v = KeyValue.transparentSymmetricKey(Bytes.of(raw));
                return new SymmetricKey(new KeyBlock(wanted, null, v, null, block.cryptographicAlgorithm(),
                        block.cryptographicLength(), null));
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        }
        throw formatNotSupported(wanted, o);
    }

    private static KmipFailure formatNotSupported(KeyFormatType wanted, StoredObject o) {
        return new KmipFailure(ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED, "Key Format Type " + wanted
                + " is not available for " + o.objectType() + " " + o.uid()
                + (o.object() instanceof SymmetricKey ? "; use Raw or Transparent Symmetric Key" : ""));
    }
}
