package dev.kmipjca.keystore;

import dev.kmipjca.keystore.KeystoreException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads big-endian binary fields from a value of the file, checking every length against what is left
 * before allocating. Errors name the value ({@code where}, e.g. "kmipjca.entry.3 (line 42)"), the
 * byte offset and the rule; they never show the bytes.
 */
final class ByteReader {
    private final byte[] data;
    private final String where;
    private final int line;
    private int pos;

    ByteReader(byte[] data, String where, int line) {
        this.data = data;
        this.where = where;
        this.line = line;
    }

    int offset() {
        return pos;
    }

    int remaining() {
        return data.length - pos;
    }

    int u8(String what) throws KeystoreException {
        need(1, what);
        return data[pos++] & 0xFF;
    }

    int u16(String what) throws KeystoreException {
        need(2, what);
        int v = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    /** An unsigned 32-bit number that must not exceed {@code max}. */
    int u32(String what, int max) throws KeystoreException {
        need(4, what);
        long v = ((long) (data[pos] & 0xFF) << 24) | ((data[pos + 1] & 0xFF) << 16)
                | ((data[pos + 2] & 0xFF) << 8) | (data[pos + 3] & 0xFF);
        if (v > max) {
            throw problem(what + " is " + v + ", more than the limit " + max);
        }
        pos += 4;
        return (int) v;
    }

    long i64(String what) throws KeystoreException {
        need(8, what);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (data[pos + i] & 0xFF);
        }
        pos += 8;
        return v;
    }

    byte[] bytes(int n, String what) throws KeystoreException {
        need(n, what);
        byte[] out = Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return out;
    }

    /** A 4-byte length of at most {@code max}, then that many bytes. */
    byte[] lengthPrefixed(String what, int max) throws KeystoreException {
        int start = pos;
        int n = u32(what + " length", max);
        if (n > remaining()) {
            pos = start;
            throw problem(what + " length " + n + " exceeds the " + (remaining() - 4) + " bytes left");
        }
        return bytes(n, what);
    }

    /** A 2-byte length, then that many bytes of UTF-8 text. */
    String shortString(String what) throws KeystoreException {
        int n = u16(what + " length");
        if (n > remaining()) {
            pos -= 2;
            throw problem(what + " length " + n + " exceeds the " + (remaining() - 2) + " bytes left");
        }
        int start = pos;
        byte[] b = bytes(n, what);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            pos = start;
            throw problem(what + " is not valid UTF-8");
        }
    }

    /** Fails unless every byte was read. */
    void end(String what) throws KeystoreException {
        if (remaining() != 0) {
            throw problem(remaining() + " bytes after the end of " + what);
        }
    }

    KeystoreException problem(String rule) {
        return new KeystoreException(Reason.MALFORMED, line, where + ", byte " + pos + ": " + rule);
    }

    private void need(int n, String what) throws KeystoreException {
        if (n > remaining()) {
            throw problem(what + " needs " + n + " bytes, " + remaining() + " left");
        }
    }
}
