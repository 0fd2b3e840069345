package dev.kmipjca.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Reads the plaintext of an envelope from an underlying stream. The header is read when the stream is
 * opened; the body is read in pieces of up to 256 KiB of whole segments and each verified segment is
 * handed out. When the caller's buffer is large enough, plaintext is decrypted straight into it.
 */
final class DecryptingInputStream extends InputStream {
    private static final int PIECE_TARGET_BYTES = 256 << 10;
    private static final byte[] NONE = new byte[0];

    private final EnvelopeDecryptor decryptor;
    private final InputStream in;
    private final byte[] inBuffer;
    private byte[] outBuffer = NONE;
    private int outPos;
    private int outLimit;
    private boolean eof;
    private boolean closed;

    private DecryptingInputStream(EnvelopeDecryptor decryptor, InputStream in, int chunk) {
        this.decryptor = decryptor;
        this.in = in;
        this.inBuffer = new byte[Math.max(1, PIECE_TARGET_BYTES / chunk) * chunk];
    }

    /** Reads the header from {@code in} (every length checked before it is read) and sets up decryption. */
    static DecryptingInputStream open(EnvelopeDecryptor decryptor, InputStream in)
            throws IOException, GeneralSecurityException, KeyWrapException {
        byte[] header = new byte[Layout.MAX_HEADER_BYTES];
        int have = 0;
        try {
            for (int needed = HeaderCodec.needed(header, 0); needed > have; needed = HeaderCodec.needed(header, have)) {
                int n = in.readNBytes(header, have, needed - have);
                have += n;
                if (have < needed) {
                    throw new EnvelopeFormatException(have, "truncated header: " + have + " bytes, at least "
                            + needed + " needed");
                }
            }
            decryptor.acceptHeader(header, have);
        } catch (IOException | GeneralSecurityException | KeyWrapException | RuntimeException e) {
            decryptor.close();
            throw e;
        }
        HeaderCodec.Parsed h = HeaderCodec.parse(header, have);
        int chunk = h.form == Layout.FORM_SEGMENTED ? h.segmentSize + Layout.TAG_BYTES : 64 << 10;
        return new DecryptingInputStream(decryptor, in, chunk);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Buffers.checkRange(b, off, len, "buffer");
        if (closed) {
            throw new IOException("the envelope stream is closed");
        }
        if (len == 0) {
            return 0;
        }
        while (outPos == outLimit) {
            if (eof) {
                return -1;
            }
            int direct = fill(b, off, len);
            if (direct > 0) {
                return direct;
            }
        }
        int n = Math.min(len, outLimit - outPos);
        System.arraycopy(outBuffer, outPos, b, off, n);
        outPos += n;
        return n;
    }

    /** Reads one piece and decrypts it: straight into {@code b} when it fits (returning the count), else buffered. */
    private int fill(byte[] b, int off, int len) throws IOException {
        try {
            int n = in.read(inBuffer);
            if (n < 0) {
                eof = true;
                int need = decryptor.getOutputSize(0);
                if (need <= len) {
                    return decryptor.doFinal(inBuffer, 0, 0, b, off);
                }
                ensure(need);
                outLimit = decryptor.doFinal(inBuffer, 0, 0, outBuffer, 0);
            } else {
                int need = decryptor.getUpdateOutputSize(n);
                if (need <= len) {
                    return decryptor.update(inBuffer, 0, n, b, off);
                }
                ensure(need);
                outLimit = decryptor.update(inBuffer, 0, n, outBuffer, 0);
            }
            outPos = 0;
            return 0;
        } catch (GeneralSecurityException | KeyWrapException e) {
            closed = true;
            throw new IOException("envelope decryption failed: " + e.getMessage(), e);
        }
    }

    private void ensure(int size) {
        if (outBuffer.length < size) {
            outBuffer = new byte[size];
        }
    }

    @Override
    public int available() {
        return outLimit - outPos;
    }

    /** Closes the underlying stream; plaintext not yet read is zeroed. The rest of the envelope is not verified. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            decryptor.close();
            Arrays.fill(outBuffer, (byte) 0);
        }
        in.close();
    }
}
