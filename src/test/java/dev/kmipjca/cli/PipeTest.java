package dev.kmipjca.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PipeTest {
    private static final int MIB = Pipe.BUFFER_BYTES;

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new SplittableRandom(n).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, MIB - 1, MIB, MIB + 1, 5 * MIB + 7})
    void readAhead_deliversEveryByteInOrder_whateverTheReadSizes(int size) throws IOException {
        byte[] data = random(size);
        AtomicBoolean closed = new AtomicBoolean();
        InputStream source = new ByteArrayInputStream(data) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        SplittableRandom r = new SplittableRandom(1);
        try (InputStream in = Pipe.readAhead(source, "test")) {
            byte[] buf = new byte[3 * MIB];
            for (int n; ; ) {
                if (r.nextInt(10) == 0) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    got.write(b);
                    continue;
                }
                n = in.read(buf, 5, 1 + r.nextInt(2 * MIB));
                if (n < 0) {
                    break;
                }
                got.write(buf, 5, n);
            }
            assertEquals(-1, in.read(), "stays at the end");
        }
        assertArrayEquals(data, got.toByteArray());
        assertTrue(closed.get(), "closing the pipe closes the source");
    }

    @Test
    void readAhead_sourceFailure_isRethrownToTheReaderAfterTheBytesBeforeIt() throws IOException {
        byte[] first = random(MIB);
        InputStream source = new InputStream() {
            private int served;

            @Override
            public int read() {
                throw new AssertionError("not used");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (served >= first.length) {
                    throw new IOException("disk read error at sector 7");
                }
                int n = Math.min(len, first.length - served);
                System.arraycopy(first, served, b, off, n);
                served += n;
                return n;
            }
        };
        try (InputStream in = Pipe.readAhead(source, "test")) {
            assertArrayEquals(first, in.readNBytes(MIB));
            IOException e = assertThrows(IOException.class, () -> in.read(new byte[10]));
            assertEquals("disk read error at sector 7", e.getMessage());
        }
    }

    @Test
    void readAhead_closedBeforeTheEnd_stopsItsThreadAndClosesTheSource() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len;
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            InputStream in = Pipe.readAhead(endless, "endless");
            in.readNBytes(MIB / 2);
            in.close();
        });
        assertTrue(closed.get());
        Thread.sleep(100);
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("kmip-jca reader: endless")),
                "the reader thread ended");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, MIB - 1, MIB, MIB + 1, 5 * MIB + 7})
    void writeBehind_writesEveryByteInOrder_byClose(int size) throws IOException {
        byte[] data = random(size);
        AtomicBoolean closed = new AtomicBoolean();
        ByteArrayOutputStream sink = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        SplittableRandom r = new SplittableRandom(2);
        try (OutputStream out = Pipe.writeBehind(sink, "test")) {
            for (int off = 0; off < size; ) {
                if (r.nextInt(10) == 0) {
                    out.write(data[off++]);
                    continue;
                }
                int n = Math.min(size - off, 1 + r.nextInt(2 * MIB));
                out.write(data, off, n);
                off += n;
                if (r.nextInt(5) == 0) {
                    out.flush();
                }
            }
        }
        assertArrayEquals(data, sink.toByteArray());
        assertTrue(closed.get(), "closing the pipe closes the sink");
    }

    @Test
    void writeBehind_sinkFailure_surfacesAtALaterWriteOrAtClose_withoutHanging() {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            OutputStream out = Pipe.writeBehind(full, "full");
            IOException e = assertThrows(IOException.class, () -> {
                byte[] mib = new byte[MIB];
                for (int i = 0; i < 100; i++) {
                    out.write(mib);
                }
                out.close();
            });
            assertEquals("No space left on device", e.getMessage());
            IOException atClose = assertThrows(IOException.class, out::close, "close reports it too, then closes the sink");
            assertEquals("No space left on device", atClose.getMessage());
            out.close(); // closed: nothing more
        });
    }
}
