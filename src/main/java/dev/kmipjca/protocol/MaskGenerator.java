package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Mask Generator enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2), since KMIP 1.4.
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class MaskGenerator extends KmipEnum {
    private static final Values<MaskGenerator> V = new Values<>(Tag.MASK_GENERATOR, MaskGenerator::new);

    public static final MaskGenerator MGF1 = V.add(0x01, "MGF1");

    private MaskGenerator(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static MaskGenerator of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static MaskGenerator named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<MaskGenerator> values() {
        return V.all();
    }
}
