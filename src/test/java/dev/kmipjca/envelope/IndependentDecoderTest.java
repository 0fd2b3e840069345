package dev.kmipjca.envelope;

import static dev.kmipjca.envelope.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Implements docs/envelope-format.md from scratch (its own parsing, plain SunJCE AES/GCM and
 * javax.crypto.Mac, none of the package's code apart from the key service) and checks it against the
 * envelope code in both directions.
 */
class IndependentDecoderTest {
    private static final byte[] MAGIC = "KJEF".getBytes(StandardCharsets.US_ASCII);
    private final InMemoryKeyWrapService service = new InMemoryKeyWrapService(MASTER);

    /** What the format document says a decoder must do, given the key service to unwrap with. */
    private byte[] decode(byte[] env, byte[] aad) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(env);
        byte[] magic = new byte[4];
        b.get(magic);
        assertArrayEquals(MAGIC, magic);
        assertEquals(1, b.get(), "version");
        int form = b.get();
        assertEquals(1, b.get(), "algorithm");
        assertEquals(0, b.get(), "reserved");
        byte[] commitment = new byte[32];
        b.get(commitment);
        byte[] nonce = null;
        byte[] salt = null;
        byte[] prefix = null;
        int segment = 0;
        if (form == 1) {
            nonce = new byte[12];
            b.get(nonce);
        } else {
            assertEquals(2, form);
            segment = b.getInt();
            salt = new byte[32];
            b.get(salt);
            prefix = new byte[7];
            b.get(prefix);
        }
        int bulkEnd = b.position();
        int sectionLength = b.getShort() & 0xFFFF;
        int sectionStart = b.position();
        byte[] id = new byte[b.get() & 0xFF];
        b.get(id);
        assertEquals(1, b.get(), "wrap algorithm");
        byte[] wrapNonce = new byte[b.get() & 0xFF];
        b.get(wrapNonce);
        byte[] wrapped = new byte[b.getShort() & 0xFFFF];
        b.get(wrapped);
        assertEquals(sectionStart + sectionLength, b.position());
        byte[] dataKey = service.unwrap(new WrappedKey(new String(id, StandardCharsets.UTF_8), 1, wrapNonce, wrapped),
                ascii("kmip-jca envelope v1 data key"));

        byte[] prk = hmac(new byte[32], dataKey);
        assertArrayEquals(commitment, hmac(prk, ascii("kmip-jca envelope v1 key commitment"), new byte[] {1}),
                "key commitment");
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        if (form == 1) {
            byte[] key = hmac(prk, ascii("kmip-jca envelope v1 single-shot key"), Arrays.copyOf(env, 8), new byte[] {1});
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            gcm.updateAAD(aad);
            return gcm.doFinal(env, b.position(), b.remaining());
        }
        byte[] streamKey = hmac(hmac(salt, dataKey), ascii("kmip-jca envelope v1 stream key"), new byte[] {1});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int chunk = segment + 16;
        for (int i = 0; ; i++) {
            int left = b.remaining();
            boolean last = left < chunk;
            assertTrue(left >= 16, "final segment present");
            byte[] n = ByteBuffer.allocate(12).put(prefix).putInt(i).put((byte) (last ? 1 : 0)).array();
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(streamKey, "AES"), new GCMParameterSpec(128, n));
            gcm.updateAAD(env, 0, bulkEnd);
            gcm.updateAAD(aad);
            out.write(gcm.doFinal(env, b.position(), last ? left : chunk));
            b.position(b.position() + (last ? left : chunk));
            if (last) {
                return out.toByteArray();
            }
        }
    }

    private static byte[] hmac(byte[] key, byte[]... parts) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        for (byte[] p : parts) {
            mac.update(p);
        }
        return mac.doFinal();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void independentDecoder_readsBothForms() throws Exception {
        byte[] aad = ascii("context");
        try (Envelope e = Envelope.builder(service).masterKeyId(MASTER).segmentSizeBytes(1000).build()) {
            for (int size : new int[] {0, 1, 999, 1000, 1001, 5000, 100_000}) {
                byte[] plaintext = bytes(size, size);
                assertArrayEquals(plaintext, decode(e.encrypt(plaintext, aad), aad), "single-shot, " + size);
                assertArrayEquals(plaintext, decode(streamEncrypt(e, plaintext, aad, 333), aad), "segmented, " + size);
            }
        }
    }

    @Test
    void envelopeCode_readsWhatAnIndependentEncoderWrites() throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] dataKey = new byte[32];
        random.nextBytes(dataKey);
        WrappedKey w = service.wrap(MASTER, dataKey, ascii("kmip-jca envelope v1 data key"));
        byte[] id = MASTER.getBytes(StandardCharsets.UTF_8);
        ByteBuffer section = ByteBuffer.allocate(1 + id.length + 2 + 12 + 2 + w.ciphertext().length)
                .put((byte) id.length).put(id).put((byte) 1).put((byte) 12).put(w.nonce())
                .putShort((short) w.ciphertext().length).put(w.ciphertext());
        byte[] prk = hmac(new byte[32], dataKey);
        byte[] commitment = hmac(prk, ascii("kmip-jca envelope v1 key commitment"), new byte[] {1});
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        byte[] preamble = {'K', 'J', 'E', 'F', 1, 1, 1, 0};
        byte[] key = hmac(prk, ascii("kmip-jca envelope v1 single-shot key"), preamble, new byte[] {1});
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(ascii("aad"));
        byte[] body = gcm.doFinal(ascii("written elsewhere"));
        byte[] env = ByteBuffer.allocate(52 + 2 + section.capacity() + body.length).put(preamble).put(commitment)
                .put(nonce).putShort((short) section.capacity()).put(section.array()).put(body).array();
        try (Envelope e = Envelope.builder(service).build()) {
            assertArrayEquals(ascii("written elsewhere"), e.decrypt(env, ascii("aad")));
        }
    }
}
