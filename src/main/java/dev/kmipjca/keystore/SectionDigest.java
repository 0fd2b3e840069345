package dev.kmipjca.keystore;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The digest of a version 2 protected section's bytes, the input of its authenticator (docs/keystore.md):
 * the bytes are cut into pieces of {@link #PIECE_BYTES} (the last one shorter), each piece is hashed with
 * SHA-256, and the digest is the SHA-256 of those digests one after the other. The pieces are independent,
 * so any number of threads can hash them at once. It needs no key, so it is computed while the keystore key
 * is being unwrapped on the server: a large section is hashed on the background thread from the moment the
 * file is parsed, and whoever then needs the digest takes the pieces that are left. The digest is over bytes
 * that are in the file for anyone to read, and it holds no secret.
 */
final class SectionDigest {
    /** The size of a piece: 256 KiB. Part of the format. */
    static final int PIECE_BYTES = 256 * 1024;
    /** Sections smaller than this are hashed on the caller's thread, when needed (a thread hop costs more). */
    static final int BACKGROUND_FROM_BYTES = Background.FROM_BYTES;

    private final byte[] bytes;
    private final int from;
    private final int to;
    private final byte[][] pieces;
    /** The next piece nobody has taken yet. */
    private final AtomicInteger next = new AtomicInteger();
    /** Counted down as each piece is hashed: its digest is then visible to whoever awaits this. */
    private final CountDownLatch hashed;
    private volatile byte[] digest;

    private SectionDigest(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.from = from;
        this.to = to;
        int n = Math.max(1, (to - from + PIECE_BYTES - 1) / PIECE_BYTES);
        this.pieces = new byte[n][];
        this.hashed = new CountDownLatch(n);
    }

    /**
     * The digest of {@code bytes[from .. to)}, started now on the background thread when the range is
     * large. The array must not change afterwards.
     */
    static SectionDigest start(byte[] bytes, int from, int to) {
        SectionDigest d = new SectionDigest(bytes, from, to);
        if (to - from >= BACKGROUND_FROM_BYTES) {
            Background.start(d::hashPieces);
        }
        return d;
    }

    /** The digest of {@code bytes[from .. to)}, computed when first asked for. */
    static SectionDigest deferred(byte[] bytes, int from, int to) {
        return new SectionDigest(bytes, from, to);
    }

    /** The digest of bytes already known (a section being written). */
    static byte[] of(byte[] bytes, int from, int to) {
        return new SectionDigest(bytes, from, to).get();
    }

    /**
     * The 32-byte digest. The caller hashes the pieces nobody has taken, then waits for those that other
     * threads are hashing. Each call returns a copy.
     */
    byte[] get() {
        byte[] d = digest;
        if (d == null) {
            hashPieces();
            boolean interrupted = false;
            while (true) {
                try {
                    hashed.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the pieces being hashed elsewhere are done soon; the interrupt is kept
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            MessageDigest sha = sha256();
            for (byte[] piece : pieces) {
                sha.update(piece);
            }
            d = sha.digest();
            digest = d;
        }
        return d.clone();
    }

    /** Hashes pieces until none is left to take. */
    private void hashPieces() {
        MessageDigest sha = null;
        for (int i = next.getAndIncrement(); i < pieces.length; i = next.getAndIncrement()) {
            if (sha == null) {
                sha = sha256();
            }
            int at = from + i * PIECE_BYTES;
            sha.update(bytes, at, Math.min(PIECE_BYTES, to - at));
            pieces[i] = sha.digest();
            hashed.countDown();
        }
    }

    /** The bytes hashed, for tests and messages. */
    int length() {
        return to - from;
    }

    /** True once every piece has been hashed. */
    boolean isDone() {
        return hashed.getCount() == 0;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256", "SUN");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 of the SUN provider is not available", e);
        }
    }

    @Override
    public String toString() {
        return "SectionDigest[" + (to - from) + " bytes, " + pieces.length + " pieces, " + (isDone() ? "done" : "pending")
                + "]";
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
