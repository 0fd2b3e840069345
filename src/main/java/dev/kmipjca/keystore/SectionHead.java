package dev.kmipjca.keystore;

import dev.kmipjca.envelope.WrappedKey;
import java.util.List;

/**
 * The fields of a protected section before its entries: all that unwrapping its keystore key needs, read
 * before the rest of the section so that the unwrap's round trip and the reading of the entries overlap.
 *
 * @param version         the format version
 * @param beginLine       the line of the begin marker
 * @param masterKeyId     {@code kmipjca.masterKeyId}
 * @param masterKeyIdLine its line
 * @param wrappedKey      {@code kmipjca.keystoreKey}
 * @param keystoreKeyLine its line
 * @param history         the retired master keys, oldest first
 * @param entryCount      {@code kmipjca.entryCount}
 */
record SectionHead(int version, int beginLine, String masterKeyId, int masterKeyIdLine, WrappedKey wrappedKey,
                   int keystoreKeyLine, List<RetiredMasterKey> history, int entryCount) {
    static SectionHead of(ProtectedSection s) {
        return new SectionHead(s.version, s.beginLine, s.masterKeyId, s.masterKeyIdLine, s.wrappedKey, s.keystoreKeyLine,
                s.history, s.entries.size());
    }

    /** True when {@code s} has these fields (it was read from the same bytes). */
    boolean agreesWith(ProtectedSection s) {
        return version == s.version && beginLine == s.beginLine && masterKeyId.equals(s.masterKeyId)
                && keystoreKeyLine == s.keystoreKeyLine && history.equals(s.history) && entryCount == s.entries.size()
                && java.util.Arrays.equals(WrappedKeys.encode(wrappedKey), WrappedKeys.encode(s.wrappedKey));
    }
}
