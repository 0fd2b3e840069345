package dev.kmipjca.server;

import dev.kmipjca.protocol.Attribute;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.State;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which attributes a client may set, and how many instances each may have.
 * <ul>
 *   <li>Server-maintained (read-only): Unique Identifier, Object Type, State, Initial Date, the
 *       destroy/compromise/revocation dates and reasons, Last Change Date, and the certificate and
 *       digest attributes. Cryptographic Algorithm, Cryptographic Length and Cryptographic Usage Mask
 *       may be given at creation only.</li>
 *   <li>Activation Date can be changed only while the object is Pre-Active.</li>
 *   <li>Multi-instance: Name, Object Group, Application Specific Information, Link, Cryptographic
 *       Parameters, Alternative Name and custom ({@code x-}) attributes; every other attribute has at
 *       most one instance.</li>
 * </ul>
 */
final class AttributeRules {
    private AttributeRules() {}

    private static final Set<String> READ_ONLY = names(AttributeKey.UNIQUE_IDENTIFIER, AttributeKey.OBJECT_TYPE,
            AttributeKey.STATE, AttributeKey.INITIAL_DATE, AttributeKey.DESTROY_DATE, AttributeKey.COMPROMISE_DATE,
            AttributeKey.COMPROMISE_OCCURRENCE_DATE, AttributeKey.REVOCATION_REASON, AttributeKey.ARCHIVE_DATE,
            AttributeKey.LAST_CHANGE_DATE, AttributeKey.KEY_VALUE_PRESENT, AttributeKey.ORIGINAL_CREATION_DATE,
            AttributeKey.ALWAYS_SENSITIVE, AttributeKey.NEVER_EXTRACTABLE, AttributeKey.FRESH,
            AttributeKey.CERTIFICATE_TYPE, AttributeKey.CERTIFICATE_LENGTH, AttributeKey.DIGITAL_SIGNATURE_ALGORITHM,
            AttributeKey.LEASE_TIME);
    private static final Set<String> CREATION_ONLY = names(AttributeKey.CRYPTOGRAPHIC_ALGORITHM,
            AttributeKey.CRYPTOGRAPHIC_LENGTH, AttributeKey.CRYPTOGRAPHIC_USAGE_MASK);
    private static final Set<String> READ_ONLY_EXTRA = Set.of("digest", "certificate identifier",
            "certificate subject", "certificate issuer", "x.509 certificate identifier", "x.509 certificate subject",
            "x.509 certificate issuer", "usage limits");
    private static final Set<String> MULTI = Set.of("name", "object group", "application specific information",
            "link", "cryptographic parameters", "alternative name", "cryptographic domain parameters");

    private static Set<String> names(AttributeKey<?>... keys) {
        Set<String> s = new HashSet<>();
        for (AttributeKey<?> k : keys) {
            s.add(k.name().toLowerCase(Locale.ROOT));
        }
        return s;
    }

    static boolean isMultiInstance(String name) {
        return MULTI.contains(name.toLowerCase(Locale.ROOT)) || isCustom(name);
    }

    static boolean isCustom(String name) {
        return name.startsWith("x-") || name.startsWith("y-");
    }

    /** Checks the attributes of a Create, Register or Re-key request (template or Attributes structure). */
    static void checkForCreation(ProtocolVersion v, Attributes template) {
        if (!template.templateNames().isEmpty()) {
            throw KmipFailure.notSupported("server-side templates are not supported; send the attributes themselves");
        }
        Set<String> seen = new HashSet<>();
        for (Attribute a : template) {
            String n = a.name().toLowerCase(Locale.ROOT);
            if (READ_ONLY.contains(n) || READ_ONLY_EXTRA.contains(n)) {
                throw KmipFailure.readOnly(v, a.name());
            }
            if (n.startsWith("y-")) {
                throw KmipFailure.invalidField("attribute " + a.name() + ": y- names are reserved for servers");
            }
            if (!seen.add(n) && !isMultiInstance(n)) {
                throw KmipFailure.invalidField("attribute " + a.name() + " is single-instance but given twice");
            }
        }
    }

    /** Checks that a client may add, change or delete {@code name} on {@code o}. */
    static void checkModifiable(ProtocolVersion v, StoredObject o, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (READ_ONLY.contains(n) || READ_ONLY_EXTRA.contains(n) || CREATION_ONLY.contains(n) || n.startsWith("y-")) {
            throw KmipFailure.readOnly(v, name);
        }
        if (n.equals("activation date") && !State.PRE_ACTIVE.equals(o.state())) {
            throw KmipFailure.readOnly(v, name + " (the object is no longer Pre-Active)");
        }
    }

    /** Custom attributes have no KMIP 2.x form; they are left out of 2.x answers. */
    static boolean expressible(ProtocolVersion v, String name) {
        return !v.isKmip2() || !isCustom(name);
    }
}
