package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Asynchronous Indicator enumeration of KMIP 2.x (KMIP 2.1 section 11); in KMIP 1.x the field is a Boolean.
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class AsynchronousIndicator extends KmipEnum {
    private static final Values<AsynchronousIndicator> V = new Values<>(Tag.ASYNCHRONOUS_INDICATOR, AsynchronousIndicator::new);

    public static final AsynchronousIndicator MANDATORY = V.add(0x01, "Mandatory");
    public static final AsynchronousIndicator OPTIONAL = V.add(0x02, "Optional");
    public static final AsynchronousIndicator PROHIBITED = V.add(0x03, "Prohibited");

    private AsynchronousIndicator(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static AsynchronousIndicator of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static AsynchronousIndicator named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<AsynchronousIndicator> values() {
        return V.all();
    }
}
