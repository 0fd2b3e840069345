package dev.kmipjca.cli;

import dev.kmipjca.protocol.Attribute;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.CryptographicUsageMask;
import dev.kmipjca.protocol.Link;
import dev.kmipjca.protocol.Name;
import dev.kmipjca.protocol.RevocationReason;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Attribute values as people read them: names without their type, links as "type → id", masks by bit name. */
final class AttributeText {
    private AttributeText() {}

    /** "Name: master-1" (with "[n]" after the name for a later instance). */
    static String line(Attribute a) {
        String label = a.name() + (a.index() != null && a.index() > 0 ? " [" + a.index() + "]" : "");
        return label + ": " + value(a);
    }

    static String value(Attribute a) {
        Object v = a.value();
        if (a.is(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK) && v instanceof Integer mask) {
            return CryptographicUsageMask.describe(mask);
        }
        return value(v);
    }

    static String value(Object v) {
        if (v == null) {
            return "";
        } else if (v instanceof Name n) {
            return n.value();
        } else if (v instanceof Link l) {
            return l.type() + " -> " + l.linkedObjectIdentifier();
        } else if (v instanceof RevocationReason r) {
            return r.code() + (r.message() == null ? "" : " (" + r.message() + ")");
        } else if (v instanceof Instant t) {
            return t.truncatedTo(ChronoUnit.SECONDS).toString();
        }
        return v.toString();
    }

    /** The first value of {@code key}, as text, or "-". */
    static <T> String first(Attributes attributes, AttributeKey<T> key) {
        T v = attributes.get(key);
        return v == null ? "-" : value(v);
    }
}
