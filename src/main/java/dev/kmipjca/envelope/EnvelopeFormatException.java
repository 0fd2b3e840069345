package dev.kmipjca.envelope;

import java.security.GeneralSecurityException;

/**
 * An envelope header is malformed: wrong magic, an unknown version, form or algorithm, a length over
 * its cap, a key section that does not add up, or bytes missing. The message says what was wrong and
 * at which byte offset from the start of the envelope ({@link #offset()}); it never contains key bytes.
 *
 * <p>Damage to the body, and a body that is cut short, is an {@link javax.crypto.AEADBadTagException}.
 */
public final class EnvelopeFormatException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final String reason;

    public EnvelopeFormatException(long offset, String reason) {
        super("malformed envelope at offset " + offset + ": " + reason);
        this.offset = offset;
        this.reason = reason;
    }

    /** Offset of the offending field (or of the end of the bytes available) from the envelope's start. */
    public long offset() {
        return offset;
    }

    /** What was wrong, without the offset. */
    public String reason() {
        return reason;
    }
}
