package dev.kmipjca.envelope;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The inputs of the worked examples in docs/envelope-format.md: a master key, wrap nonce and random
 * stream fixed so that the envelopes come out byte for byte the same every time.
 */
final class FixedVectors {
    private FixedVectors() {
    }

    static final String MASTER_ID = "vector-master";
    /** Master key 80 81 .. 9F; wrap nonce C0 C1 .. CB. */
    static final byte[] MASTER_KEY = counting(0x80, 32);
    static final byte[] WRAP_NONCE = counting(0xC0, 12);
    static final byte[] AAD = "aad".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SINGLE_PLAINTEXT = "hello, envelope".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SEGMENTED_PLAINTEXT = "0123456789".repeat(10).getBytes(StandardCharsets.US_ASCII);
    static final int SEGMENT = 64;

    static byte[] counting(int first, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (first + i);
        }
        return b;
    }

    /** "Random" bytes 00 01 02 ... continuing across calls: data key 00..1F, then nonce or salt and prefix. */
    static final class CountingRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private int next;

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) next++;
            }
        }
    }

    /** Wraps with AES-256-GCM under {@link #MASTER_KEY} and the fixed nonce. */
    static final class FixedWrapService implements KeyWrapService {
        @Override
        public WrappedKey wrap(String masterKeyId, byte[] key, byte[] aad) throws KeyWrapException {
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(MASTER_KEY, "AES"), new GCMParameterSpec(128, WRAP_NONCE));
                c.updateAAD(aad);
                return new WrappedKey(masterKeyId, WrappedKey.AES_256_GCM, WRAP_NONCE, c.doFinal(key));
            } catch (GeneralSecurityException e) {
                throw new KeyWrapException(KeyWrapException.Kind.OTHER, masterKeyId, "wrap failed", e);
            }
        }

        @Override
        public byte[] unwrap(WrappedKey w, byte[] aad) throws KeyWrapException {
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(MASTER_KEY, "AES"), new GCMParameterSpec(128, w.nonce()));
                c.updateAAD(aad);
                return c.doFinal(w.ciphertext());
            } catch (GeneralSecurityException e) {
                throw new KeyWrapException(KeyWrapException.Kind.AUTHENTICATION_FAILED, w.masterKeyId(), "unwrap failed", e);
            }
        }
    }

    static Envelope envelope() {
        return Envelope.builder(new FixedWrapService()).masterKeyId(MASTER_ID).segmentSizeBytes(SEGMENT)
                .random(new CountingRandom()).build();
    }

    static byte[] single() throws Exception {
        try (Envelope e = envelope()) {
            return e.encrypt(SINGLE_PLAINTEXT, AAD);
        }
    }

    static byte[] segmented() throws Exception {
        try (Envelope e = envelope()) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try (OutputStream out = e.encryptingStream(sink, AAD)) {
                out.write(SEGMENTED_PLAINTEXT);
            }
            return sink.toByteArray();
        }
    }
}
