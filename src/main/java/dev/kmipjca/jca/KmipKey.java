package dev.kmipjca.jca;

import java.security.Key;

/**
 * A key that lives on a KMIP server: a handle that carries the key's Unique Identifier, never its
 * bytes ({@code getEncoded()} and {@code getFormat()} return null), and cannot be serialised. The
 * provider's services that take keys name this interface in their {@code SupportedKeyClasses}
 * attribute, so the JCA routes a handle to the {@code KMIP} provider and every ordinary key to the
 * providers after it, even when {@code KMIP} is first in the list.
 */
public interface KmipKey extends Key {
    /** The key's Unique Identifier on the KMIP server. */
    String uniqueIdentifier();

    /** The key's size in bits, or 0 when unknown. */
    int keySizeBits();
}
