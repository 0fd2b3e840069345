package dev.kmipjca.cli;

import dev.kmipjca.envelope.EnvelopeFormatException;
import dev.kmipjca.envelope.KeyWrapException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writing a file atomically from a stream, as the keystore's {@code AtomicWrite} writes keystore files:
 * a temporary file {@code .NAME.<digits>.tmp} beside it (owner-only), flushed to disk, given the
 * replaced file's POSIX permissions, renamed over it with {@code ATOMIC_MOVE}, then the directory
 * flushed so that the rename survives a crash. A symbolic link is followed: the file it points to is
 * replaced and the link kept. Where the file system cannot rename atomically the write is refused
 * ({@link NotAtomicException}), never done by a plain copy; on any failure the target is untouched and
 * the temporary file removed.
 */
final class AtomicFiles {
    interface Body {
        boolean writeTo(OutputStream out) throws IOException, EnvelopeFormatException, GeneralSecurityException,
                KeyWrapException;
    }

    /** The steps a test may observe ({@link #done}) or replace ({@link #move}). */
    interface Steps {
        /** Renames {@code temp} over {@code target} atomically, or throws {@code AtomicMoveNotSupportedException}. */
        default void move(Path temp, Path target) throws IOException {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        /** Called once each stage is done, with the temporary file, the target or the directory. */
        default void done(Stage stage, Path path) {
        }
    }

    enum Stage { TEMP_SYNCED, MOVED, DIRECTORY_SYNCED }

    /** The write could not be atomic; nothing was changed. */
    static final class NotAtomicException extends IOException {
        private static final long serialVersionUID = 1L;

        NotAtomicException(Path file, AtomicMoveNotSupportedException cause) {
            super("cannot replace " + file + " atomically (this file system cannot rename over it in one step): it is"
                    + " left as it was", cause);
        }
    }

    static final Steps REAL = new Steps() { };
    /** The temporary files of this class and of keystore's AtomicWrite ({@code .tmp}) and FileOutput ({@code .part}). */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.[0-9]+\\.(tmp|part)");
    private static final System.Logger LOG = System.getLogger("dev.kmipjca.cli");

    private AtomicFiles() {
    }

    /** True for a name of the temporary files that an interrupted write of ours leaves behind. */
    static boolean isTemporary(Path file) {
        Path name = file.getFileName();
        return name != null && TEMPORARY.matcher(name.toString()).matches();
    }

    static boolean write(Path target, Body body)
            throws IOException, EnvelopeFormatException, GeneralSecurityException, KeyWrapException {
        return write(target, body, REAL);
    }

    /** Returns what {@code body} returned; on failure {@code target} is untouched and the temporary file gone. */
    static boolean write(Path target, Body body, Steps steps)
            throws IOException, EnvelopeFormatException, GeneralSecurityException, KeyWrapException {
        Path file = Files.isSymbolicLink(target) ? target.toRealPath() : target.toAbsolutePath();
        Path dir = file.getParent();
        Set<PosixFilePermission> keep = existingPermissions(file);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp"); // owner-only on POSIX
        boolean done = false;
        try {
            boolean result;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                BufferedOutputStream os = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                result = body.writeTo(os);
                os.flush();
                ch.force(true);
            }
            steps.done(Stage.TEMP_SYNCED, tmp);
            if (keep != null) {
                Files.setPosixFilePermissions(tmp, keep);
            }
            try {
                steps.move(tmp, file);
            } catch (AtomicMoveNotSupportedException e) {
                throw new NotAtomicException(file, e);
            }
            done = true;
            steps.done(Stage.MOVED, file);
            syncDirectory(dir, steps);
            return result;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static Set<PosixFilePermission> existingPermissions(Path file) throws IOException {
        if (!Files.exists(file) || Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
            return null;
        }
        return Files.getPosixFilePermissions(file);
    }

    /** Makes the rename durable (POSIX); where directories cannot be opened (Windows) there is nothing to do. */
    private static void syncDirectory(Path dir, Steps steps) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
            steps.done(Stage.DIRECTORY_SYNCED, dir);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot flush directory " + dir + ": " + e);
        }
    }
}
