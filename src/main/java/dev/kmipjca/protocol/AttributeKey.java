package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import dev.kmipjca.ttlv.TagNames;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A standard attribute this package knows by type: its spec name (the 1.x Attribute Name, taken from
 * the tag table), its tag (the 2.x encoding) and the Java type of its value. Attributes this table
 * does not list are still decoded and kept (see {@link Attribute}).
 */
public final class AttributeKey<T> {
    private static final Map<String, AttributeKey<?>> BY_NAME = new HashMap<>();
    private static final Map<Integer, AttributeKey<?>> BY_TAG = new HashMap<>();

    public static final AttributeKey<UniqueId> UNIQUE_IDENTIFIER = key(Tag.UNIQUE_IDENTIFIER, UniqueId.class);
    public static final AttributeKey<Name> NAME = key(Tag.NAME, Name.class);
    public static final AttributeKey<ObjectType> OBJECT_TYPE = key(Tag.OBJECT_TYPE, ObjectType.class);
    public static final AttributeKey<CryptographicAlgorithm> CRYPTOGRAPHIC_ALGORITHM =
            key(Tag.CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm.class);
    public static final AttributeKey<Integer> CRYPTOGRAPHIC_LENGTH = key(Tag.CRYPTOGRAPHIC_LENGTH, Integer.class);
    public static final AttributeKey<CryptographicParameters> CRYPTOGRAPHIC_PARAMETERS =
            key(Tag.CRYPTOGRAPHIC_PARAMETERS, CryptographicParameters.class);
    /** The bits of {@link CryptographicUsageMask}. */
    public static final AttributeKey<Integer> CRYPTOGRAPHIC_USAGE_MASK = key(Tag.CRYPTOGRAPHIC_USAGE_MASK, Integer.class);
    public static final AttributeKey<CertificateType> CERTIFICATE_TYPE = key(Tag.CERTIFICATE_TYPE, CertificateType.class);
    public static final AttributeKey<Integer> CERTIFICATE_LENGTH = key(Tag.CERTIFICATE_LENGTH, Integer.class);
    public static final AttributeKey<DigitalSignatureAlgorithm> DIGITAL_SIGNATURE_ALGORITHM =
            key(Tag.DIGITAL_SIGNATURE_ALGORITHM, DigitalSignatureAlgorithm.class);
    public static final AttributeKey<String> OPERATION_POLICY_NAME = key(Tag.OPERATION_POLICY_NAME, String.class);
    public static final AttributeKey<Duration> LEASE_TIME = key(Tag.LEASE_TIME, Duration.class);
    public static final AttributeKey<State> STATE = key(Tag.STATE, State.class);
    public static final AttributeKey<Instant> INITIAL_DATE = key(Tag.INITIAL_DATE, Instant.class);
    public static final AttributeKey<Instant> ACTIVATION_DATE = key(Tag.ACTIVATION_DATE, Instant.class);
    public static final AttributeKey<Instant> PROCESS_START_DATE = key(Tag.PROCESS_START_DATE, Instant.class);
    public static final AttributeKey<Instant> PROTECT_STOP_DATE = key(Tag.PROTECT_STOP_DATE, Instant.class);
    public static final AttributeKey<Instant> DEACTIVATION_DATE = key(Tag.DEACTIVATION_DATE, Instant.class);
    public static final AttributeKey<Instant> DESTROY_DATE = key(Tag.DESTROY_DATE, Instant.class);
    public static final AttributeKey<Instant> COMPROMISE_OCCURRENCE_DATE = key(Tag.COMPROMISE_OCCURRENCE_DATE, Instant.class);
    public static final AttributeKey<Instant> COMPROMISE_DATE = key(Tag.COMPROMISE_DATE, Instant.class);
    public static final AttributeKey<RevocationReason> REVOCATION_REASON = key(Tag.REVOCATION_REASON, RevocationReason.class);
    public static final AttributeKey<Instant> ARCHIVE_DATE = key(Tag.ARCHIVE_DATE, Instant.class);
    public static final AttributeKey<String> OBJECT_GROUP = key(Tag.OBJECT_GROUP, String.class);
    public static final AttributeKey<Boolean> FRESH = key(Tag.FRESH, Boolean.class);
    public static final AttributeKey<Link> LINK = key(Tag.LINK, Link.class);
    public static final AttributeKey<ApplicationSpecificInformation> APPLICATION_SPECIFIC_INFORMATION =
            key(Tag.APPLICATION_SPECIFIC_INFORMATION, ApplicationSpecificInformation.class);
    public static final AttributeKey<String> CONTACT_INFORMATION = key(Tag.CONTACT_INFORMATION, String.class);
    public static final AttributeKey<Instant> LAST_CHANGE_DATE = key(Tag.LAST_CHANGE_DATE, Instant.class);
    public static final AttributeKey<Boolean> KEY_VALUE_PRESENT = key(Tag.KEY_VALUE_PRESENT, Boolean.class);
    public static final AttributeKey<Instant> ORIGINAL_CREATION_DATE = key(Tag.ORIGINAL_CREATION_DATE, Instant.class);
    public static final AttributeKey<String> DESCRIPTION = key(Tag.DESCRIPTION, String.class);
    public static final AttributeKey<String> COMMENT = key(Tag.COMMENT, String.class);
    public static final AttributeKey<Boolean> SENSITIVE = key(Tag.SENSITIVE, Boolean.class);
    public static final AttributeKey<Boolean> ALWAYS_SENSITIVE = key(Tag.ALWAYS_SENSITIVE, Boolean.class);
    public static final AttributeKey<Boolean> EXTRACTABLE = key(Tag.EXTRACTABLE, Boolean.class);
    public static final AttributeKey<Boolean> NEVER_EXTRACTABLE = key(Tag.NEVER_EXTRACTABLE, Boolean.class);

    private final String name;
    private final int tag;
    private final Class<T> type;

    private AttributeKey(String name, int tag, Class<T> type) {
        this.name = name;
        this.tag = tag;
        this.type = type;
    }

    private static <T> AttributeKey<T> key(int tag, Class<T> type) {
        String name = TagNames.nameOf(tag);
        if (name == null) {
            throw new IllegalStateException("tag table has no name for " + TagNames.hex(tag));
        }
        AttributeKey<T> k = new AttributeKey<>(name, tag, type);
        BY_NAME.put(name.toLowerCase(Locale.ROOT), k);
        BY_TAG.put(tag, k);
        return k;
    }

    /** The key whose spec name is {@code name} (ignoring case), or null. */
    public static AttributeKey<?> byName(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    /** The key for this attribute tag, or null. */
    public static AttributeKey<?> byTag(int tag) {
        return BY_TAG.get(tag);
    }

    /** The spec name, which is the 1.x Attribute Name ("Cryptographic Algorithm"). */
    public String name() {
        return name;
    }

    /** The attribute's tag, used by KMIP 2.x. */
    public int tag() {
        return tag;
    }

    public Class<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return name;
    }
}
