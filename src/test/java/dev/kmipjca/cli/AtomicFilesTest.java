package dev.kmipjca.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-place writes of the command line: flushed, atomic or refused, permissions kept, symbolic links kept. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    static AtomicFiles.Body text(String s) {
        return out -> {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            return true;
        };
    }

    List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void write_flushesTheTemporaryFile_movesIt_thenFlushesTheDirectory_inThatOrder() throws Exception {
        Path target = Files.writeString(dir.resolve("a.env"), "old");
        List<String> stages = new ArrayList<>();
        AtomicFiles.write(target, text("new"), new AtomicFiles.Steps() {
            @Override
            public void done(AtomicFiles.Stage stage, Path path) {
                stages.add(stage + " " + (stage == AtomicFiles.Stage.TEMP_SYNCED ? AtomicFiles.isTemporary(path)
                        : path.equals(stage == AtomicFiles.Stage.MOVED ? target : dir)));
            }
        });
        assertEquals(List.of("TEMP_SYNCED true", "MOVED true", "DIRECTORY_SYNCED true"), stages);
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("a.env"), names(), "no temporary file left");
    }

    @Test
    void write_replacedFileKeepsItsPermissions_newFileIsOwnerOnly() throws Exception {
        Path target = Files.writeString(dir.resolve("shared.env"), "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.write(target, text("new"));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        Path fresh = dir.resolve("fresh.env");
        AtomicFiles.write(fresh, text("new"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }

    @Test
    void write_symbolicLink_replacesTheFileItPointsTo_andKeepsTheLink() throws Exception {
        Path real = Files.writeString(Files.createDirectory(dir.resolve("real")).resolve("data.env"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.env"), real);
        AtomicFiles.write(link, text("new"));
        assertTrue(Files.isSymbolicLink(link), "still a link");
        assertEquals(real, Files.readSymbolicLink(link));
        assertEquals("new", Files.readString(real));
    }

    @Test
    void write_noAtomicMove_refusedNamingTheFile_targetUntouched_temporaryFileRemoved() throws Exception {
        Path target = Files.writeString(dir.resolve("b.env"), "old");
        AtomicFiles.NotAtomicException e = assertThrows(AtomicFiles.NotAtomicException.class,
                () -> AtomicFiles.write(target, text("new"), new AtomicFiles.Steps() {
                    @Override
                    public void move(Path temp, Path to) throws AtomicMoveNotSupportedException {
                        throw new AtomicMoveNotSupportedException(temp.toString(), to.toString(), "injected");
                    }
                }));
        assertEquals("cannot replace " + target + " atomically (this file system cannot rename over it in one step):"
                + " it is left as it was", e.getMessage());
        assertInstanceOf(AtomicMoveNotSupportedException.class, e.getCause());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("b.env"), names());
    }

    @Test
    void isTemporary_matchesOurTemporaryFileNamesOnly() {
        for (String ours : new String[] {".a.env.123456789.tmp", ".x.kmip.18446744073709551615.tmp", ".out.bin.42.part"}) {
            assertTrue(AtomicFiles.isTemporary(Path.of("d", ours)), ours);
        }
        for (String theirs : new String[] {"a.env", "a.tmp", ".a.tmp", ".a.env.tmp", ".a.env.12x.tmp", "a.env.1.tmp",
            ".a.env.1.tmp.bak", ".hidden"}) {
            assertFalse(AtomicFiles.isTemporary(Path.of("d", theirs)), theirs);
        }
    }
}
