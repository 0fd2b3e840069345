package dev.kmipjca.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {
    @TempDir
    Path dir;
    private Path target;
    private byte[] old;
    private InMemoryKeyWrapService wrap;
    private KeystoreContents ks;

    @BeforeEach
    void existingKeystore() throws Exception {
        wrap = new InMemoryKeyWrapService();
        wrap.createMasterKey("mk-1");
        target = dir.resolve("client.kmip");
        Files.write(target, TestEntries.settingsBytes());
        ks = KeystoreContents.create(KeystoreFile.read(target), "mk-1", wrap);
        ks.writeAtomically(target);
        old = Files.readAllBytes(target);
        for (int i = 0; i < 300; i++) {
            ks.put("key-" + i, TestEntries.rsaEntry());
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void write_replacesTheFile_andLeavesNoTemporaryFile() throws Exception {
        assertEquals(0, KeystoreFile.parse(old).entryCount());
        ks.writeAtomically(target);
        assertArrayEquals(ks.serialize(), Files.readAllBytes(target));
        assertEquals(List.of(target), files());
        assertEquals(300, KeystoreFile.read(target).entryCount());
    }

    @Test
    void failureAtAnyStageBeforeTheRename_keepsTheOldFile_andRemovesTheTemporaryFile() throws Exception {
        assertTrue(ks.serialize().length > 3 * 64 * 1024, "large enough to be written in several chunks");
        for (AtomicWrite.Stage stage : List.of(AtomicWrite.Stage.CREATED, AtomicWrite.Stage.PARTLY_WRITTEN,
                AtomicWrite.Stage.SYNCED, AtomicWrite.Stage.BEFORE_RENAME)) {
            List<Path> temps = new ArrayList<>();
            IOException injected = new IOException("disk full (injected at " + stage + ")");
            IOException e = assertThrows(IOException.class, () -> ks.writeAtomically(target, (s, temp) -> {
                temps.add(temp);
                assertTrue(Files.exists(temp));
                assertEquals(temp.getParent(), target.getParent(), "the temporary file is in the same directory");
                if (s == stage) {
                    throw injected;
                }
            }));
            assertSame(injected, e);
            assertArrayEquals(old, Files.readAllBytes(target), "old file intact after a failure at " + stage);
            assertEquals(List.of(target), files(), "no temporary file left after a failure at " + stage);
            assertTrue(Files.notExists(temps.get(0)));
        }
    }

    @Test
    void failureMidWrite_afterTheFirstChunk_keepsTheOldFile() throws Exception {
        int[] chunks = {0};
        assertThrows(IOException.class, () -> ks.writeAtomically(target, (s, temp) -> {
            if (s == AtomicWrite.Stage.PARTLY_WRITTEN && ++chunks[0] == 2) {
                assertEquals(2 * 64 * 1024, Files.size(temp), "two chunks written so far");
                throw new IOException("I/O error (injected)");
            }
        }));
        assertArrayEquals(old, Files.readAllBytes(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void runtimeFailure_alsoRemovesTheTemporaryFile() throws Exception {
        assertThrows(IllegalStateException.class, () -> ks.writeAtomically(target, (s, temp) -> {
            if (s == AtomicWrite.Stage.SYNCED) {
                throw new IllegalStateException("bug (injected)");
            }
        }));
        assertArrayEquals(old, Files.readAllBytes(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void replacedFile_keepsItsPermissions_newFileIsOwnerOnly() throws Exception {
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        ks.writeAtomically(target);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        Path fresh = dir.resolve("new.kmip");
        ks.writeAtomically(fresh);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }

    @Test
    void symbolicLink_isFollowed_andStaysALink() throws Exception {
        Path link = dir.resolve("link.kmip");
        Files.createSymbolicLink(link, target.getFileName());
        ks.writeAtomically(link);
        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(ks.serialize(), Files.readAllBytes(target));
        assertNotEquals(old.length, Files.size(target));
    }
}
