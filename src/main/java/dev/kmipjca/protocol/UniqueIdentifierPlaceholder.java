package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Unique Identifier enumeration of KMIP 2.x (KMIP 2.1 section 11): placeholders that refer to an identifier produced earlier in the same batch.
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class UniqueIdentifierPlaceholder extends KmipEnum {
    private static final Values<UniqueIdentifierPlaceholder> V = new Values<>(Tag.UNIQUE_IDENTIFIER, UniqueIdentifierPlaceholder::new);

    public static final UniqueIdentifierPlaceholder ID_PLACEHOLDER = V.add(0x01, "ID Placeholder");
    public static final UniqueIdentifierPlaceholder CERTIFY = V.add(0x02, "Certify");
    public static final UniqueIdentifierPlaceholder CREATE = V.add(0x03, "Create");
    public static final UniqueIdentifierPlaceholder CREATE_KEY_PAIR = V.add(0x04, "Create Key Pair");
    public static final UniqueIdentifierPlaceholder CREATE_KEY_PAIR_PRIVATE_KEY = V.add(0x05, "Create Key Pair Private Key");
    public static final UniqueIdentifierPlaceholder CREATE_KEY_PAIR_PUBLIC_KEY = V.add(0x06, "Create Key Pair Public Key");
    public static final UniqueIdentifierPlaceholder CREATE_SPLIT_KEY = V.add(0x07, "Create Split Key");
    public static final UniqueIdentifierPlaceholder DERIVE_KEY = V.add(0x08, "Derive Key");
    public static final UniqueIdentifierPlaceholder IMPORT = V.add(0x09, "Import");
    public static final UniqueIdentifierPlaceholder JOIN_SPLIT_KEY = V.add(0x0A, "Join Split Key");
    public static final UniqueIdentifierPlaceholder LOCATE = V.add(0x0B, "Locate");
    public static final UniqueIdentifierPlaceholder REGISTER = V.add(0x0C, "Register");
    public static final UniqueIdentifierPlaceholder REKEY = V.add(0x0D, "Re-key");
    public static final UniqueIdentifierPlaceholder RECERTIFY = V.add(0x0E, "Re-certify");
    public static final UniqueIdentifierPlaceholder REKEY_KEY_PAIR = V.add(0x0F, "Re-key Key Pair");
    public static final UniqueIdentifierPlaceholder REKEY_KEY_PAIR_PRIVATE_KEY = V.add(0x10, "Re-key Key Pair Private Key");
    public static final UniqueIdentifierPlaceholder REKEY_KEY_PAIR_PUBLIC_KEY = V.add(0x11, "Re-key Key Pair Public Key");

    private UniqueIdentifierPlaceholder(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static UniqueIdentifierPlaceholder of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static UniqueIdentifierPlaceholder named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<UniqueIdentifierPlaceholder> values() {
        return V.all();
    }
}
