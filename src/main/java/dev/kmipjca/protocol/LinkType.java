package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Link Type enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2).
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class LinkType extends KmipEnum {
    private static final Values<LinkType> V = new Values<>(Tag.LINK_TYPE, LinkType::new);

    public static final LinkType CERTIFICATE_LINK = V.add(0x101, "Certificate Link");
    public static final LinkType PUBLIC_KEY_LINK = V.add(0x102, "Public Key Link");
    public static final LinkType PRIVATE_KEY_LINK = V.add(0x103, "Private Key Link");
    public static final LinkType DERIVATION_BASE_OBJECT_LINK = V.add(0x104, "Derivation Base Object Link");
    public static final LinkType DERIVED_KEY_LINK = V.add(0x105, "Derived Key Link");
    public static final LinkType REPLACEMENT_OBJECT_LINK = V.add(0x106, "Replacement Object Link");
    public static final LinkType REPLACED_OBJECT_LINK = V.add(0x107, "Replaced Object Link");
    public static final LinkType PARENT_LINK = V.add(0x108, "Parent Link");
    public static final LinkType CHILD_LINK = V.add(0x109, "Child Link");
    public static final LinkType PREVIOUS_LINK = V.add(0x10A, "Previous Link");
    public static final LinkType NEXT_LINK = V.add(0x10B, "Next Link");
    public static final LinkType PKCS_12_CERTIFICATE_LINK = V.add(0x10C, "PKCS#12 Certificate Link");
    public static final LinkType PKCS_12_PASSWORD_LINK = V.add(0x10D, "PKCS#12 Password Link");
    public static final LinkType WRAPPING_KEY_LINK = V.add(0x10E, "Wrapping Key Link");

    private LinkType(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static LinkType of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static LinkType named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<LinkType> values() {
        return V.all();
    }
}
