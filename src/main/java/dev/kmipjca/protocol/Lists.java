package dev.kmipjca.protocol;

import java.util.List;

/** Null-tolerant list copying for the compact constructors of the records. */
final class Lists {
    private Lists() {}

    /** An unmodifiable copy; null becomes the empty list (absent repeated fields decode as empty). */
    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
