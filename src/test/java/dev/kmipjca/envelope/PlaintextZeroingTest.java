package dev.kmipjca.envelope;

import static dev.kmipjca.envelope.Fixtures.MASTER;
import static dev.kmipjca.envelope.Fixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.crypto.AEADBadTagException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Plaintext that a bulk provider releases before a single-shot envelope's tag is verified is held by
 * the decryptor and zeroed when the decryptor closes: after {@code doFinal}, after a failure, after
 * {@code close} without {@code doFinal}. Bouncy Castle's AES-GCM releases such plaintext from
 * {@code update} (SunJCE and ACCP do not), so it is the bulk provider here; it is given to the
 * builder, not registered.
 */
class PlaintextZeroingTest {
    private static final byte[] AAD = {1, 2, 3};
    private final InMemoryKeyWrapService service = new InMemoryKeyWrapService(MASTER);
    private final Envelope envelope = Envelope.builder(service).masterKeyId(MASTER)
            .bulkProvider(new BouncyCastleProvider()).build();

    @AfterEach
    void close() {
        envelope.close();
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    /** A decryptor that was given all of {@code sealed} but its last 20 bytes through {@code update}. */
    private EnvelopeDecryptor fedAllButTheEnd(byte[] sealed) throws Exception {
        EnvelopeDecryptor d = envelope.newDecryptor();
        d.updateAAD(AAD, 0, AAD.length);
        byte[] none = d.update(sealed, 0, sealed.length - 20);
        assertEquals(0, none.length, "nothing is released before the tag is verified");
        assertFalse(allZero(d.held), "the premise: Bouncy Castle released plaintext early, and the decryptor holds it");
        return d;
    }

    @Test
    void heldPlaintext_isZeroedAfterDoFinal() throws Exception {
        byte[] plain = bytes(10_000, 1);
        byte[] sealed = envelope.encrypt(plain, AAD);
        EnvelopeDecryptor d = fedAllButTheEnd(sealed);
        byte[] held = d.held;

        assertArrayEquals(plain, d.doFinal(sealed, sealed.length - 20, 20));
        assertTrue(allZero(held), "zeroed once handed out");
    }

    @Test
    void heldPlaintext_isZeroedWhenTheTagFails() throws Exception {
        byte[] sealed = envelope.encrypt(bytes(10_000, 2), AAD);
        sealed[sealed.length - 1] ^= 1;
        EnvelopeDecryptor d = fedAllButTheEnd(sealed);
        byte[] held = d.held;

        assertThrows(AEADBadTagException.class, () -> d.doFinal(sealed, sealed.length - 20, 20));
        assertTrue(allZero(held), "unverified plaintext zeroed after the failure");
    }

    @Test
    void heldPlaintext_isZeroedByCloseWithoutDoFinal() throws Exception {
        byte[] sealed = envelope.encrypt(bytes(10_000, 3), AAD);
        EnvelopeDecryptor d = fedAllButTheEnd(sealed);
        byte[] held = d.held;

        d.close();
        assertTrue(allZero(held));
    }

    @Test
    void heldPlaintext_growingInManyUpdates_leavesNoCopyBehind() throws Exception {
        byte[] plain = bytes(100_000, 4);
        byte[] sealed = envelope.encrypt(plain, AAD);
        EnvelopeDecryptor d = envelope.newDecryptor();
        d.updateAAD(AAD, 0, AAD.length);
        java.util.List<byte[]> arrays = new java.util.ArrayList<>();
        int off = 0;
        for (int end = sealed.length - 100; off < end; ) {
            int n = Math.min(1000, end - off);
            d.update(sealed, off, n);
            off += n;
            if (arrays.isEmpty() || arrays.get(arrays.size() - 1) != d.held) {
                arrays.add(d.held);
            }
        }
        assertTrue(arrays.size() > 2, "the held plaintext grew: " + arrays.size() + " arrays");
        assertArrayEquals(plain, d.doFinal(sealed, off, sealed.length - off));
        for (byte[] a : arrays) {
            assertTrue(allZero(a), "every array that held plaintext is zeroed");
        }
    }
}
