package dev.kmipjca.envelope;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;

/** Shared helpers for envelope tests. */
final class Fixtures {
    private Fixtures() {
    }

    static final String MASTER = "master-1";

    /** Deterministic pseudo-random bytes (the content does not matter, only that it is not all zero). */
    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] streamEncrypt(Envelope e, byte[] plaintext, byte[] aad, int writeSize) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = e.encryptingStream(sink, aad)) {
            for (int off = 0; off < plaintext.length; off += writeSize) {
                out.write(plaintext, off, Math.min(writeSize, plaintext.length - off));
            }
        }
        return sink.toByteArray();
    }

    static byte[] streamDecrypt(Envelope e, byte[] envelope, byte[] aad, int readSize) throws Exception {
        try (InputStream in = e.decryptingStream(new ByteArrayInputStream(envelope), aad)) {
            return readAll(in, readSize);
        }
    }

    static byte[] readAll(InputStream in, int readSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[readSize];
        for (int n; (n = in.read(buf)) >= 0;) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
