package dev.kmipjca;

import java.security.Provider;

/**
 * The {@code KMIP} JCA provider. Its constructor does no I/O and never calls back into the JCA;
 * connections open on first use.
 */
public final class KmipProvider extends Provider {
    private static final long serialVersionUID = 1L;

    /** The provider's name, as passed to {@code getInstance(..., "KMIP")}. */
    public static final String NAME = "KMIP";

    public KmipProvider() {
        super(NAME, "0.1", "KMIP key management: master keys on a KMIP server, data encrypted locally");
    }
}
