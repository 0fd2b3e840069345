package dev.kmipjca.envelope;

import static dev.kmipjca.envelope.Layout.*;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;

/**
 * The header of an envelope, parsed: which master key wrapped its data key, its form and segment
 * size. {@link #rewrap} re-wraps the data key under another master key: only the key section changes,
 * the body stays byte for byte the same and still decrypts, because the bulk encryption authenticates
 * the rest of the header and a key commitment, not the wrapped key. Immutable.
 *
 * <pre>{@code
 * EnvelopeHeader old = EnvelopeHeader.read(in);              // reads exactly the header
 * out.write(old.rewrap(service, newMasterKeyId).toByteArray());
 * in.transferTo(out);                                         // the body, unchanged
 * }</pre>
 */
public final class EnvelopeHeader {
    private final byte[] bytes;
    private final HeaderCodec.Parsed parsed;
    private final WrappedKey wrapped;

    private EnvelopeHeader(byte[] bytes, HeaderCodec.Parsed parsed) throws EnvelopeFormatException {
        this.bytes = bytes;
        this.parsed = parsed;
        this.wrapped = HeaderCodec.wrappedKey(bytes, parsed);
    }

    /** Parses the header at the start of {@code envelope}, which may hold more (the body). */
    public static EnvelopeHeader parse(byte[] envelope) throws EnvelopeFormatException {
        HeaderCodec.Parsed p = HeaderCodec.parse(envelope, envelope.length);
        return new EnvelopeHeader(Arrays.copyOf(envelope, p.length), p);
    }

    /** Reads exactly the header from {@code in}, checking each length before reading what it announces. */
    public static EnvelopeHeader read(InputStream in) throws IOException, EnvelopeFormatException {
        byte[] b = new byte[MAX_HEADER_BYTES];
        int have = 0;
        for (int needed = HeaderCodec.needed(b, 0); needed > have; needed = HeaderCodec.needed(b, have)) {
            have += in.readNBytes(b, have, needed - have);
            if (have < needed) {
                throw new EnvelopeFormatException(have, "truncated header: " + have + " bytes, at least " + needed
                        + " needed");
            }
        }
        return parse(Arrays.copyOf(b, have));
    }

    /** The header's length: the body starts at this offset. */
    public int length() {
        return bytes.length;
    }

    public Envelope.Form form() {
        return parsed.form == FORM_SEGMENTED ? Envelope.Form.SEGMENTED : Envelope.Form.SINGLE_SHOT;
    }

    /** Plaintext bytes per segment; 0 for the single-shot form. */
    public int segmentSizeBytes() {
        return parsed.segmentSize;
    }

    /** The Unique Identifier of the master key that wrapped the data key. */
    public String masterKeyId() {
        return wrapped.masterKeyId();
    }

    public WrappedKey wrappedKey() {
        return wrapped;
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    /**
     * This header with its data key re-wrapped under {@code newMasterKeyId}: unwraps the data key, checks
     * it against the header's key commitment, wraps it under the new master key and zeroes it.
     *
     * @throws AEADBadTagException when the wrapped key fails authentication or does not match the commitment
     * @throws KeyWrapException when either master key cannot be used
     */
    public EnvelopeHeader rewrap(KeyWrapService service, String newMasterKeyId)
            throws GeneralSecurityException, KeyWrapException {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(newMasterKeyId, "newMasterKeyId");
        byte[] raw;
        try {
            raw = service.unwrap(wrapped, WRAP_AAD);
        } catch (KeyWrapException e) {
            if (e.kind() != KeyWrapException.Kind.AUTHENTICATION_FAILED) {
                throw e;
            }
            AEADBadTagException t = new AEADBadTagException("the wrapped data key failed authentication under master key "
                    + e.masterKeyId());
            t.initCause(e);
            throw t;
        }
        try {
            byte[] commitment = DataKey.commitmentOf(raw);
            if (!Arrays.equals(commitment, 0, COMMITMENT_BYTES, bytes, OFF_COMMITMENT, OFF_COMMITMENT + COMMITMENT_BYTES)) {
                throw new AEADBadTagException("the key commitment in the header does not match the data key");
            }
            byte[] section = HeaderCodec.keySection(service.wrap(newMasterKeyId, raw, WRAP_AAD));
            int bulk = parsed.bulkLength;
            byte[] out = Arrays.copyOf(bytes, bulk + 2 + section.length);
            putU16(out, bulk, section.length);
            System.arraycopy(section, 0, out, bulk + 2, section.length);
            return new EnvelopeHeader(out, HeaderCodec.parse(out, out.length));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "EnvelopeHeader[" + form() + (parsed.form == FORM_SEGMENTED ? " " + parsed.segmentSize + "-byte segments" : "")
                + ", master key " + wrapped.masterKeyId() + ", " + bytes.length + " bytes]";
    }
}
