package dev.kmipjca.client;

import dev.kmipjca.protocol.KmipProtocolException;
import dev.kmipjca.protocol.ManagedObject;
import dev.kmipjca.protocol.Messages;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.RawObject;
import dev.kmipjca.ttlv.TtlvDecoder;
import dev.kmipjca.ttlv.TtlvException;

/**
 * A {@link RawObject} shares its items with the decoded response, which the client zeroes after a
 * Get; this makes an independent copy first. Typed objects already hold their own copies.
 */
final class Detached {
    private Detached() {}

    static ManagedObject copy(ManagedObject object, ProtocolVersion version) {
        if (!(object instanceof RawObject raw)) {
            return object;
        }
        try {
            return Messages.decodeObject(TtlvDecoder.defaults().decode(raw.item().encode()), version);
        } catch (TtlvException | KmipProtocolException e) {
            throw new IllegalStateException("a decoded object no longer decodes: " + e.getMessage(), e);
        }
    }
}
