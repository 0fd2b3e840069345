package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.PROTECTION_STORAGE_MASK;

import java.util.List;

/** The Protection Storage Masks structure of KMIP 2.x Create, Register and Re-key requests. */
public record ProtectionStorageMasks(@TtlvField(PROTECTION_STORAGE_MASK) List<Integer> masks) {

    public ProtectionStorageMasks {
        masks = Lists.copy(masks);
    }

    public static ProtectionStorageMasks of(Integer... masks) {
        return new ProtectionStorageMasks(List.of(masks));
    }
}
