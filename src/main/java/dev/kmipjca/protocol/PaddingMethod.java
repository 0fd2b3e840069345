package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Padding Method enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2).
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class PaddingMethod extends KmipEnum {
    private static final Values<PaddingMethod> V = new Values<>(Tag.PADDING_METHOD, PaddingMethod::new);

    public static final PaddingMethod NONE = V.add(0x01, "None");
    public static final PaddingMethod OAEP = V.add(0x02, "OAEP");
    public static final PaddingMethod PKCS5 = V.add(0x03, "PKCS5");
    public static final PaddingMethod SSL3 = V.add(0x04, "SSL3");
    public static final PaddingMethod ZEROS = V.add(0x05, "Zeros");
    public static final PaddingMethod ANSI_X9_23 = V.add(0x06, "ANSI X9.23");
    public static final PaddingMethod ISO_10126 = V.add(0x07, "ISO 10126");
    public static final PaddingMethod PKCS1_V1_5 = V.add(0x08, "PKCS1 v1.5");
    public static final PaddingMethod X9_31 = V.add(0x09, "X9.31");
    public static final PaddingMethod PSS = V.add(0x0A, "PSS");

    private PaddingMethod(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static PaddingMethod of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static PaddingMethod named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<PaddingMethod> values() {
        return V.all();
    }
}
