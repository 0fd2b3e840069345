package dev.kmipjca.server;

import dev.kmipjca.protocol.Attribute;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Locate;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.UniqueId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Locate: the objects the caller may see whose attributes match every filter attribute (Name, Object
 * Type, State, Cryptographic Algorithm, Object Group, and any other attribute by equal value; a
 * Date-Time attribute given twice is a range), newest Initial Date first. Offset Items skips and
 * Maximum Items limits; Located Items (1.3 and later) counts every match. Storage Status Mask and
 * Object Group Member are ignored (all objects are on-line).
 */
final class LocateOp {
    private LocateOp() {}

    private static final Comparator<StoredObject> NEWEST_FIRST = Comparator
            .comparing((StoredObject o) -> o.attributes().get(AttributeKey.INITIAL_DATE),
                    Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(StoredObject::uid);

    static Locate.Response locate(Batch b, Locate.Request r) {
        int offset = nonNegative(r.offsetItems(), "Offset Items");
        int max = r.maximumItems() == null ? Integer.MAX_VALUE : nonNegative(r.maximumItems(), "Maximum Items");
        Map<String, List<Attribute>> filter = new LinkedHashMap<>();
        for (Attribute a : r.filter()) {
            filter.computeIfAbsent(a.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(a);
        }
        List<StoredObject> matches = new ArrayList<>();
        for (StoredObject o : b.store.all()) {
            if (o.visibleTo(b.identity)) {
                StoredObject current = Lifecycle.isDue(o, b.now()) ? b.object(UniqueId.of(o.uid())) : o;
                if (matches(current, filter)) {
                    matches.add(current);
                }
            }
        }
        matches.sort(NEWEST_FIRST);
        List<UniqueId> page = new ArrayList<>();
        for (int i = offset; i < matches.size() && page.size() < max; i++) {
            page.add(UniqueId.of(matches.get(i).uid()));
        }
        if (!page.isEmpty()) {
            b.produced(Operation.LOCATE, page.get(0).text());
        }
        Integer located = b.version.isAtLeast(ProtocolVersion.V1_3) ? matches.size() : null;
        return new Locate.Response(located, page);
    }

    private static int nonNegative(Integer n, String what) {
        if (n == null) {
            return 0;
        }
        if (n < 0) {
            throw KmipFailure.invalidField(what + " must not be negative, got " + n);
        }
        return n;
    }

    private static boolean matches(StoredObject o, Map<String, List<Attribute>> filter) {
        for (List<Attribute> wanted : filter.values()) {
            List<Attribute> have = Attrs.instances(o.attributes(), wanted.get(0).name());
            if (wanted.size() == 2 && wanted.get(0).value() instanceof Instant from
                    && wanted.get(1).value() instanceof Instant to) {
                if (have.stream().noneMatch(h -> h.value() instanceof Instant t && !t.isBefore(from) && !t.isAfter(to))) {
                    return false;
                }
                continue;
            }
            for (Attribute w : wanted) {
                if (have.stream().noneMatch(h -> h.value().equals(w.value()))) {
                    return false;
                }
            }
        }
        return true;
    }
}
