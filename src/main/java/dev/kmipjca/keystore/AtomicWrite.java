package dev.kmipjca.keystore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file so that readers see either the old or the new contents, never a mix, even if the
 * process or machine stops midway: the bytes go to a temporary file in the same directory, which is
 * flushed to disk, then renamed over the target atomically, then the directory is flushed so that
 * the rename itself is durable. If anything fails before the rename, the temporary file is removed
 * and the target is untouched.
 *
 * <p>A new file gets owner-only permissions where the file system has POSIX permissions; a replaced
 * file keeps its permissions. A symbolic link is followed: the file it points to is replaced.
 */
final class AtomicWrite {
    /** Where a test may inject a failure. */
    enum Stage { CREATED, PARTLY_WRITTEN, SYNCED, BEFORE_RENAME }

    /** Called at each stage; throwing aborts the write. */
    interface Hook {
        void at(Stage stage, Path temp) throws IOException;
    }

    static final Hook NONE = (stage, temp) -> { };
    private static final int CHUNK = 64 * 1024;
    private static final System.Logger LOG = System.getLogger(AtomicWrite.class.getName());

    private AtomicWrite() {
    }

    static void write(Path target, byte[] contents, Hook hook) throws IOException {
        Path file = Files.isSymbolicLink(target) ? target.toRealPath() : target.toAbsolutePath();
        Path dir = file.getParent();
        Set<PosixFilePermission> keep = existingPermissions(file);
        Path temp = createTemp(dir, file.getFileName().toString());
        try {
            hook.at(Stage.CREATED, temp);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(contents);
                while (buf.hasRemaining()) {
                    buf.limit(Math.min(buf.capacity(), buf.position() + CHUNK));
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    buf.limit(buf.capacity());
                    hook.at(Stage.PARTLY_WRITTEN, temp);
                }
                ch.force(true);
            }
            hook.at(Stage.SYNCED, temp);
            if (keep != null) {
                Files.setPosixFilePermissions(temp, keep);
            }
            hook.at(Stage.BEFORE_RENAME, temp);
            move(temp, file);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        syncDirectory(dir);
    }

    private static Path createTemp(Path dir, String name) throws IOException {
        String prefix = "." + name + ".";
        if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly =
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            return Files.createTempFile(dir, prefix, ".tmp", ownerOnly);
        }
        return Files.createTempFile(dir, prefix, ".tmp");
    }

    private static Set<PosixFilePermission> existingPermissions(Path file) throws IOException {
        if (!Files.exists(file) || Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
            return null;
        }
        return Files.getPosixFilePermissions(file);
    }

    private static void move(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + file + " atomically on this file system: " + e.getMessage(), e);
        }
    }

    /** Makes the rename durable (POSIX); where directories cannot be opened (Windows) there is nothing to do. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot flush directory " + dir + ": " + e);
        }
    }
}
