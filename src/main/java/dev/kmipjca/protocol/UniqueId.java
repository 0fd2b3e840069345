package dev.kmipjca.protocol;

import java.util.Objects;

/**
 * The value of a Unique Identifier field. In KMIP 1.x it is always a Text String. In KMIP 2.x it may
 * also be an Enumeration placeholder ({@link UniqueIdentifierPlaceholder}, "the identifier produced by
 * the Create earlier in this batch") or an Integer (an index into the batch's results). Exactly one of
 * {@link #text()}, {@link #placeholder()} and {@link #index()} is non-null.
 */
public final class UniqueId {
    private final String text;
    private final UniqueIdentifierPlaceholder placeholder;
    private final Integer index;

    private UniqueId(String text, UniqueIdentifierPlaceholder placeholder, Integer index) {
        this.text = text;
        this.placeholder = placeholder;
        this.index = index;
    }

    /** The usual form: a Text String identifier assigned by the server. */
    public static UniqueId of(String text) {
        return new UniqueId(Objects.requireNonNull(text, "text"), null, null);
    }

    /** A KMIP 2.x placeholder (Enumeration). */
    public static UniqueId placeholder(UniqueIdentifierPlaceholder placeholder) {
        return new UniqueId(null, Objects.requireNonNull(placeholder, "placeholder"), null);
    }

    /** A KMIP 2.x batch index (Integer). */
    public static UniqueId index(int index) {
        return new UniqueId(null, null, index);
    }

    public boolean isText() {
        return text != null;
    }

    /** The Text String form, or null. */
    public String text() {
        return text;
    }

    /** The placeholder form, or null. */
    public UniqueIdentifierPlaceholder placeholder() {
        return placeholder;
    }

    /** The Integer form, or null. */
    public Integer index() {
        return index;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof UniqueId)) {
            return false;
        }
        UniqueId u = (UniqueId) o;
        return Objects.equals(text, u.text) && Objects.equals(placeholder, u.placeholder) && Objects.equals(index, u.index);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, placeholder, index);
    }

    /** The text itself, "placeholder(Create)" or "index(2)". */
    @Override
    public String toString() {
        return text != null ? text : placeholder != null ? "placeholder(" + placeholder + ")" : "index(" + index + ")";
    }
}
