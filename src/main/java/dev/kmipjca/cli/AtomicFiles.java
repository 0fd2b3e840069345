package dev.kmipjca.cli;

import dev.kmipjca.envelope.EnvelopeFormatException;
import dev.kmipjca.envelope.KeyWrapException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;

/** Writing a file atomically from a stream: a temporary file beside it, flushed to disk, renamed over it. */
final class AtomicFiles {
    interface Body {
        boolean writeTo(OutputStream out) throws IOException, EnvelopeFormatException, GeneralSecurityException,
                KeyWrapException;
    }

    private AtomicFiles() {
    }

    /** Returns what {@code body} returned; on failure {@code target} is untouched and the temporary file gone. */
    static boolean write(Path target, Body body)
            throws IOException, EnvelopeFormatException, GeneralSecurityException, KeyWrapException {
        Path abs = target.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
        boolean done = false;
        try {
            boolean result;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                java.io.BufferedOutputStream os = new java.io.BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                result = body.writeTo(os);
                os.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            return result;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
