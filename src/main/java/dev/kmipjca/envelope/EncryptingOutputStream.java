package dev.kmipjca.envelope;

import java.io.IOException;
import java.io.OutputStream;
import javax.crypto.ShortBufferException;

/**
 * Writes a segmented envelope of the bytes written to it. Input goes to the encryptor in pieces of up
 * to 256 KiB (whole segments), so memory stays bounded whatever the caller writes at once.
 */
final class EncryptingOutputStream extends OutputStream {
    private static final int PIECE_TARGET_BYTES = 256 << 10;

    private final EnvelopeEncryptor encryptor;
    private final OutputStream out;
    private final byte[] outBuffer;
    private final int piece;
    private final byte[] one = new byte[1];
    private boolean closed;

    EncryptingOutputStream(EnvelopeEncryptor encryptor, OutputStream out, int segmentSize) throws IOException {
        this.encryptor = encryptor;
        this.out = out;
        int segments = Math.max(1, PIECE_TARGET_BYTES / segmentSize);
        this.piece = segments * segmentSize;
        this.outBuffer = new byte[encryptor.headerLength() + segments * (segmentSize + Layout.TAG_BYTES)];
        try {
            out.write(outBuffer, 0, encryptor.update(outBuffer, 0, 0, outBuffer, 0));
        } catch (ShortBufferException | IOException | RuntimeException e) {
            encryptor.close();
            throw e instanceof IOException io ? io : new IOException("cannot start the envelope: " + e, e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        one[0] = (byte) b;
        write(one, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("the envelope stream is closed");
        }
        Buffers.checkRange(b, off, len, "input");
        try {
            while (len > 0) {
                int n = Math.min(piece, len);
                int w = encryptor.update(b, off, n, outBuffer, 0);
                if (w > 0) {
                    out.write(outBuffer, 0, w);
                }
                off += n;
                len -= n;
            }
        } catch (ShortBufferException | RuntimeException e) {
            fail();
            throw new IOException("envelope encryption failed: " + e.getMessage(), e);
        }
    }

    /** Flushes the underlying stream; a partial segment stays buffered until more data or {@link #close()}. */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Writes the final segment and closes the underlying stream. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (OutputStream o = out) {
            int w = encryptor.doFinal(outBuffer, 0, 0, outBuffer, 0);
            o.write(outBuffer, 0, w);
        } catch (ShortBufferException | RuntimeException e) {
            throw new IOException("envelope encryption failed: " + e.getMessage(), e);
        } finally {
            encryptor.close();
        }
    }

    private void fail() {
        closed = true;
        encryptor.close();
    }
}
