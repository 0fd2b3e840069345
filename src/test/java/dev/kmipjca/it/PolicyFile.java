package dev.kmipjca.it;

import java.util.List;
import java.util.StringJoiner;

/** A PyKMIP operation policy file (JSON) that allows every operation on every object type to everyone. */
final class PolicyFile {
    private static final List<String> TYPES = List.of("CERTIFICATE", "SYMMETRIC_KEY", "PUBLIC_KEY", "PRIVATE_KEY",
            "SPLIT_KEY", "SECRET_DATA", "OPAQUE_DATA");
    private static final List<String> OPERATIONS = List.of("LOCATE", "CHECK", "GET", "GET_ATTRIBUTES",
            "GET_ATTRIBUTE_LIST", "ADD_ATTRIBUTE", "MODIFY_ATTRIBUTE", "DELETE_ATTRIBUTE", "SET_ATTRIBUTE",
            "OBTAIN_LEASE", "ACTIVATE", "REVOKE", "DESTROY", "ARCHIVE", "RECOVER");

    private PolicyFile() {}

    static String shared(String name) {
        StringJoiner types = new StringJoiner(",\n", "{\n", "\n}");
        for (String t : TYPES) {
            StringJoiner ops = new StringJoiner(", ", "{", "}");
            OPERATIONS.forEach(o -> ops.add("\"" + o + "\": \"ALLOW_ALL\""));
            types.add("      \"" + t + "\": " + ops);
        }
        return "{\n  \"" + name + "\": {\n    \"preset\": " + types + "\n  }\n}\n";
    }
}
