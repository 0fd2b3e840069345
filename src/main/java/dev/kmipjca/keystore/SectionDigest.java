package dev.kmipjca.keystore;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The SHA-256 of a version 2 protected section's bytes, the input of its authenticator (docs/keystore.md).
 * It needs no key, so it is computed while the keystore key is being unwrapped on the server: a large
 * section is hashed on a background thread from the moment the file is parsed, and whoever needs the
 * digest first and finds it not started computes it on its own thread. The digest is over bytes that are
 * in the file for anyone to read, and it holds no secret.
 */
final class SectionDigest {
    /** Sections smaller than this are hashed on the caller's thread, when needed (a thread hop costs more). */
    static final int BACKGROUND_FROM_BYTES = Background.FROM_BYTES;

    private final FutureTask<byte[]> task;
    private final byte[] bytes;
    private final int from;
    private final int to;

    private SectionDigest(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.from = from;
        this.to = to;
        this.task = new FutureTask<>(this::compute);
    }

    /**
     * The digest of {@code bytes[from .. to)}, started now on the background thread when the range is
     * large. The array must not change afterwards.
     */
    static SectionDigest start(byte[] bytes, int from, int to) {
        SectionDigest d = new SectionDigest(bytes, from, to);
        if (to - from >= BACKGROUND_FROM_BYTES) {
            Background.start(d.task);
        }
        return d;
    }

    /** The digest of {@code bytes[from .. to)}, computed when first asked for. */
    static SectionDigest deferred(byte[] bytes, int from, int to) {
        return new SectionDigest(bytes, from, to);
    }

    /** The digest of bytes already known (a section being written). */
    static byte[] of(byte[] bytes, int from, int to) {
        return new SectionDigest(bytes, from, to).compute();
    }

    /** The 32-byte digest: computed here if nobody started it, else awaited. Each call returns a copy. */
    byte[] get() {
        task.run(); // does nothing when the task already ran or is running on the background thread
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get().clone();
                } catch (InterruptedException e) {
                    interrupted = true; // the background thread finishes it soon; the interrupt is kept
                }
            }
        } catch (ExecutionException | CancellationException e) {
            return compute(); // cannot happen for SHA-256 of an array; compute it here all the same
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The bytes hashed, for tests and messages. */
    int length() {
        return to - from;
    }

    private byte[] compute() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256", "SUN");
            sha.update(bytes, from, to - from);
            return sha.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 of the SUN provider is not available", e);
        }
    }

    @Override
    public String toString() {
        return "SectionDigest[" + (to - from) + " bytes, " + (task.isDone() ? "done" : "pending") + "]";
    }

    /**
     * Where {@code kmipjca.mac}'s line starts in a file whose protected section begins at
     * {@code beginOffset}, found from the end of the file: the section ends the file (only white space
     * may follow its end marker line), and the authenticator's line is the one just before that marker.
     * Returns -1 when the file does not end that way (then the section cannot be authenticated, and the
     * parse says what is wrong with it).
     */
    static int macLineStart(byte[] b, int beginOffset) {
        int e = b.length;
        while (e > beginOffset && isSpace(b[e - 1])) {
            e--;
        }
        byte[] end = Format.END.getBytes(StandardCharsets.US_ASCII);
        int endStart = e - end.length;
        if (endStart <= beginOffset) {
            return -1;
        }
        for (int i = 0; i < end.length; i++) {
            if (b[endStart + i] != end[i]) {
                return -1;
            }
        }
        int p = endStart;
        while (p > beginOffset && (b[p - 1] == ' ' || b[p - 1] == '\t' || b[p - 1] == '\f')) {
            p--;
        }
        if (p <= beginOffset || (b[p - 1] != '\n' && b[p - 1] != '\r')) {
            return -1;
        }
        p--; // the terminator of the authenticator's line
        if (b[p] == '\n' && p > beginOffset && b[p - 1] == '\r') {
            p--;
        }
        int lineEnd = p;
        int limit = Math.max(beginOffset, lineEnd - 4096);
        while (p > limit && b[p - 1] != '\n' && b[p - 1] != '\r') {
            p--;
        }
        byte[] key = (Format.F_MAC + "=").getBytes(StandardCharsets.US_ASCII);
        if (p <= beginOffset || lineEnd - p < key.length) {
            return -1;
        }
        for (int i = 0; i < key.length; i++) {
            if (b[p + i] != key[i]) {
                return -1;
            }
        }
        return p;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n';
    }
}
