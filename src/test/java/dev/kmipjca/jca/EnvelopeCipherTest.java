package dev.kmipjca.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.KmipEnvelopes;
import dev.kmipjca.KmipKeyStoreParameter;
import dev.kmipjca.KmipProvider;
import dev.kmipjca.envelope.Envelope;
import dev.kmipjca.envelope.EnvelopeHeader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Cipher "KMIP-Envelope"} and {@code KmipEnvelopes} against the development server. */
class EnvelopeCipherTest {
    static final byte[] AAD = "file=/srv/a".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static DevServerFixture fx;
    static KeyStore ks;
    static Key master;
    static Key otherMaster;

    @BeforeAll
    static void start() throws Exception {
        fx = DevServerFixture.start(dir);
        ks = fx.keyStore();
        ks.load(new KmipKeyStoreParameter(fx.newKeystoreFile(), null));
        master = ks.getKey("kmip:master", null);
        KeyStore other = fx.keyStore();
        other.load(new KmipKeyStoreParameter(fx.newKeystoreFile(), null));
        otherMaster = other.getKey("kmip:master", null);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static Cipher cipher(int mode, Key key) throws Exception {
        Cipher c = Cipher.getInstance(KmipProvider.ENVELOPE_CIPHER, fx.provider);
        c.init(mode, key);
        return c;
    }

    static byte[] data(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void doFinal_roundTripsEverySizeAroundTheSegment_andIvAndParametersAreNull() throws Exception {
        int s = KmipEnvelopes.forMasterKey(master).segmentSizeBytes();
        for (int n : new int[] {0, 1, s - 1, s, s + 1, 3 * s + 7}) {
            Cipher enc = cipher(Cipher.ENCRYPT_MODE, master);
            assertNull(enc.getIV());
            assertNull(enc.getParameters());
            enc.updateAAD(AAD);
            byte[] sealed = enc.doFinal(data(n));
            Cipher dec = cipher(Cipher.DECRYPT_MODE, master);
            dec.updateAAD(AAD);
            assertArrayEquals(data(n), dec.doFinal(sealed), "size " + n);
        }
    }

    @Test
    void updateInPieces_thenDoFinal_matchesAndTheCipherIsReusableAfterDoFinal() throws Exception {
        byte[] plain = data(200_001);
        Cipher enc = cipher(Cipher.ENCRYPT_MODE, master);
        for (int round = 0; round < 2; round++) {
            ByteArrayOutputStream sealed = new ByteArrayOutputStream();
            for (int off = 0; off < plain.length; off += 7777) {
                byte[] o = enc.update(plain, off, Math.min(7777, plain.length - off));
                if (o != null) {
                    sealed.write(o);
                }
            }
            sealed.write(enc.doFinal());
            Cipher dec = cipher(Cipher.DECRYPT_MODE, master);
            ByteArrayOutputStream opened = new ByteArrayOutputStream();
            byte[] s = sealed.toByteArray();
            for (int off = 0; off < s.length; off += 5000) {
                byte[] o = dec.update(s, off, Math.min(5000, s.length - off));
                if (o != null) {
                    opened.write(o);
                }
            }
            opened.write(dec.doFinal());
            assertArrayEquals(plain, opened.toByteArray(), "round " + round);
        }
    }

    @Test
    void byteBuffers_heapAndDirect_roundTrip() throws Exception {
        byte[] plain = data(150_000);
        for (boolean direct : new boolean[] {false, true}) {
            Cipher enc = cipher(Cipher.ENCRYPT_MODE, master);
            ByteBuffer in = direct ? ByteBuffer.allocateDirect(plain.length) : ByteBuffer.allocate(plain.length);
            in.put(plain).flip();
            ByteBuffer sealed = direct ? ByteBuffer.allocateDirect(enc.getOutputSize(plain.length))
                    : ByteBuffer.allocate(enc.getOutputSize(plain.length));
            enc.updateAAD(ByteBuffer.wrap(AAD));
            enc.doFinal(in, sealed);
            sealed.flip();
            Cipher dec = cipher(Cipher.DECRYPT_MODE, master);
            dec.updateAAD(AAD);
            ByteBuffer out = direct ? ByteBuffer.allocateDirect(dec.getOutputSize(sealed.remaining()))
                    : ByteBuffer.allocate(dec.getOutputSize(sealed.remaining()));
            dec.doFinal(sealed, out);
            out.flip();
            byte[] got = new byte[out.remaining()];
            out.get(got);
            assertArrayEquals(plain, got, direct ? "direct" : "heap");
        }
    }

    @Test
    void cipherStreams_roundTripAMultiSegmentMessage() throws Exception {
        byte[] plain = data(1_000_003);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try (CipherOutputStream out = new CipherOutputStream(sealed, cipher(Cipher.ENCRYPT_MODE, master))) {
            for (int off = 0; off < plain.length; off += 10_000) {
                out.write(plain, off, Math.min(10_000, plain.length - off));
            }
        }
        try (CipherInputStream in = new CipherInputStream(new ByteArrayInputStream(sealed.toByteArray()),
                cipher(Cipher.DECRYPT_MODE, master))) {
            assertArrayEquals(plain, in.readAllBytes());
        }
    }

    @Test
    void wrongAad_throwsAeadBadTagException() throws Exception {
        Cipher enc = cipher(Cipher.ENCRYPT_MODE, master);
        enc.updateAAD(AAD);
        byte[] sealed = enc.doFinal(data(1000));
        Cipher dec = cipher(Cipher.DECRYPT_MODE, master);
        dec.updateAAD("file=/srv/b".getBytes(StandardCharsets.UTF_8));
        AEADBadTagException e = assertThrows(AEADBadTagException.class, () -> dec.doFinal(sealed));
        assertTrue(e.getMessage().contains("failed authentication"), e.getMessage());
    }

    @Test
    void tamperedBody_inUpdates_releasesExactlyTheVerifiedPrefix_andThrowsAeadBadTagExceptionFromDoFinal() throws Exception {
        byte[] plain = data(300_000);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, master).doFinal(plain);
        EnvelopeHeader h = EnvelopeHeader.parse(sealed);
        int segment = h.segmentSizeBytes();
        int altered = sealed.length / 2;
        int alteredSegment = (altered - h.length()) / (segment + 16);
        assertTrue(alteredSegment >= 1 && altered - h.length() < 4 * (segment + 16), "a middle segment: " + alteredSegment);
        sealed[altered] ^= 1;
        Cipher dec = cipher(Cipher.DECRYPT_MODE, master);
        ByteArrayOutputStream released = new ByteArrayOutputStream();
        for (int off = 0; off < sealed.length; off += 4096) {
            byte[] o = dec.update(sealed, off, Math.min(4096, sealed.length - off));
            if (o != null) {
                released.write(o);
            }
        }
        // every segment before the altered one, whole and verified; nothing from it or after it
        assertEquals(alteredSegment * segment, released.size(), "segments released before segment " + alteredSegment);
        assertArrayEquals(java.util.Arrays.copyOf(plain, released.size()), released.toByteArray(), "the plaintext's prefix");
        AEADBadTagException e = assertThrows(AEADBadTagException.class, dec::doFinal);
        assertTrue(e.getMessage().startsWith("segment " + alteredSegment + " failed authentication"), e.getMessage());
        CipherInputStream in = new CipherInputStream(new ByteArrayInputStream(sealed), cipher(Cipher.DECRYPT_MODE, master));
        IOException io = assertThrows(IOException.class, in::readAllBytes);
        assertInstanceOf(AEADBadTagException.class, io.getCause(), String.valueOf(io.getCause()));
    }

    @Test
    void envelopeUnderAnotherMasterKeysHeaderSwap_throwsAeadBadTagExceptionForTheKeyCommitment() throws Exception {
        byte[] a = cipher(Cipher.ENCRYPT_MODE, master).doFinal(data(100));
        byte[] b = cipher(Cipher.ENCRYPT_MODE, otherMaster).doFinal(data(100));
        // the decrypting cipher's key only names the connection: b decrypts under its own master key
        assertArrayEquals(data(100), cipher(Cipher.DECRYPT_MODE, master).doFinal(b));
        EnvelopeHeader ha = EnvelopeHeader.parse(a);
        EnvelopeHeader hb = EnvelopeHeader.parse(b);
        assertEquals(Envelope.Form.SEGMENTED, ha.form());
        assertEquals(((KmipKey) otherMaster).uniqueIdentifier(), hb.masterKeyId());
        // a's bulk region (its commitment, salt, nonce prefix), b's key section, a's body (envelope-format.md:
        // the key section starts at B = 83 in the segmented form and ends where the header does)
        int keySection = 83;
        ByteArrayOutputStream spliced = new ByteArrayOutputStream();
        spliced.write(a, 0, keySection);
        spliced.write(b, keySection, hb.length() - keySection);
        spliced.write(a, ha.length(), a.length - ha.length());
        byte[] s = spliced.toByteArray();
        EnvelopeHeader hs = EnvelopeHeader.parse(s);
        assertEquals(hb.masterKeyId(), hs.masterKeyId(), "the spliced header is well formed and names b's master key");
        assertEquals(hb.wrappedKey(), hs.wrappedKey(), "b's wrapped data key");

        // b's data key unwraps under b's master key, but a's header commits to a's data key
        AEADBadTagException e = assertThrows(AEADBadTagException.class, () -> cipher(Cipher.DECRYPT_MODE, master).doFinal(s));
        assertEquals("the key commitment in the header does not match the data key: the header was altered, or its key"
                + " section comes from another envelope", e.getMessage());
    }

    @Test
    void ordinaryAesKey_goesToAnotherProvider_andIsRefusedByThisOne() throws Exception {
        SecretKeySpec plainKey = new SecretKeySpec(new byte[32], "AES");
        Cipher c = Cipher.getInstance(KmipProvider.ENVELOPE_CIPHER, fx.provider);
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> c.init(Cipher.ENCRYPT_MODE, plainKey));
        assertTrue(e.getMessage().contains("KMIP key handle"), e.getMessage());
    }

    @Test
    void eightThreads_encryptAndDecryptAtOnceThroughOneProvider() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        byte[] plain = data(seed * 1000 + i * 97);
                        Cipher enc = cipher(Cipher.ENCRYPT_MODE, master);
                        enc.updateAAD(AAD);
                        byte[] sealed = enc.doFinal(plain);
                        Cipher dec = cipher(Cipher.DECRYPT_MODE, master);
                        dec.updateAAD(AAD);
                        if (!java.util.Arrays.equals(plain, dec.doFinal(sealed))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void kmipEnvelopes_sharesOneEnvelope_andMakesNoRoundTripAfterTheFirstMessage() throws Exception {
        Envelope e = KmipEnvelopes.of(ks);
        assertSame(e, KmipEnvelopes.of(ks));
        byte[] first = e.encrypt(data(10), AAD);
        e.decrypt(first, AAD);
        long before = ((ServerKeyHandle) master).link().client.roundTrips();
        for (int i = 0; i < 1000; i++) {
            byte[] plain = data(i);
            assertArrayEquals(plain, e.decrypt(e.encrypt(plain, AAD), AAD));
            try (var out = new ByteArrayOutputStream(); var enc = e.encryptingStream(out, AAD)) {
                enc.write(plain);
                enc.close();
                assertArrayEquals(plain, e.decryptingStream(new ByteArrayInputStream(out.toByteArray()), AAD).readAllBytes());
            }
        }
        assertEquals(before, ((ServerKeyHandle) master).link().client.roundTrips(), "KMIP round trips after the first message");
    }

    static long roundTrips() {
        return ((ServerKeyHandle) master).link().client.roundTrips();
    }

    @Test
    void kmipEnvelopeCipher_steadyStateDecryption_makesNoKmipRoundTripAfterTheFirstMessage() throws Exception {
        List<byte[]> sealed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Cipher enc = cipher(Cipher.ENCRYPT_MODE, master);
            enc.updateAAD(AAD);
            sealed.add(enc.doFinal(data(i * 1000)));
        }
        long start = roundTrips();
        Cipher first = cipher(Cipher.DECRYPT_MODE, master);
        first.updateAAD(AAD);
        assertArrayEquals(data(0), first.doFinal(sealed.get(0)));
        assertTrue(roundTrips() - start <= 1, "the first message: at most its data key's unwrap: " + (roundTrips() - start));

        long before = roundTrips();
        Cipher reused = cipher(Cipher.DECRYPT_MODE, master);
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < sealed.size(); i++) {
                Cipher fresh = cipher(Cipher.DECRYPT_MODE, master);
                fresh.updateAAD(AAD);
                assertArrayEquals(data(i * 1000), fresh.doFinal(sealed.get(i)), "a new cipher, message " + i);
                reused.updateAAD(AAD);
                assertArrayEquals(data(i * 1000), reused.doFinal(sealed.get(i)), "one cipher reused, message " + i);
            }
        }
        Cipher streaming = cipher(Cipher.DECRYPT_MODE, master);
        streaming.updateAAD(AAD);
        try (CipherInputStream in = new CipherInputStream(new ByteArrayInputStream(sealed.get(19)), streaming)) {
            assertArrayEquals(data(19_000), in.readAllBytes());
        }
        assertEquals(before, roundTrips(), "KMIP round trips while decrypting 401 messages after the first");
    }

    @Test
    void updateWithByteBuffers_inPieces_heapAndDirect_roundTrip() throws Exception {
        byte[] plain = data(150_001);
        for (boolean directIn : new boolean[] {false, true}) {
            for (boolean directOut : new boolean[] {false, true}) {
                String kind = (directIn ? "direct" : "heap") + " to " + (directOut ? "direct" : "heap");
                Cipher enc = cipher(Cipher.ENCRYPT_MODE, master);
                enc.updateAAD(buffer(directIn, AAD));
                ByteBuffer sealed = buffer(directOut, enc.getOutputSize(plain.length));
                updateInPieces(enc, buffer(directIn, plain), sealed, 7777);
                enc.doFinal(buffer(directIn, new byte[0]), sealed);
                byte[] sealedBytes = bytes(sealed.flip());
                assertEquals('K', sealedBytes[0], kind);

                Cipher dec = cipher(Cipher.DECRYPT_MODE, master);
                dec.updateAAD(buffer(directIn, AAD));
                ByteBuffer opened = buffer(directOut, dec.getOutputSize(sealedBytes.length));
                updateInPieces(dec, buffer(directIn, sealedBytes), opened, 5000);
                dec.doFinal(buffer(directIn, new byte[0]), opened);
                assertArrayEquals(plain, bytes(opened.flip()), kind);
                // and the same bytes through the byte[] API
                Cipher check = cipher(Cipher.DECRYPT_MODE, master);
                check.updateAAD(AAD);
                assertArrayEquals(plain, check.doFinal(sealedBytes), kind);
            }
        }
    }

    /** Feeds {@code in} to {@code c.update(ByteBuffer, ByteBuffer)} {@code piece} bytes at a time. */
    private static void updateInPieces(Cipher c, ByteBuffer in, ByteBuffer out, int piece) throws Exception {
        int end = in.limit();
        while (in.position() < end) {
            in.limit(Math.min(in.position() + piece, end));
            int before = out.position();
            int n = c.update(in, out);
            assertEquals(in.limit(), in.position(), "update consumes all its input");
            assertEquals(before + n, out.position(), "update returns what it wrote");
        }
        in.limit(end);
    }

    private static ByteBuffer buffer(boolean direct, int capacity) {
        return direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
    }

    private static ByteBuffer buffer(boolean direct, byte[] content) {
        return buffer(direct, content.length).put(content).flip();
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
