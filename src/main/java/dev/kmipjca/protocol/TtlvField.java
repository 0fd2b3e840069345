package dev.kmipjca.protocol;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a record component to a TTLV field; see {@code package-info.java} for the mechanism. Components
 * are encoded in declaration order, which is the order of the spec's table.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@interface TtlvField {
    /** Pseudo-tag for a component that holds a managed object (its tag comes from the object). */
    int MANAGED_OBJECT = 0;

    /** The tag (in every version unless {@link #v2()} is set). */
    int value();

    /** The tag in KMIP 2.x when it differs (Template-Attribute becomes Attributes, and so on). */
    int v2() default 0;

    /** First version that has the field. */
    String since() default "1.0";

    /** First version that no longer has the field ("" = still present in 2.1), e.g. "2.0". */
    String removedIn() default "";

    /**
     * The field must be present (in the versions that have it). For an {@link Attributes} component
     * in the bare 1.x / Attributes 2.x form it means "write an empty Attributes structure in 2.x".
     */
    boolean required() default false;

    /** Marks the last component, a {@code List<Ttlv>} that keeps fields this record does not model. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    @interface Extensions {}
}
