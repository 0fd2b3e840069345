package dev.kmipjca.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The output of {@code encrypt}/{@code decrypt}: a temporary file in the output's directory, renamed to
 * the output by {@link #commit()} and removed by {@link #close()} if not committed, so that a failure
 * never leaves a partial or unverified file and an existing output stays as it was. {@code -} is
 * standard output, which is never closed: what was written to it before a failure stays written
 * ({@link #stdoutBytes()} says how much).
 * Like {@code cp}, the file is not fsynced.
 */
final class FileOutput implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean committed;

    private FileOutput(Path target, Path temp, FileChannel channel, OutputStream stream) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.stream = stream;
    }

    static FileOutput open(String name, PrintStream stdout) throws IOException {
        if ("-".equals(name)) {
            return new FileOutput(null, null, null, new Stdout(stdout));
        }
        Path target = Path.of(name).toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new IOException("--out " + name + " is a directory");
        }
        Path dir = target.getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        FileChannel ch;
        try {
            ch = FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return new FileOutput(target, temp, ch, Channels.newOutputStream(ch));
    }

    OutputStream stream() {
        return stream;
    }

    /** The temporary file, empty and at position 0 until written; null for standard output. */
    FileChannel channel() {
        return channel;
    }

    /** Bytes written so far to standard output; 0 for a file (nothing reaches it before {@link #commit()}). */
    long stdoutBytes() {
        return stream instanceof Stdout s ? s.written : 0;
    }

    /** Closes the temporary file and renames it to the output. */
    void commit() throws IOException {
        stream.close();
        if (temp != null) {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
    }

    /** Without {@link #commit()}: closes and removes the temporary file. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        try {
            stream.close();
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Standard output, counted, and flushed rather than closed. */
    private static final class Stdout extends FilterOutputStream {
        long written;

        Stdout(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            written += len;
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
