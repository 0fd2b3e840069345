package dev.kmipjca.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bits of the Cryptographic Usage Mask attribute, an Integer (the Cryptographic Usage Mask table of the
 * KMIP 1.x and 2.x bit-mask sections). Attributes carry the mask as a plain {@code Integer}; these
 * constants build and read it.
 * Bits 0x4000 to 0x80000 are KMIP 1.x only; Authenticate and Unrestricted are KMIP 2.0.
 */
public final class CryptographicUsageMask {
    private CryptographicUsageMask() {}

    public static final int SIGN = 0x00000001;
    public static final int VERIFY = 0x00000002;
    public static final int ENCRYPT = 0x00000004;
    public static final int DECRYPT = 0x00000008;
    public static final int WRAP_KEY = 0x00000010;
    public static final int UNWRAP_KEY = 0x00000020;
    public static final int EXPORT = 0x00000040;
    public static final int MAC_GENERATE = 0x00000080;
    public static final int MAC_VERIFY = 0x00000100;
    public static final int DERIVE_KEY = 0x00000200;
    public static final int CONTENT_COMMITMENT = 0x00000400;
    public static final int KEY_AGREEMENT = 0x00000800;
    public static final int CERTIFICATE_SIGN = 0x00001000;
    public static final int CRL_SIGN = 0x00002000;
    public static final int GENERATE_CRYPTOGRAM = 0x00004000;
    public static final int VALIDATE_CRYPTOGRAM = 0x00008000;
    public static final int TRANSLATE_ENCRYPT = 0x00010000;
    public static final int TRANSLATE_DECRYPT = 0x00020000;
    public static final int TRANSLATE_WRAP = 0x00040000;
    public static final int TRANSLATE_UNWRAP = 0x00080000;
    public static final int AUTHENTICATE = 0x00100000;
    public static final int UNRESTRICTED = 0x00200000;

    private static final String[] NAMES = {
        "Sign", "Verify", "Encrypt", "Decrypt", "Wrap Key", "Unwrap Key", "Export", "MAC Generate", "MAC Verify",
        "Derive Key", "Content Commitment", "Key Agreement", "Certificate Sign", "CRL Sign", "Generate Cryptogram",
        "Validate Cryptogram", "Translate Encrypt", "Translate Decrypt", "Translate Wrap", "Translate Unwrap",
        "Authenticate", "Unrestricted"};

    /** True when every bit of {@code bits} is set in {@code mask}. */
    public static boolean has(int mask, int bits) {
        return (mask & bits) == bits;
    }

    /** "Encrypt|Decrypt", with unnamed bits in hex; "none" for 0. */
    public static String describe(int mask) {
        if (mask == 0) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            int bit = 1 << i;
            if ((mask & bit) != 0) {
                parts.add(i < NAMES.length ? NAMES[i] : String.format(Locale.ROOT, "0x%08X", bit));
            }
        }
        return String.join("|", parts);
    }
}
