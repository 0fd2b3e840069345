package dev.kmipjca.keystore;

import java.time.Instant;
import java.util.Objects;

/**
 * What is known about an entry without decrypting it: its alias (lower case), kind and creation date.
 */
public record EntryInfo(String alias, EntryKind kind, Instant created) {
    public EntryInfo {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(created, "created");
    }
}
