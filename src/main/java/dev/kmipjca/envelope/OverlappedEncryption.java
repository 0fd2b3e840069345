package dev.kmipjca.envelope;

import dev.kmipjca.config.KmipSettings;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A segmented envelope written into a file while its data key is being wrapped: the round trip that wraps
 * the data key, and whatever must come before it (opening the client, the TLS handshake), run on a thread
 * of their own while the caller writes the body, instead of before it. The command line's {@code encrypt}
 * writes files this way; the envelope is the one {@link Envelope#encryptingStream} writes, byte for byte
 * in its layout (docs/envelope-format.md).
 *
 * <p>Why it can: a segment's associated data is the header's bulk region, which holds no part of the
 * wrapped key, so segments can be sealed before the wrapped key exists. The header is written first with
 * a key section of zeros, as long as the wrap's will be (a 12-byte nonce and a 48-byte wrapped key under
 * {@code masterKeyId}); {@link #finish()} waits for the wrap and writes the key section in its place. A
 * wrap of another length moves the body.
 *
 * <pre>{@code
 * try (FileChannel ch = FileChannel.open(temp, READ, WRITE, CREATE_NEW);
 *      OverlappedEncryption e = OverlappedEncryption.start(ch, id, () -> KmipEnvelopes.of(client, id), null, aad)) {
 *     in.transferTo(e.body());
 *     e.finish();
 * }
 * }</pre>
 *
 * <p>The master key's State is checked by the wrap, as by any other (a key that is not Active makes
 * {@link #finish()} fail); the file must then be discarded, which is the caller's part (the command line
 * writes a temporary file and renames it only after {@code finish}). Not thread-safe.
 */
public final class OverlappedEncryption implements AutoCloseable {
    private final FileChannel out;
    private final PendingWrap pending;
    private final Envelope local;
    private final OutputStream stream;
    private final int placeholderLength;
    private boolean finished;
    private boolean closed;

    private OverlappedEncryption(FileChannel out, PendingWrap pending, Envelope local, OutputStream stream,
            int placeholderLength) {
        this.out = out;
        this.pending = pending;
        this.local = local;
        this.stream = stream;
        this.placeholderLength = placeholderLength;
    }

    /**
     * Generates a data key, starts wrapping it on a new daemon thread ({@code wrapping} is called there and
     * must return an envelope whose master key is {@code masterKeyId}), and writes the header.
     *
     * @param out an empty file, open for reading and writing (a wrap of unexpected length moves the body),
     *     at position 0; not closed here
     * @param settings the {@code kmip.bulkProvider} and data-key settings, or null for the defaults
     * @param aad associated data, or null
     * @throws IllegalArgumentException when {@code out} is not empty or {@code masterKeyId} is not 1 to 255
     *     UTF-8 bytes
     */
    public static OverlappedEncryption start(FileChannel out, String masterKeyId, Callable<Envelope> wrapping,
            KmipSettings settings, byte[] aad) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(masterKeyId, "masterKeyId");
        Objects.requireNonNull(wrapping, "wrapping");
        if (out.position() != 0 || out.size() != 0) {
            throw new IllegalArgumentException("the output file must be empty and at position 0");
        }
        PendingWrap pending = new PendingWrap(wrapping);
        EnvelopeBuilder b = Envelope.builder(pending).masterKeyId(masterKeyId);
        Envelope local = (settings == null ? b : b.settings(settings)).build();
        try {
            OutputStream s = local.encryptingStream(unclosed(out), aad);
            return new OverlappedEncryption(out, pending, local, s, pending.placeholderLength());
        } catch (KeyWrapException | IOException | RuntimeException e) {
            awaitQuietly(pending); // the wrap thread, if it started, must not outlive us
            local.close();
            if (e instanceof KeyWrapException k) { // not thrown: the pending wrap does not fail
                throw new IOException(k.getMessage(), k);
            }
            if (e instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) e;
        }
    }

    private static void awaitQuietly(PendingWrap pending) {
        try {
            pending.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Who does the bulk AES-256-GCM, and why. */
    public BulkProviderChoice bulkProvider() {
        return local.bulkProvider();
    }

    /** The plaintext goes here. Closing it does not finish the envelope: call {@link #finish()}. */
    public OutputStream body() {
        return unclosing(stream);
    }

    /**
     * Seals the final segment, waits for the data key's wrap and writes its key section. The envelope is
     * then complete; {@code out} is neither forced nor closed.
     *
     * @throws KeyWrapException when the master key could not wrap the data key (its State, the server, the
     *     connection): the file is not an envelope and must be discarded
     * @throws IOException when writing failed, or when {@code wrapping} failed (the cause says why)
     */
    public void finish() throws IOException, KeyWrapException {
        if (finished || closed) {
            throw new IllegalStateException("the envelope is already finished or closed");
        }
        finished = true;
        try {
            stream.close();
            WrappedKey wrapped = pending.result();
            byte[] section = HeaderCodec.keySection(wrapped);
            long bodyStart = Layout.BULK_SEGMENTED + 2L + placeholderLength;
            long bodyLength = out.size() - bodyStart;
            if (section.length != placeholderLength) {
                move(out, bodyStart, Layout.BULK_SEGMENTED + 2L + section.length, bodyLength);
            }
            ByteBuffer patch = ByteBuffer.allocate(2 + section.length).putShort((short) section.length).put(section).flip();
            for (long p = Layout.BULK_SEGMENTED; patch.hasRemaining(); ) {
                p += out.write(patch, p);
            }
        } finally {
            close();
        }
    }

    /**
     * Waits for the wrap thread to end and zeroes the data key. Without {@link #finish()} the file is left
     * unfinished (its key section zeros): discard it.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            awaitQuietly(pending);
        } finally {
            local.close();
        }
    }

    /** Moves {@code length} bytes at {@code from} to {@code to} in {@code ch} (ranges may overlap). */
    static void move(FileChannel ch, long from, long to, long length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(length, 1 << 20));
        long done = 0;
        while (done < length) {
            int n = (int) Math.min(buf.capacity(), length - done);
            // moving forward copies from the end, so that nothing is overwritten before it is read
            long offset = to > from ? length - done - n : done;
            buf.clear().limit(n);
            while (buf.hasRemaining()) {
                if (ch.read(buf, from + offset + buf.position()) < 0) {
                    throw new IOException("the file ended while its body was being moved");
                }
            }
            buf.flip();
            while (buf.hasRemaining()) {
                ch.write(buf, to + offset + buf.position());
            }
            done += n;
        }
        if (to < from) {
            ch.truncate(to + length);
        }
    }

    /** An output stream on {@code ch} at its position, whose close() leaves the channel open. */
    private static OutputStream unclosed(FileChannel ch) {
        return unclosing(Channels.newOutputStream(ch));
    }

    /** {@code s}, except that close() does nothing. */
    private static OutputStream unclosing(OutputStream s) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                s.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                s.write(b, off, len);
            }
        };
    }

    /**
     * The local envelope's key service: its one wrap returns a placeholder of the real wrap's length at
     * once and starts the real wrap on a thread, with a copy of the key that the thread zeroes.
     */
    private static final class PendingWrap implements KeyWrapService {
        private static final int WRAPPED_BYTES = Layout.KEY_BYTES + Layout.TAG_BYTES;

        private final Callable<Envelope> wrapping;
        private final CompletableFuture<WrappedKey> result = new CompletableFuture<>();
        private Thread thread;
        private int placeholderLength;

        PendingWrap(Callable<Envelope> wrapping) {
            this.wrapping = wrapping;
        }

        @Override
        public synchronized WrappedKey wrap(String masterKeyId, byte[] key, byte[] associatedData) {
            if (thread != null) {
                throw new IllegalStateException("an overlapped envelope has one data key");
            }
            byte[] copy = key.clone();
            byte[] aad = associatedData.clone();
            thread = new Thread(() -> {
                try {
                    Envelope e = wrapping.call(); // the caller's (shared envelopes are not closed)
                    if (e == null || !masterKeyId.equals(e.masterKeyId())) {
                        throw new IllegalStateException("the wrapping envelope's master key is "
                                + (e == null ? "missing" : e.masterKeyId()) + ", not " + masterKeyId);
                    }
                    result.complete(e.wrapDataKey(copy, aad));
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                } finally {
                    Arrays.fill(copy, (byte) 0);
                }
            }, "kmip-jca data-key wrap");
            thread.setDaemon(true);
            thread.start();
            WrappedKey placeholder = new WrappedKey(masterKeyId, WrappedKey.AES_256_GCM,
                    new byte[Layout.WRAP_NONCE_BYTES], new byte[WRAPPED_BYTES]);
            placeholderLength = HeaderCodec.keySection(placeholder).length;
            return placeholder;
        }

        @Override
        public byte[] unwrap(WrappedKey wrapped, byte[] associatedData) {
            throw new IllegalStateException("an overlapped envelope only encrypts");
        }

        synchronized int placeholderLength() {
            return placeholderLength;
        }

        /** Waits for the wrap thread, if one was started, to end. */
        void await() throws InterruptedException {
            Thread t;
            synchronized (this) {
                t = thread;
            }
            if (t != null) {
                t.join();
            }
        }

        WrappedKey result() throws IOException, KeyWrapException {
            try {
                return result.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the data key's wrap");
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof KeyWrapException k) {
                    throw k;
                }
                if (c instanceof IOException io) {
                    throw io;
                }
                if (c instanceof RuntimeException r) {
                    throw r;
                }
                if (c instanceof Error err) {
                    throw err;
                }
                throw new IOException("the data key could not be wrapped: " + c.getMessage(), c);
            }
        }
    }
}
