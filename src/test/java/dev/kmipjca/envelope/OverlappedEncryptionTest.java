package dev.kmipjca.envelope;

import static dev.kmipjca.envelope.Fixtures.MASTER;
import static dev.kmipjca.envelope.Fixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OverlappedEncryptionTest {
    private static final int S = Layout.DEFAULT_SEGMENT_BYTES;
    private static final byte[] AAD = "file name".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final InMemoryKeyWrapService service = new InMemoryKeyWrapService(MASTER);
    private final Envelope wrapping = Envelope.builder(service).masterKeyId(MASTER).build();
    private final Envelope reader = Envelope.builder(service).build();

    @AfterEach
    void closeEnvelopes() {
        wrapping.close();
        reader.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, S - 1, S, S + 1, 3 * S + 17})
    void overlappedFile_decryptsWithAnyEnvelopeOfTheMasterKey(int size) throws Exception {
        byte[] plain = bytes(size, size);
        byte[] file = encrypt(plain, () -> wrapping);

        assertArrayEquals(plain, reader.decrypt(file, AAD));
        assertArrayEquals(plain, Fixtures.streamDecrypt(reader, file, AAD, 4096));
        assertEquals(1, service.wraps.get());
        // the layout of Envelope.encryptingStream: segmented form, the key section names the master key
        HeaderCodec.Parsed h = HeaderCodec.parse(file, file.length);
        assertEquals(MASTER, HeaderCodec.wrappedKey(file, h).masterKeyId());
        assertEquals(Layout.FORM_SEGMENTED, file[Layout.OFF_FORM]);
        int segments = size / S + 1;
        assertEquals(h.length + size + 16L * segments, file.length);
    }

    @Test
    void body_isWrittenWhileTheWrapIsStillWaiting_andFinishWaitsForIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> wrapThread = new AtomicReference<>();
        Callable<Envelope> slow = () -> {
            wrapThread.set(Thread.currentThread().getName());
            assertTrue(release.await(30, TimeUnit.SECONDS));
            return wrapping;
        };
        byte[] plain = bytes(5 * S, 5);
        Path f = dir.resolve("slow.kje");
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
             OverlappedEncryption e = OverlappedEncryption.start(ch, MASTER, slow, null, AAD)) {
            e.body().write(plain);
            // the whole body is on disk, and nothing was wrapped yet
            assertEquals(0, service.wraps.get());
            assertTrue(ch.size() > 5L * S);
            release.countDown();
            e.finish();
        }
        assertEquals("kmip-jca data-key wrap", wrapThread.get());
        assertArrayEquals(plain, reader.decrypt(Files.readAllBytes(f), AAD));
    }

    @Test
    void wrapRefused_finishThrowsTheKeyWrapException_andTheFileIsNoEnvelope() throws Exception {
        service.unavailable = true;
        Path f = dir.resolve("refused.kje");
        KeyWrapException x;
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
             OverlappedEncryption e = OverlappedEncryption.start(ch, MASTER, () -> wrapping, null, AAD)) {
            e.body().write(bytes(1000, 1));
            x = assertThrows(KeyWrapException.class, e::finish);
        }
        assertEquals(KeyWrapException.Kind.UNAVAILABLE, x.kind());
        service.unavailable = false;
        byte[] left = Files.readAllBytes(f);
        // the key section is still the placeholder: its unwrap fails authentication
        AEADBadTagException y = assertThrows(AEADBadTagException.class, () -> reader.decrypt(left, AAD));
        assertEquals(KeyWrapException.Kind.AUTHENTICATION_FAILED, ((KeyWrapException) y.getCause()).kind());
    }

    @Test
    void wrappingEnvelopeCannotBeMade_finishThrowsAnIOExceptionWithTheCause() throws Exception {
        Exception cause = new Exception("no client: bad credentials");
        try (FileChannel ch = FileChannel.open(dir.resolve("c.kje"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
             OverlappedEncryption e = OverlappedEncryption.start(ch, MASTER, () -> {
                 throw cause;
             }, null, null)) {
            e.body().write(1);
            IOException x = assertThrows(IOException.class, e::finish);
            assertSame(cause, x.getCause());
            assertEquals("the data key could not be wrapped: no client: bad credentials", x.getMessage());
        }
    }

    @Test
    void wrappingEnvelopeOfAnotherMasterKey_isRefusedByName() throws Exception {
        service.addMasterKey("master-2");
        try (Envelope other = Envelope.builder(service).masterKeyId("master-2").build();
             FileChannel ch = FileChannel.open(dir.resolve("o.kje"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
             OverlappedEncryption e = OverlappedEncryption.start(ch, MASTER, () -> other, null, null)) {
            IllegalStateException x = assertThrows(IllegalStateException.class, e::finish);
            assertEquals("the wrapping envelope's master key is master-2, not master-1", x.getMessage());
        }
        assertEquals(0, service.wraps.get());
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 48, 64, 200})
    void wrapOfAnotherLength_movesTheBody_andTheFileDecrypts(int wrappedBytes) throws Exception {
        // a wrap service whose wrapped keys are longer or shorter than AES-GCM's 48 bytes
        KeyWrapService odd = new KeyWrapService() {
            @Override
            public WrappedKey wrap(String id, byte[] key, byte[] ad) throws KeyWrapException {
                WrappedKey w = service.wrap(id, key, ad);
                byte[] ct = Arrays.copyOf(w.ciphertext(), wrappedBytes);
                return new WrappedKey(id, w.algorithm(), w.nonce(), ct);
            }

            @Override
            public byte[] unwrap(WrappedKey w, byte[] ad) throws KeyWrapException {
                byte[] ct = w.ciphertext();
                assertEquals(wrappedBytes, ct.length);
                return Arrays.copyOf(ct, 32); // the test reads back only the length, not the key
            }
        };
        byte[] plain = bytes(2 * S + 5, 9);
        try (Envelope oddWrapping = Envelope.builder(odd).masterKeyId(MASTER).build()) {
            byte[] file = encrypt(plain, () -> oddWrapping);
            HeaderCodec.Parsed h = HeaderCodec.parse(file, file.length);
            assertEquals(wrappedBytes, HeaderCodec.wrappedKey(file, h).ciphertext().length);
            int segments = plain.length / S + 1;
            assertEquals(h.length + plain.length + 16L * segments, file.length);
            // with the real wrapped key put back in, the body (moved intact) decrypts
            if (wrappedBytes >= 48) {
                WrappedKey w = HeaderCodec.wrappedKey(file, h);
                WrappedKey real = new WrappedKey(MASTER, w.algorithm(), w.nonce(), Arrays.copyOf(w.ciphertext(), 48));
                byte[] fixed = concat(headerWith(file, h, real), Arrays.copyOfRange(file, h.length, file.length));
                assertArrayEquals(plain, reader.decrypt(fixed, AAD));
            }
        }
    }

    @Test
    void move_copiesOverlappingRangesBothWays() throws Exception {
        Path f = dir.resolve("m");
        byte[] data = bytes(3 << 20, 3);
        Files.write(f, data);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            OverlappedEncryption.move(ch, 10, 1000, data.length - 10); // forward, overlapping
            assertEquals(data.length + 990, ch.size());
            assertArrayEquals(Arrays.copyOfRange(data, 10, data.length), read(ch, 1000, data.length - 10));
            OverlappedEncryption.move(ch, 1000, 7, data.length - 10); // back, overlapping, truncates
            assertEquals(data.length - 3, ch.size());
            assertArrayEquals(Arrays.copyOfRange(data, 10, data.length), read(ch, 7, data.length - 10));
        }
    }

    @Test
    void start_onAFileThatIsNotEmpty_isRefused() throws Exception {
        Path f = dir.resolve("full");
        Files.write(f, new byte[] {1});
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                    () -> OverlappedEncryption.start(ch, MASTER, () -> wrapping, null, null));
            assertEquals("the output file must be empty and at position 0", x.getMessage());
        }
        assertEquals(0, service.wraps.get());
    }

    @Test
    void closeWithoutFinish_waitsForTheWrapThread_andRefusesFinishAfterwards() throws Exception {
        try (FileChannel ch = FileChannel.open(dir.resolve("a.kje"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            OverlappedEncryption e = OverlappedEncryption.start(ch, MASTER, () -> {
                Thread.sleep(200);
                return wrapping;
            }, null, null);
            e.body().write(bytes(100, 1));
            e.close();
            assertEquals(1, service.wraps.get()); // the wrap had ended when close returned
            assertThrows(IllegalStateException.class, e::finish);
        }
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("kmip-jca data-key wrap") && t.isAlive()));
    }

    private byte[] encrypt(byte[] plain, Callable<Envelope> w) throws Exception {
        Path f = Files.createTempFile(dir, "e", ".kje");
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE, StandardOpenOption.READ);
             OverlappedEncryption e = OverlappedEncryption.start(ch, MASTER, w, null, AAD)) {
            OutputStream body = e.body();
            for (int off = 0; off < plain.length; off += 10_000) {
                body.write(plain, off, Math.min(10_000, plain.length - off));
            }
            e.finish();
        }
        return Files.readAllBytes(f);
    }

    private static byte[] headerWith(byte[] file, HeaderCodec.Parsed h, WrappedKey w) {
        byte[] bulk = Arrays.copyOf(file, Layout.BULK_SEGMENTED);
        byte[] section = HeaderCodec.keySection(w);
        byte[] length = {(byte) (section.length >> 8), (byte) section.length};
        return concat(concat(bulk, length), section);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] read(FileChannel ch, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            ch.read(b, pos + b.position());
        }
        return b.array();
    }
}
