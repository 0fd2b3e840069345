package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.NAME_TYPE;
import static dev.kmipjca.ttlv.Tag.NAME_VALUE;

/** The Name attribute: Name Value and Name Type. */
public record Name(
        @TtlvField(value = NAME_VALUE, required = true) String value,
        @TtlvField(value = NAME_TYPE, required = true) NameType type) {

    /** A name of type Uninterpreted Text String. */
    public static Name of(String value) {
        return new Name(value, NameType.UNINTERPRETED_TEXT_STRING);
    }
}
