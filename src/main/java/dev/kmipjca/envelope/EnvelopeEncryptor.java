package dev.kmipjca.envelope;

import static dev.kmipjca.envelope.Layout.*;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts one envelope incrementally, in the shape of {@code CipherSpi}: associated data first
 * ({@link #updateAAD}), then {@link #update} any number of times, then {@link #doFinal} once. The header
 * comes out with the first output. Output sizes are exact for the segmented form and an upper bound
 * for the single-shot form ({@link #getOutputSize}); a call whose output space is too small throws
 * {@link ShortBufferException} and changes nothing. Input and output may be the same array.
 *
 * <p>Segmented form: each full segment is encrypted as soon as its bytes have arrived, straight from
 * the caller's array; only a partial segment is buffered. The final segment holds the last 0 to S-1
 * bytes. Not thread-safe. {@link #close()} (done by {@link #doFinal}) zeroes the stream key and the
 * buffered plaintext.
 */
public final class EnvelopeEncryptor implements AutoCloseable {
    private static final byte[] NONE = new byte[0];

    private final Envelope envelope;
    private final EncryptKeys.Slot slot;
    private final Envelope.Form form;
    private final byte[] header;
    private final int segmentSize;
    private Cipher cipher;
    private byte[] streamKey;
    private ByteArrayOutputStream aad;
    private Segments segments;
    private byte[] buffer;
    private int buffered;
    private boolean headerWritten;
    private boolean started;
    private boolean done;

    EnvelopeEncryptor(Envelope envelope, EncryptKeys keys, Envelope.Form form) throws KeyWrapException {
        this.envelope = envelope;
        this.form = form;
        this.segmentSize = envelope.segmentSize;
        byte[] nonce = new byte[NONCE_BYTES];
        this.slot = keys.acquire(0, nonce);
        DataKey k = slot.key;
        try {
            this.cipher = envelope.ciphers.borrow();
            if (form == Envelope.Form.SINGLE_SHOT) {
                header = slot.singleShotHeader.clone();
                System.arraycopy(nonce, 0, header, OFF_NONCE, NONCE_BYTES);
                cipher.init(Cipher.ENCRYPT_MODE, k.singleShotKey(), new GCMParameterSpec(TAG_BYTES * 8, nonce));
            } else {
                byte[] salt = new byte[SALT_BYTES];
                byte[] prefix = new byte[PREFIX_BYTES];
                envelope.random.nextBytes(salt);
                envelope.random.nextBytes(prefix);
                header = HeaderCodec.header(FORM_SEGMENTED, k.commitment(), segmentSize, salt, prefix, k.keySection());
                streamKey = k.streamKey(salt);
                aad = new ByteArrayOutputStream();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM initialisation failed in provider "
                    + envelope.ciphers.providerName(), e);
        } finally {
            k.release();
        }
    }

    public Envelope.Form form() {
        return form;
    }

    /** The length of the header this envelope starts with. */
    public int headerLength() {
        return header.length;
    }

    /** Adds associated data; only before the first {@code update} or {@code doFinal}. */
    public void updateAAD(byte[] src, int off, int len) {
        Buffers.checkRange(src, off, len, "aad");
        checkActive();
        if (started) {
            throw new IllegalStateException("associated data must come before the data");
        }
        if (form == Envelope.Form.SINGLE_SHOT) {
            cipher.updateAAD(src, off, len);
        } else {
            aad.write(src, off, len);
        }
    }

    public void updateAAD(ByteBuffer src) {
        byte[] a = new byte[src.remaining()];
        src.get(a);
        updateAAD(a, 0, a.length);
    }

    /** The output space that {@code update} with {@code len} more bytes needs. */
    public int getUpdateOutputSize(int len) {
        long h = headerWritten ? 0 : header.length;
        if (form == Envelope.Form.SINGLE_SHOT) {
            return Buffers.size(h + cipher.getOutputSize(len));
        }
        long segments = (buffered + (long) len) / segmentSize;
        return Buffers.size(h + segments * (segmentSize + TAG_BYTES));
    }

    /** The output space that {@code doFinal} with {@code len} more bytes needs (also enough for {@code update}). */
    public int getOutputSize(int len) {
        long h = headerWritten ? 0 : header.length;
        if (form == Envelope.Form.SINGLE_SHOT) {
            return Buffers.size(h + cipher.getOutputSize(len));
        }
        long total = buffered + (long) len;
        long segments = total / segmentSize;
        return Buffers.size(h + segments * (segmentSize + TAG_BYTES) + total % segmentSize + TAG_BYTES);
    }

    public int update(byte[] in, int inOff, int len, byte[] out, int outOff) throws ShortBufferException {
        return run(in, inOff, len, out, outOff, false);
    }

    public byte[] update(byte[] in, int inOff, int len) {
        return runToArray(in, inOff, len, false);
    }

    public int update(ByteBuffer in, ByteBuffer out) throws ShortBufferException {
        return runBuffers(in, out, false);
    }

    /** Encrypts the last bytes and finishes the envelope; the encryptor cannot be used afterwards. */
    public int doFinal(byte[] in, int inOff, int len, byte[] out, int outOff) throws ShortBufferException {
        return run(in, inOff, len, out, outOff, true);
    }

    public byte[] doFinal(byte[] in, int inOff, int len) {
        return runToArray(in, inOff, len, true);
    }

    public int doFinal(ByteBuffer in, ByteBuffer out) throws ShortBufferException {
        return runBuffers(in, out, true);
    }

    private byte[] runToArray(byte[] in, int inOff, int len, boolean fin) {
        Buffers.checkRange(in, inOff, len, "input");
        checkActive();
        byte[] out = new byte[fin ? getOutputSize(len) : getUpdateOutputSize(len)];
        try {
            int n = run(in, inOff, len, out, 0, fin);
            return n == out.length ? out : Arrays.copyOf(out, n);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("output size was miscomputed", e);
        }
    }

    private int runBuffers(ByteBuffer in, ByteBuffer out, boolean fin) throws ShortBufferException {
        checkActive();
        int bound = fin ? getOutputSize(in.remaining()) : getUpdateOutputSize(in.remaining());
        try {
            return Buffers.apply(in, out, bound, (a, o, l, b, bo) -> run(a, o, l, b, bo, fin));
        } catch (ShortBufferException e) {
            throw e;
        } catch (GeneralSecurityException | KeyWrapException e) {
            throw new IllegalStateException(e);
        }
    }

    private int run(byte[] in, int inOff, int len, byte[] out, int outOff, boolean fin) throws ShortBufferException {
        Buffers.checkRange(in, inOff, len, "input");
        int space = Buffers.space(out, outOff);
        checkActive();
        int need = fin ? getOutputSize(len) : getUpdateOutputSize(len);
        if (space < need) {
            throw Buffers.shortBuffer(need, space);
        }
        if (Buffers.overlaps(in, inOff, len, out, outOff)) {
            in = Arrays.copyOfRange(in, inOff, inOff + len);
            inOff = 0;
        }
        started = true;
        int w = 0;
        if (!headerWritten) {
            System.arraycopy(header, 0, out, outOff, header.length);
            w = header.length;
            headerWritten = true;
        }
        try {
            if (form == Envelope.Form.SINGLE_SHOT) {
                envelope.ciphers.beforeLarge(len, cipher);
                w += fin ? cipher.doFinal(in, inOff, len, out, outOff + w) : cipher.update(in, inOff, len, out, outOff + w);
            } else {
                w += segmented(in, inOff, len, out, outOff + w, fin);
            }
        } catch (GeneralSecurityException e) {
            close();
            throw new IllegalStateException("AES-GCM encryption failed in provider " + envelope.ciphers.providerName(), e);
        }
        slot.addBytes(len);
        if (fin) {
            close();
        }
        return w;
    }

    private int segmented(byte[] in, int off, int len, byte[] out, int outOff, boolean fin) {
        if (segments == null) {
            segments = new Segments(envelope.ciphers, cipher, streamKey, header, aad.toByteArray());
            streamKey = null;
            buffer = new byte[segmentSize];
        }
        int s = segmentSize;
        int w = 0;
        if (buffered > 0 && buffered + len >= s) {
            int take = s - buffered;
            w += segments.seal(buffer, 0, buffered, in, off, take, false, out, outOff);
            off += take;
            len -= take;
            buffered = 0;
        }
        if (buffered == 0) {
            for (; len >= s; off += s, len -= s) {
                w += segments.seal(NONE, 0, 0, in, off, s, false, out, outOff + w);
            }
        }
        if (fin) {
            w += segments.seal(buffer, 0, buffered, in, off, len, true, out, outOff + w);
            buffered = 0;
        } else {
            System.arraycopy(in, off, buffer, buffered, len);
            buffered += len;
        }
        return w;
    }

    private void checkActive() {
        if (done) {
            throw new IllegalStateException("the encryptor is finished (doFinal or close was called)");
        }
    }

    /** Zeroes the stream key and buffered plaintext and returns the cipher to its pool; idempotent. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        if (segments != null) {
            segments.destroy();
        }
        if (streamKey != null) {
            Arrays.fill(streamKey, (byte) 0);
        }
        if (buffer != null) {
            Arrays.fill(buffer, (byte) 0);
        }
        envelope.ciphers.giveBack(cipher);
        cipher = null;
    }
}
