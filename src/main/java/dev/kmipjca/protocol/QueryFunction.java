package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Query Function enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2).
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class QueryFunction extends KmipEnum {
    private static final Values<QueryFunction> V = new Values<>(Tag.QUERY_FUNCTION, QueryFunction::new);

    public static final QueryFunction QUERY_OPERATIONS = V.add(0x01, "Query Operations");
    public static final QueryFunction QUERY_OBJECTS = V.add(0x02, "Query Objects");
    public static final QueryFunction QUERY_SERVER_INFORMATION = V.add(0x03, "Query Server Information");
    public static final QueryFunction QUERY_APPLICATION_NAMESPACES = V.add(0x04, "Query Application Namespaces");
    public static final QueryFunction QUERY_EXTENSION_LIST = V.add(0x05, "Query Extension List");
    public static final QueryFunction QUERY_EXTENSION_MAP = V.add(0x06, "Query Extension Map");
    public static final QueryFunction QUERY_ATTESTATION_TYPES = V.add(0x07, "Query Attestation Types");
    public static final QueryFunction QUERY_RNGS = V.add(0x08, "Query RNGs");
    public static final QueryFunction QUERY_VALIDATIONS = V.add(0x09, "Query Validations");
    public static final QueryFunction QUERY_PROFILES = V.add(0x0A, "Query Profiles");
    public static final QueryFunction QUERY_CAPABILITIES = V.add(0x0B, "Query Capabilities");
    public static final QueryFunction QUERY_CLIENT_REGISTRATION_METHODS = V.add(0x0C, "Query Client Registration Methods");
    public static final QueryFunction QUERY_DEFAULTS_INFORMATION = V.add(0x0D, "Query Defaults Information");
    public static final QueryFunction QUERY_STORAGE_PROTECTION_MASKS = V.add(0x0E, "Query Storage Protection Masks");

    private QueryFunction(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static QueryFunction of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static QueryFunction named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<QueryFunction> values() {
        return V.all();
    }
}
