package dev.kmipjca.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kmipjca.keystore.KeystoreException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reading a keystore from a stream: whole, whatever the stream says of its length, and never past the limit. */
class BytesOfTest {
    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    /** Hands out at most {@code chunk} bytes per read and claims {@code available} bytes, true or not. */
    private static InputStream stream(byte[] data, int chunk, int available) {
        return new InputStream() {
            private int at;

            @Override
            public int read() {
                return at < data.length ? data[at++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= data.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, chunk), data.length - at);
                System.arraycopy(data, at, b, off, n);
                at += n;
                return n;
            }

            @Override
            public int available() {
                return available;
            }
        };
    }

    @Test
    void byteArrayStream_isReadWhole() throws Exception {
        for (int n : new int[] {0, 1, 8191, 8192, 8193, 1_500_000}) {
            byte[] data = random(n);
            assertArrayEquals(data, KeystoreFile.bytesOf(new ByteArrayInputStream(data)), "length " + n);
        }
    }

    @Test
    void streamThatUnderstatesOrOverstatesItsLength_isReadWhole() throws Exception {
        byte[] data = random(100_000);
        for (int claim : new int[] {0, 1, 99_999, 100_000, 100_001, 5_000_000, Integer.MAX_VALUE}) {
            assertArrayEquals(data, KeystoreFile.bytesOf(stream(data, 777, claim)), "available() = " + claim);
        }
    }

    @Test
    void streamOverTheLimit_isRefusedNamingTheLimit() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len; // the buffer's bytes stand for the content: nothing needs writing
            }
        };
        KeystoreException e = assertThrows(KeystoreException.class, () -> KeystoreFile.bytesOf(endless));
        assertEquals(Reason.MALFORMED, e.reason());
        assertEquals("the keystore is larger than the limit of " + KeystoreFile.MAX_FILE_BYTES + " bytes", e.getMessage());
    }

    @Test
    void settingsPartLength_endsAtTheBeginMarker_orIsTheWholeFile() throws IOException {
        String settings = "kmip.serverName=a\n";
        String withSection = settings + "# ---- BEGIN KMIP-JCA PROTECTED SECTION: written by kmip-jca, do not edit ----\nx\n";
        assertEquals(settings.length(), KeystoreFile.settingsPartLength(withSection.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(settings.length(), KeystoreFile.settingsPartLength(settings.getBytes(StandardCharsets.US_ASCII)));
    }
}
