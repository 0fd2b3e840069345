package dev.kmipjca.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Moves the file I/O of {@code encrypt} and {@code decrypt} to threads of their own, so that reading,
 * AES-GCM and writing overlap on a machine with more than one core (on two cores a 1 GiB file spends
 * about as long in the kernel's copies as in the cipher). Data goes through a few 1 MiB buffers handed
 * over by blocking queues; memory stays bounded ({@link #BUFFERS} buffers a direction). A failure on the
 * I/O thread is rethrown to the command's thread at its next read or write, or at close.
 */
final class Pipe {
    static final int BUFFER_BYTES = 1 << 20;
    static final int BUFFERS = 3;
    private static final long READER_JOIN_MILLIS = 2000;

    private Pipe() {
    }

    /** A filled buffer; {@code length} -1 marks the end, {@code failure} non-null an I/O failure. */
    private record Chunk(byte[] bytes, int length, IOException failure) {
        static final Chunk END = new Chunk(null, -1, null);
    }

    private static IOException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException x = new InterruptedIOException("interrupted while waiting for file I/O");
        x.initCause(e);
        return x;
    }

    /** An input stream whose bytes a daemon thread reads ahead from {@code source}. */
    static InputStream readAhead(InputStream source, String name) {
        return new ReadAhead(source, name);
    }

    /** An output stream whose bytes a daemon thread writes to {@code sink}; {@link OutputStream#close()} waits for it. */
    static OutputStream writeBehind(OutputStream sink, String name) {
        return new WriteBehind(sink, name);
    }

    private static final class ReadAhead extends InputStream {
        private final InputStream source;
        private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS);
        private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS + 1);
        private final Thread reader;
        private volatile boolean closed;
        private Chunk current;
        private int position;
        private boolean ended;

        ReadAhead(InputStream source, String name) {
            this.source = source;
            for (int i = 0; i < BUFFERS; i++) {
                free.add(new byte[BUFFER_BYTES]);
            }
            reader = new Thread(this::run, "kmip-jca reader: " + name);
            reader.setDaemon(true);
            reader.start();
        }

        private void run() {
            try {
                while (!closed) {
                    byte[] b = free.take();
                    int n = source.readNBytes(b, 0, b.length);
                    if (n == 0) {
                        full.put(Chunk.END);
                        return;
                    }
                    full.put(new Chunk(b, n, null));
                }
            } catch (IOException e) {
                try {
                    full.put(new Chunk(null, 0, e));
                } catch (InterruptedException closed) {
                    // the stream was closed: nobody reads the failure
                }
            } catch (InterruptedException e) {
                // closed
            }
        }

        private boolean next() throws IOException {
            if (current != null && position < current.length()) {
                return true;
            }
            if (ended) {
                return false;
            }
            if (current != null) {
                free.add(current.bytes());
                current = null;
            }
            Chunk c;
            try {
                c = full.take();
            } catch (InterruptedException e) {
                throw interrupted(e);
            }
            if (c.failure() != null) {
                ended = true;
                throw new IOException(c.failure().getMessage(), c.failure());
            }
            if (c.length() < 0) {
                ended = true;
                return false;
            }
            current = c;
            position = 0;
            return true;
        }

        @Override
        public int read() throws IOException {
            return next() ? current.bytes()[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (!next()) {
                return -1;
            }
            int n = Math.min(len, current.length() - position);
            System.arraycopy(current.bytes(), position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            reader.interrupt();
            try {
                reader.join(READER_JOIN_MILLIS); // a read of standard input may block: do not wait for it forever
            } catch (InterruptedException e) {
                throw interrupted(e);
            } finally {
                source.close();
            }
        }
    }

    private static final class WriteBehind extends OutputStream {
        private final OutputStream sink;
        private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS + 1);
        private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
        private final Thread writer;
        private volatile IOException failure;
        private byte[] current;
        private int position;
        private boolean closed;

        WriteBehind(OutputStream sink, String name) {
            this.sink = sink;
            for (int i = 0; i < BUFFERS - 1; i++) {
                free.add(new byte[BUFFER_BYTES]);
            }
            current = new byte[BUFFER_BYTES];
            writer = new Thread(this::run, "kmip-jca writer: " + name);
            writer.setDaemon(true);
            writer.start();
        }

        private void run() {
            try {
                for (Chunk c; (c = full.take()).length() >= 0; ) {
                    if (failure == null) {
                        try {
                            sink.write(c.bytes(), 0, c.length());
                        } catch (IOException e) {
                            failure = e;
                        }
                    }
                    free.put(c.bytes());
                }
            } catch (InterruptedException e) {
                // abandoned
            }
        }

        private void check() throws IOException {
            IOException f = failure;
            if (f != null) {
                throw new IOException(f.getMessage(), f);
            }
            if (closed) {
                throw new IOException("stream closed");
            }
        }

        private void hand() throws IOException {
            try {
                full.put(new Chunk(current, position, null));
                current = free.take();
            } catch (InterruptedException e) {
                throw interrupted(e);
            }
            position = 0;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            check();
            while (len > 0) {
                int n = Math.min(len, current.length - position);
                System.arraycopy(b, off, current, position, n);
                position += n;
                off += n;
                len -= n;
                if (position == current.length) {
                    hand();
                }
            }
        }

        /** Hands over what is buffered (the writer thread writes it soon; {@link #close()} waits for it). */
        @Override
        public void flush() throws IOException {
            check();
            if (position > 0) {
                hand();
            }
        }

        /** Writes everything still buffered, waits for the writer thread, then closes the sink. */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            try {
                if (failure == null && position > 0) {
                    hand();
                }
                full.put(Chunk.END);
                writer.join();
            } catch (InterruptedException e) {
                writer.interrupt();
                throw interrupted(e);
            } finally {
                closed = true;
                Arrays.fill(current, (byte) 0);
                sink.close();
            }
            IOException f = failure;
            if (f != null) {
                throw new IOException(f.getMessage(), f);
            }
        }
    }
}
