package dev.kmipjca.envelope;

import static dev.kmipjca.envelope.Layout.*;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Decrypts one envelope of either form incrementally, in the shape of {@code CipherSpi}: associated
 * data first ({@link #updateAAD}), then {@link #update} any number of times, then {@link #doFinal}.
 * The header may arrive in pieces; once it is complete the data key is looked up (or unwrapped, a
 * server round trip, inside that {@code update}). Segmented envelopes release each segment's plaintext
 * as soon as the segment is verified; single-shot ones release everything from {@code doFinal}, after
 * the tag is verified. Truncation is detected by {@code doFinal}.
 *
 * <p>{@link #getOutputSize} is an upper bound; a call whose output space is too small throws
 * {@link ShortBufferException} and changes nothing. Not thread-safe. After a failure the decryptor is
 * closed.
 */
public final class EnvelopeDecryptor implements AutoCloseable {
    private static final byte[] NONE = new byte[0];

    private final Envelope envelope;
    private final ByteArrayOutputStream aad = new ByteArrayOutputStream();
    private byte[] header = new byte[128];
    private int headerHave;
    private HeaderCodec.Parsed parsed;
    private Cipher cipher;
    private Segments segments;
    /** Plaintext a provider released before the single-shot tag was verified: held, then zeroed by close. */
    byte[] held = NONE; // package-private for PlaintextZeroingTest
    private int heldLength;
    private long body;
    private byte[] buffer;
    private int buffered;
    private boolean started;
    private boolean done;

    EnvelopeDecryptor(Envelope envelope) {
        this.envelope = envelope;
    }

    /** Adds associated data; only before the first {@code update} or {@code doFinal}. */
    public void updateAAD(byte[] src, int off, int len) {
        Buffers.checkRange(src, off, len, "aad");
        checkActive();
        if (started) {
            throw new IllegalStateException("associated data must come before the data");
        }
        aad.write(src, off, len);
    }

    public void updateAAD(ByteBuffer src) {
        byte[] a = new byte[src.remaining()];
        src.get(a);
        updateAAD(a, 0, a.length);
    }

    /** The envelope's master key id once the header has been read, else null. */
    public String masterKeyId() {
        try {
            return parsed == null ? null : HeaderCodec.wrappedKey(header, parsed).masterKeyId();
        } catch (EnvelopeFormatException e) {
            return null;
        }
    }

    /** An upper bound on the output of {@code update} with {@code len} more bytes. */
    public int getUpdateOutputSize(int len) {
        if (parsed == null) {
            return len;
        }
        if (segments == null) {
            return 0;
        }
        int chunk = parsed.segmentSize + TAG_BYTES;
        return Buffers.size((buffered + (long) len) / chunk * parsed.segmentSize);
    }

    /** An upper bound on the output of {@code doFinal} with {@code len} more bytes (also enough for {@code update}). */
    public int getOutputSize(int len) {
        if (parsed == null) {
            return len;
        }
        if (segments == null) {
            return Buffers.size(Math.max(0, heldLength + body + len - TAG_BYTES));
        }
        int chunk = parsed.segmentSize + TAG_BYTES;
        long total = buffered + (long) len;
        return Buffers.size(total / chunk * parsed.segmentSize + Math.max(0, total % chunk - TAG_BYTES));
    }

    public int update(byte[] in, int inOff, int len, byte[] out, int outOff)
            throws GeneralSecurityException, KeyWrapException {
        return run(in, inOff, len, out, outOff, false);
    }

    public byte[] update(byte[] in, int inOff, int len) throws GeneralSecurityException, KeyWrapException {
        return runToArray(in, inOff, len, false);
    }

    public int update(ByteBuffer in, ByteBuffer out) throws GeneralSecurityException, KeyWrapException {
        checkActive();
        int bound = getUpdateOutputSize(in.remaining());
        return Buffers.apply(in, out, bound, (a, o, l, b, bo) -> run(a, o, l, b, bo, false));
    }

    /** Decrypts the last bytes and verifies the end of the envelope; the decryptor cannot be used afterwards. */
    public int doFinal(byte[] in, int inOff, int len, byte[] out, int outOff)
            throws GeneralSecurityException, KeyWrapException {
        return run(in, inOff, len, out, outOff, true);
    }

    public byte[] doFinal(byte[] in, int inOff, int len) throws GeneralSecurityException, KeyWrapException {
        return runToArray(in, inOff, len, true);
    }

    public int doFinal(ByteBuffer in, ByteBuffer out) throws GeneralSecurityException, KeyWrapException {
        checkActive();
        int bound = getOutputSize(in.remaining());
        return Buffers.apply(in, out, bound, (a, o, l, b, bo) -> run(a, o, l, b, bo, true));
    }

    private byte[] runToArray(byte[] in, int inOff, int len, boolean fin)
            throws GeneralSecurityException, KeyWrapException {
        Buffers.checkRange(in, inOff, len, "input");
        checkActive();
        byte[] out = new byte[fin ? getOutputSize(len) : getUpdateOutputSize(len)];
        int n = run(in, inOff, len, out, 0, fin);
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** Feeds exactly one complete header (read by the caller, e.g. from a stream). */
    void acceptHeader(byte[] h, int len) throws GeneralSecurityException, KeyWrapException {
        checkActive();
        started = true;
        try {
            if (takeHeader(h, 0, len, true) != len) {
                throw new IllegalStateException("more than a header was given");
            }
        } catch (GeneralSecurityException | KeyWrapException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private int run(byte[] in, int inOff, int len, byte[] out, int outOff, boolean fin)
            throws GeneralSecurityException, KeyWrapException {
        Buffers.checkRange(in, inOff, len, "input");
        int space = Buffers.space(out, outOff);
        checkActive();
        int need = fin ? getOutputSize(len) : getUpdateOutputSize(len);
        if (parsed == null && !fin) {
            need = Math.max(0, len - (HeaderCodec.needed(header, headerHave) - headerHave));
        }
        if (space < need) {
            throw Buffers.shortBuffer(need, space);
        }
        if (Buffers.overlaps(in, inOff, len, out, outOff)) {
            in = Arrays.copyOfRange(in, inOff, inOff + len);
            inOff = 0;
        }
        started = true;
        try {
            if (parsed == null) {
                int taken = takeHeader(in, inOff, len, fin);
                inOff += taken;
                len -= taken;
            }
            int w = segments != null ? segmented(in, inOff, len, out, outOff, fin) : single(in, inOff, len, out, outOff, fin);
            if (fin) {
                close();
            }
            return w;
        } catch (GeneralSecurityException | KeyWrapException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Copies header bytes until the header is complete, then sets up the body; returns bytes taken. */
    private int takeHeader(byte[] in, int off, int len, boolean fin) throws GeneralSecurityException, KeyWrapException {
        int taken = 0;
        for (;;) {
            int needed = HeaderCodec.needed(header, headerHave);
            if (needed <= headerHave) {
                parsed = HeaderCodec.parse(header, headerHave);
                startBody();
                return taken;
            }
            if (taken == len) {
                if (fin) {
                    throw new EnvelopeFormatException(headerHave, "truncated header: " + headerHave
                            + " bytes, at least " + needed + " needed");
                }
                return taken;
            }
            if (header.length < needed) {
                header = Arrays.copyOf(header, needed);
            }
            int k = Math.min(needed - headerHave, len - taken);
            System.arraycopy(in, off + taken, header, headerHave, k);
            headerHave += k;
            taken += k;
        }
    }

    private void startBody() throws GeneralSecurityException, KeyWrapException {
        byte[] a = aad.toByteArray();
        cipher = envelope.ciphers.borrow();
        if (parsed.form == FORM_SEGMENTED) {
            segments = envelope.openSegments(header, parsed, a, cipher);
            buffer = new byte[parsed.segmentSize + TAG_BYTES];
            return;
        }
        DataKey k = envelope.acquireKey(header, parsed);
        try {
            cipher.init(Cipher.DECRYPT_MODE, k.singleShotKey(),
                    new GCMParameterSpec(TAG_BYTES * 8, header, OFF_NONCE, NONCE_BYTES));
            if (a.length > 0) {
                cipher.updateAAD(a);
            }
        } finally {
            k.release();
        }
    }

    private int single(byte[] in, int off, int len, byte[] out, int outOff, boolean fin) throws GeneralSecurityException {
        if (cipher == null) {
            return 0; // header still incomplete
        }
        body += len;
        if (!fin) {
            byte[] early = cipher.update(in, off, len);
            if (early != null && early.length > 0) { // a provider that releases unverified plaintext: hold it
                hold(early);
            }
            return 0;
        }
        envelope.ciphers.beforeLarge(body, cipher);
        if (body + heldLength < TAG_BYTES) {
            throw new AEADBadTagException("the envelope is truncated: its body is " + body
                    + " bytes, shorter than the 16-byte tag");
        }
        int h = heldLength;
        int n;
        try {
            n = cipher.doFinal(in, off, len, out, outOff + h);
        } catch (AEADBadTagException e) {
            throw Envelope.bodyFailed(e);
        }
        if (h > 0) {
            System.arraycopy(held, 0, out, outOff, h);
        }
        return h + n;
    }

    /** Appends {@code early} to {@link #held}; the arrays it leaves behind are zeroed. */
    private void hold(byte[] early) {
        if (heldLength + early.length > held.length) {
            byte[] bigger = Arrays.copyOf(held, Math.max(heldLength + early.length, 2 * held.length));
            Arrays.fill(held, (byte) 0);
            held = bigger;
        }
        System.arraycopy(early, 0, held, heldLength, early.length);
        heldLength += early.length;
        Arrays.fill(early, (byte) 0);
    }

    private int segmented(byte[] in, int off, int len, byte[] out, int outOff, boolean fin) throws AEADBadTagException {
        int chunk = buffer.length;
        int w = 0;
        if (buffered > 0 && buffered + len >= chunk) {
            int take = chunk - buffered;
            w += segments.open(buffer, 0, buffered, in, off, take, false, out, outOff);
            off += take;
            len -= take;
            buffered = 0;
        }
        if (buffered == 0) {
            for (; len >= chunk; off += chunk, len -= chunk) {
                w += segments.open(NONE, 0, 0, in, off, chunk, false, out, outOff + w);
            }
        }
        if (!fin) {
            System.arraycopy(in, off, buffer, buffered, len);
            buffered += len;
            return w;
        }
        int rest = buffered + len;
        if (rest < TAG_BYTES) {
            throw Envelope.truncated(segments.index(), rest);
        }
        w += segments.open(buffer, 0, buffered, in, off, len, true, out, outOff + w);
        buffered = 0;
        return w;
    }

    private void checkActive() {
        if (done) {
            throw new IllegalStateException("the decryptor is finished (doFinal, close or a failure)");
        }
    }

    /** Zeroes the stream key, the buffers and any held plaintext and returns the cipher to its pool; idempotent. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        if (segments != null) {
            segments.destroy();
        }
        if (buffer != null) {
            Arrays.fill(buffer, (byte) 0);
        }
        Arrays.fill(held, 0, heldLength, (byte) 0);
        heldLength = 0;
        if (cipher != null) {
            envelope.ciphers.giveBack(cipher);
            cipher = null;
        }
    }
}
