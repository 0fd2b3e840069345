package dev.kmipjca.keystore;

import java.time.Instant;
import java.util.Objects;

/**
 * A master key that once wrapped this keystore's key, and when it stopped doing so. The history lets
 * operators see which earlier master keys may still be needed to read old backups of the file.
 */
public record RetiredMasterKey(String masterKeyId, Instant retired) {
    public RetiredMasterKey {
        Objects.requireNonNull(masterKeyId, "masterKeyId");
        Objects.requireNonNull(retired, "retired");
    }
}
