package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.ItemType;
import dev.kmipjca.ttlv.Ttlv;

/** Encodes one Java value as one TTLV item and back; see {@link ValueCodecs}. */
interface ValueCodec {
    /** Whether an item of this type can hold the value (decoders dispatch on it). */
    boolean accepts(ItemType type, ProtocolVersion version);

    /** What the field must be, for error messages ("an Integer"). */
    String expected();

    Ttlv encode(int tag, Object value, ProtocolVersion version);

    Object decode(Ttlv item, ProtocolVersion version) throws KmipProtocolException;
}
