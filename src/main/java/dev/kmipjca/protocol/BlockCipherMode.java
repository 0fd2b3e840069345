package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Block Cipher Mode enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2).
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class BlockCipherMode extends KmipEnum {
    private static final Values<BlockCipherMode> V = new Values<>(Tag.BLOCK_CIPHER_MODE, BlockCipherMode::new);

    public static final BlockCipherMode CBC = V.add(0x01, "CBC");
    public static final BlockCipherMode ECB = V.add(0x02, "ECB");
    public static final BlockCipherMode PCBC = V.add(0x03, "PCBC");
    public static final BlockCipherMode CFB = V.add(0x04, "CFB");
    public static final BlockCipherMode OFB = V.add(0x05, "OFB");
    public static final BlockCipherMode CTR = V.add(0x06, "CTR");
    public static final BlockCipherMode CMAC = V.add(0x07, "CMAC");
    public static final BlockCipherMode CCM = V.add(0x08, "CCM");
    public static final BlockCipherMode GCM = V.add(0x09, "GCM");
    public static final BlockCipherMode CBC_MAC = V.add(0x0A, "CBC-MAC");
    public static final BlockCipherMode XTS = V.add(0x0B, "XTS");
    public static final BlockCipherMode AES_KEY_WRAP_PADDING = V.add(0x0C, "AES Key Wrap Padding");
    public static final BlockCipherMode NIST_KEY_WRAP = V.add(0x0D, "NIST Key Wrap");
    public static final BlockCipherMode X9_102_AESKW = V.add(0x0E, "X9.102 AESKW");
    public static final BlockCipherMode X9_102_TDKW = V.add(0x0F, "X9.102 TDKW");
    public static final BlockCipherMode X9_102_AKW1 = V.add(0x10, "X9.102 AKW1");
    public static final BlockCipherMode X9_102_AKW2 = V.add(0x11, "X9.102 AKW2");
    public static final BlockCipherMode AEAD = V.add(0x12, "AEAD");

    private BlockCipherMode(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static BlockCipherMode of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static BlockCipherMode named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<BlockCipherMode> values() {
        return V.all();
    }
}
