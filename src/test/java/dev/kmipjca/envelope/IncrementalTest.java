package dev.kmipjca.envelope;

import static dev.kmipjca.envelope.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.AEADBadTagException;
import javax.crypto.ShortBufferException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The CipherSpi-shaped encryptor and decryptor: any chunking, exact sizes, short buffers, ByteBuffers, AAD order. */
class IncrementalTest {
    private static final int SEGMENT = 256;
    private final InMemoryKeyWrapService service = new InMemoryKeyWrapService(MASTER);
    private final Envelope envelope = Envelope.builder(service).masterKeyId(MASTER).segmentSizeBytes(SEGMENT).build();

    @AfterEach
    void close() {
        envelope.close();
    }

    /** Encrypts in random pieces, each into an output of exactly the announced size. */
    private byte[] encryptInPieces(Envelope.Form form, byte[] plaintext, byte[] aad, Random r) throws Exception {
        EnvelopeEncryptor enc = envelope.newEncryptor(form);
        enc.updateAAD(aad, 0, aad.length / 2);
        enc.updateAAD(ByteBuffer.wrap(aad, aad.length / 2, aad.length - aad.length / 2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int off = 0;
        while (off < plaintext.length) {
            int n = Math.min(r.nextInt(3 * SEGMENT), plaintext.length - off);
            byte[] o = new byte[enc.getUpdateOutputSize(n)];
            int w = enc.update(plaintext, off, n, o, 0);
            if (form == Envelope.Form.SEGMENTED) {
                assertEquals(o.length, w, "segmented update sizes are exact");
            }
            out.write(o, 0, w);
            off += n;
        }
        byte[] last = new byte[enc.getOutputSize(0)];
        int w = enc.doFinal(plaintext, off, 0, last, 0);
        if (form == Envelope.Form.SEGMENTED) {
            assertEquals(last.length, w);
        }
        out.write(last, 0, w);
        return out.toByteArray();
    }

    private byte[] decryptInPieces(byte[] env, byte[] aad, Random r) throws Exception {
        EnvelopeDecryptor dec = envelope.newDecryptor();
        dec.updateAAD(aad, 0, aad.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int off = 0;
        while (off < env.length) {
            int n = Math.min(r.nextInt(3 * SEGMENT), env.length - off);
            out.write(dec.update(env, off, n));
            off += n;
        }
        out.write(dec.doFinal(env, off, 0));
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(Envelope.Form.class)
    void anyChunking_roundTrips(Envelope.Form form) throws Exception {
        Random r = new Random(form.ordinal());
        for (int size : new int[] {0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 10 * SEGMENT, 12_345}) {
            byte[] plaintext = bytes(size, size);
            byte[] aad = bytes(r.nextInt(40), size);
            byte[] env = encryptInPieces(form, plaintext, aad, r);
            assertEquals(form, EnvelopeHeader.parse(env).form());
            assertArrayEquals(plaintext, envelope.decrypt(env, aad), form + " " + size);
            assertArrayEquals(plaintext, decryptInPieces(env, aad, r), form + " " + size);
        }
    }

    @Test
    void segmentedDecryption_releasesEachSegmentAsSoonAsItIsComplete() throws Exception {
        byte[] plaintext = bytes(5 * SEGMENT + 7, 1);
        byte[] env = streamEncrypt(envelope, plaintext, null, 10_000);
        int h = EnvelopeHeader.parse(env).length();
        EnvelopeDecryptor dec = envelope.newDecryptor();
        assertNull(dec.masterKeyId());
        assertEquals(0, dec.update(env, 0, h + SEGMENT + 15).length, "a segment is released only when complete");
        assertEquals(MASTER, dec.masterKeyId());
        assertArrayEquals(Arrays.copyOf(plaintext, SEGMENT), dec.update(env, h + SEGMENT + 15, 1));
        assertEquals(0, dec.getUpdateOutputSize(SEGMENT + 15));
        assertEquals(SEGMENT, dec.getUpdateOutputSize(SEGMENT + 16));
        assertEquals(4 * SEGMENT + 7, dec.getOutputSize(env.length - h - SEGMENT - 16), "exact for the rest");
    }

    @ParameterizedTest
    @EnumSource(Envelope.Form.class)
    void shortBuffer_changesNothing(Envelope.Form form) throws Exception {
        byte[] plaintext = bytes(3 * SEGMENT + 5, 2);
        EnvelopeEncryptor enc = envelope.newEncryptor(form);
        int need = enc.getOutputSize(plaintext.length);
        ShortBufferException x = assertThrows(ShortBufferException.class,
                () -> enc.doFinal(plaintext, 0, plaintext.length, new byte[need - 1], 0));
        assertEquals("output needs room for " + need + " bytes, has " + (need - 1), x.getMessage());
        byte[] env = new byte[need];
        int n = enc.doFinal(plaintext, 0, plaintext.length, env, 0);
        env = Arrays.copyOf(env, n);

        EnvelopeDecryptor dec = envelope.newDecryptor();
        int bound = dec.getOutputSize(env.length);
        byte[] tooSmall = new byte[bound - 1];
        byte[] sealed = env;
        assertThrows(ShortBufferException.class, () -> dec.doFinal(sealed, 0, sealed.length, tooSmall, 0));
        byte[] out = new byte[bound];
        int m = dec.doFinal(env, 0, env.length, out, 0);
        assertArrayEquals(plaintext, Arrays.copyOf(out, m));
    }

    @ParameterizedTest
    @EnumSource(Envelope.Form.class)
    void byteBuffers_heapAndDirect_roundTrip(Envelope.Form form) throws Exception {
        byte[] plaintext = bytes(4 * SEGMENT + 3, 3);
        for (boolean direct : new boolean[] {false, true}) {
            EnvelopeEncryptor enc = envelope.newEncryptor(form);
            enc.updateAAD(ByteBuffer.wrap(new byte[] {5}));
            ByteBuffer in = direct ? ByteBuffer.allocateDirect(plaintext.length) : ByteBuffer.allocate(plaintext.length);
            in.put(plaintext).flip();
            int size = enc.getOutputSize(plaintext.length);
            ByteBuffer out = direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size + 10).position(10);
            ByteBuffer first = in.duplicate().limit(100);
            enc.update(first, out);
            assertEquals(0, first.remaining());
            in.position(100);
            enc.doFinal(in, out);
            assertEquals(0, in.remaining());
            out.flip();
            if (!direct) {
                out.position(10);
            }
            byte[] env = new byte[out.remaining()];
            out.get(env);
            EnvelopeDecryptor dec = envelope.newDecryptor();
            dec.updateAAD(new byte[] {5}, 0, 1);
            ByteBuffer pin = direct ? ByteBuffer.allocateDirect(env.length).put(env).flip() : ByteBuffer.wrap(env);
            ByteBuffer pout = direct ? ByteBuffer.allocateDirect(dec.getOutputSize(env.length))
                    : ByteBuffer.allocate(dec.getOutputSize(env.length));
            dec.update(pin.duplicate().limit(50), pout);
            pin.position(50);
            dec.doFinal(pin, pout);
            pout.flip();
            byte[] back = new byte[pout.remaining()];
            pout.get(back);
            assertArrayEquals(plaintext, back, form + (direct ? " direct" : " heap"));
        }
    }

    @ParameterizedTest
    @EnumSource(Envelope.Form.class)
    void sameArrayForInputAndOutput_works(Envelope.Form form) throws Exception {
        byte[] plaintext = bytes(2 * SEGMENT + 9, 4);
        EnvelopeEncryptor enc = envelope.newEncryptor(form);
        byte[] buf = Arrays.copyOf(plaintext, enc.getOutputSize(plaintext.length));
        int n = enc.doFinal(buf, 0, plaintext.length, buf, 0);
        byte[] env = Arrays.copyOf(buf, n);
        assertArrayEquals(plaintext, envelope.decrypt(env, null));
        EnvelopeDecryptor dec = envelope.newDecryptor();
        int m = dec.doFinal(buf, 0, n, buf, 0);
        assertArrayEquals(plaintext, Arrays.copyOf(buf, m));
    }

    @ParameterizedTest
    @EnumSource(Envelope.Form.class)
    void aadAfterData_andUseAfterDoFinal_areRefused(Envelope.Form form) throws Exception {
        EnvelopeEncryptor enc = envelope.newEncryptor(form);
        enc.update(new byte[10], 0, 10);
        IllegalStateException x = assertThrows(IllegalStateException.class, () -> enc.updateAAD(new byte[1], 0, 1));
        assertEquals("associated data must come before the data", x.getMessage());
        byte[] env = enc.doFinal(new byte[0], 0, 0);
        x = assertThrows(IllegalStateException.class, () -> enc.update(new byte[1], 0, 1));
        assertEquals("the encryptor is finished (doFinal or close was called)", x.getMessage());
        EnvelopeDecryptor dec = envelope.newDecryptor();
        dec.update(env, 0, 3);
        assertThrows(IllegalStateException.class, () -> dec.updateAAD(new byte[1], 0, 1));
        dec.close();
        assertThrows(IllegalStateException.class, () -> dec.update(env, 3, 1));
    }

    @Test
    void failedDecryptor_isClosed() throws Exception {
        byte[] env = envelope.encrypt(bytes(10, 1), new byte[] {1});
        EnvelopeDecryptor dec = envelope.newDecryptor();
        assertThrows(AEADBadTagException.class, () -> dec.doFinal(env, 0, env.length));
        assertThrows(IllegalStateException.class, () -> dec.doFinal(env, 0, env.length));
    }
}
