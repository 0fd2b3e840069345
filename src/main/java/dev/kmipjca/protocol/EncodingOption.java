package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Encoding Option enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2), since KMIP 1.1.
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class EncodingOption extends KmipEnum {
    private static final Values<EncodingOption> V = new Values<>(Tag.ENCODING_OPTION, EncodingOption::new);

    public static final EncodingOption NO_ENCODING = V.add(0x01, "No Encoding");
    public static final EncodingOption TTLV_ENCODING = V.add(0x02, "TTLV Encoding");

    private EncodingOption(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static EncodingOption of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static EncodingOption named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<EncodingOption> values() {
        return V.all();
    }
}
