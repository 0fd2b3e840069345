package dev.kmipjca.cli;

import dev.kmipjca.client.EncryptResult;
import dev.kmipjca.client.KeyMaterial;
import dev.kmipjca.client.KmipClient;
import dev.kmipjca.protocol.BlockCipherMode;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.CryptographicParameters;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The demo's data-key wrapping: KMIP Encrypt / Decrypt with AES-GCM under a master key on the server.
 * The stored form is {@code ivLength (1 byte) | iv | ciphertext | tag (16 bytes)}; the Additional
 * Authenticated Data names the purpose, so the blob cannot be passed off as something else. (The
 * envelope format of {@code dev.kmipjca.envelope} replaces this once the demo uses it.)
 */
final class DemoWrapping {
    static final CryptographicParameters GCM = CryptographicParameters.builder()
            .cryptographicAlgorithm(CryptographicAlgorithm.AES).blockCipherMode(BlockCipherMode.GCM).tagLength(16).build();
    private static final byte[] AAD = "kmip-jca demo data key".getBytes(StandardCharsets.US_ASCII);
    private static final int TAG_BYTES = 16;

    private DemoWrapping() {}

    /** The data key encrypted on the server; the server picks the IV. */
    static byte[] wrap(KmipClient client, String masterKeyId, byte[] dataKey) throws Exception {
        EncryptResult r = client.encrypt(masterKeyId, GCM, dataKey, null, AAD);
        byte[] iv = r.iv().toByteArray();
        byte[] ct = r.ciphertext().toByteArray();
        byte[] tag = r.tag().toByteArray();
        DemoContext.check(tag.length == TAG_BYTES && ct.length == dataKey.length, "AES-GCM wrapping gives a 16-byte tag");
        return ByteBuffer.allocate(1 + iv.length + ct.length + tag.length).put((byte) iv.length).put(iv).put(ct).put(tag)
                .array();
    }

    /** The data key, decrypted on the server; the caller zeroes it. */
    static byte[] unwrap(KmipClient client, String masterKeyId, byte[] wrapped) throws Exception {
        int ivLength = wrapped[0] & 0xFF;
        DemoContext.check(wrapped.length > 1 + ivLength + TAG_BYTES, "the wrapped data key is complete");
        byte[] iv = Arrays.copyOfRange(wrapped, 1, 1 + ivLength);
        byte[] ct = Arrays.copyOfRange(wrapped, 1 + ivLength, wrapped.length - TAG_BYTES);
        byte[] tag = Arrays.copyOfRange(wrapped, wrapped.length - TAG_BYTES, wrapped.length);
        try (KeyMaterial key = client.decrypt(masterKeyId, GCM, ct, iv, AAD, tag)) {
            return key.toByteArray();
        }
    }
}
