package dev.kmipjca.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Crash-safe file replacement: the bytes go to a temporary file in the same directory (created
 * owner-only on POSIX file systems), which is flushed to disk, renamed over the target and followed
 * by a flush of the directory. A reader sees the old file or the new one, never a mix, and a file
 * whose write returned survives a crash. Temporary files start with {@code .} and end with
 * {@link #TEMP_SUFFIX}; the store ignores and removes them at start.
 */
final class AtomicFiles {
    static final String TEMP_SUFFIX = ".tmp";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {}

    /** Replaces {@code file} with {@code data}; mode 0600 when {@code ownerOnly}, else 0644. */
    static void write(Path file, byte[] data, boolean ownerOnly) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Set<PosixFilePermission> perms = ownerOnly ? OWNER_ONLY : WORLD_READABLE;
        Path tmp = createTemp(dir, "." + file.getFileName(), perms);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(data);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Sets owner-only permissions where the file system has POSIX permissions. */
    static void restrict(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static Path createTemp(Path dir, String prefix, Set<PosixFilePermission> perms) throws IOException {
        try {
            FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(perms);
            Path tmp = Files.createTempFile(dir, prefix, TEMP_SUFFIX, attr);
            Files.setPosixFilePermissions(tmp, perms);
            return tmp;
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile(dir, prefix, TEMP_SUFFIX);
        }
    }

    /** Flushes a directory's entries (the rename) to disk; a no-op where directories cannot be opened. */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms (Windows) cannot open a directory; the rename is then as durable as the OS makes it.
        }
    }
}
