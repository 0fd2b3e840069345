package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Wrapping Method enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2).
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class WrappingMethod extends KmipEnum {
    private static final Values<WrappingMethod> V = new Values<>(Tag.WRAPPING_METHOD, WrappingMethod::new);

    public static final WrappingMethod ENCRYPT = V.add(0x01, "Encrypt");
    public static final WrappingMethod MAC_SIGN = V.add(0x02, "MAC/sign");
    public static final WrappingMethod ENCRYPT_THEN_MAC_SIGN = V.add(0x03, "Encrypt then MAC/sign");
    public static final WrappingMethod MAC_SIGN_THEN_ENCRYPT = V.add(0x04, "MAC/sign then encrypt");
    public static final WrappingMethod TR_31 = V.add(0x05, "TR-31");

    private WrappingMethod(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static WrappingMethod of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static WrappingMethod named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<WrappingMethod> values() {
        return V.all();
    }
}
