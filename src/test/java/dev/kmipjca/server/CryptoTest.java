package dev.kmipjca.server;

import static dev.kmipjca.server.Kmip.KEK_MASK;
import static dev.kmipjca.server.Kmip.V1_2;
import static dev.kmipjca.server.Kmip.V1_4;
import static dev.kmipjca.server.Kmip.V2_0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.protocol.Activate;
import dev.kmipjca.protocol.BlockCipherMode;
import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.CryptographicParameters;
import dev.kmipjca.protocol.CryptographicUsageMask;
import dev.kmipjca.protocol.Decrypt;
import dev.kmipjca.protocol.Encrypt;
import dev.kmipjca.protocol.PaddingMethod;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.RevocationReason;
import dev.kmipjca.protocol.RevocationReasonCode;
import dev.kmipjca.protocol.Revoke;
import dev.kmipjca.protocol.UniqueId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Encrypt and Decrypt in every mode, cross-checked against the JDK's SunJCE, and their error paths. */
class CryptoTest {
    @TempDir
    static Path dir;
    static DevServer server;
    static TestClient client;
    static final List<ProtocolVersion> VERSIONS = Kmip.VERSIONS;
    static final List<ProtocolVersion> GCM_VERSIONS = List.of(V1_4, V2_0);
    static final byte[] PLAIN = "the quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
    static final byte[] AAD = "header".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void start() throws IOException {
        server = Kmip.start(dir);
        client = TestClient.connect(server);
    }

    @AfterAll
    static void stop() throws IOException {
        client.close();
        server.close();
    }

    static CryptographicParameters params(BlockCipherMode mode, PaddingMethod padding, Integer tagLength) {
        return CryptographicParameters.builder().blockCipherMode(mode).paddingMethod(padding)
                .cryptographicAlgorithm(CryptographicAlgorithm.AES).tagLength(tagLength).build();
    }

    static Encrypt.Response encrypt(ProtocolVersion v, String uid, CryptographicParameters p, byte[] data, byte[] iv,
            byte[] aad) throws IOException {
        return client.ok(v, Encrypt.Request.of(UniqueId.of(uid), p, Bytes.of(data), iv == null ? null : Bytes.of(iv),
                aad == null ? null : Bytes.of(aad)), Encrypt.Response.class);
    }

    static byte[] decrypt(ProtocolVersion v, String uid, CryptographicParameters p, byte[] data, byte[] iv, byte[] aad,
            byte[] tag) throws IOException {
        return client.ok(v, decryptRequest(uid, p, data, iv, aad, tag), Decrypt.Response.class).data().toByteArray();
    }

    static Decrypt.Request decryptRequest(String uid, CryptographicParameters p, byte[] data, byte[] iv, byte[] aad,
            byte[] tag) {
        return Decrypt.Request.of(UniqueId.of(uid), p, Bytes.of(data), iv == null ? null : Bytes.of(iv),
                aad == null ? null : Bytes.of(aad), tag == null ? null : Bytes.of(tag));
    }

    static SecretKeySpec localKey(ProtocolVersion v, String uid) throws IOException {
        return new SecretKeySpec(Kmip.keyBytes(client, v, uid), "AES");
    }

    @ParameterizedTest
    @FieldSource("GCM_VERSIONS")
    void gcm_serverEncrypts_sunJceDecrypts(ProtocolVersion v) throws Exception {
        String uid = Kmip.activeKey(client, v);
        Encrypt.Response r = encrypt(v, uid, params(BlockCipherMode.GCM, null, null), PLAIN, null, AAD);
        byte[] iv = r.ivCounterNonce().toByteArray();
        assertEquals(12, iv.length, "generated GCM nonce");
        assertEquals(16, r.tag().length());
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, localKey(v, uid), new GCMParameterSpec(128, iv));
        c.updateAAD(AAD);
        byte[] joined = concat(r.data().toByteArray(), r.tag().toByteArray());
        assertArrayEquals(PLAIN, c.doFinal(joined));
    }

    @ParameterizedTest
    @FieldSource("GCM_VERSIONS")
    void gcm_sunJceEncrypts_serverDecrypts_andBadTagIsCryptographicFailure(ProtocolVersion v) throws Exception {
        String uid = Kmip.activeKey(client, v);
        byte[] iv = new byte[12];
        Arrays.fill(iv, (byte) 7);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, localKey(v, uid), new GCMParameterSpec(96, iv));
        c.updateAAD(AAD);
        byte[] out = c.doFinal(PLAIN);
        byte[] ct = Arrays.copyOf(out, out.length - 12);
        byte[] tag = Arrays.copyOfRange(out, out.length - 12, out.length);
        CryptographicParameters p = params(BlockCipherMode.GCM, null, 12);
        assertArrayEquals(PLAIN, decrypt(v, uid, p, ct, iv, AAD, tag));
        tag[0] ^= 1;
        assertTrue(client.fails(v, decryptRequest(uid, p, ct, iv, AAD, tag), ResultReason.CRYPTOGRAPHIC_FAILURE)
                .resultMessage().contains("GCM authentication failed"));
        client.fails(v, decryptRequest(uid, p, ct, iv, AAD, null), ResultReason.MISSING_DATA);
        client.fails(v, decryptRequest(uid, p, ct, null, AAD, tag),
                v.isKmip2() ? ResultReason.MISSING_INITIALIZATION_VECTOR : ResultReason.MISSING_DATA);
    }

    @Test
    void gcm_beforeKmip14_isInvalidField() throws IOException {
        String uid = Kmip.activeKey(client, V1_2);
        assertTrue(client.fails(V1_2, Encrypt.Request.of(UniqueId.of(uid), params(BlockCipherMode.GCM, null, 16),
                Bytes.of(PLAIN), null, null), ResultReason.INVALID_FIELD).resultMessage().contains("1.4"));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void cbc_roundTripsBothWaysWithSunJce(ProtocolVersion v) throws Exception {
        String uid = Kmip.activeKey(client, v);
        CryptographicParameters p = params(BlockCipherMode.CBC, PaddingMethod.PKCS5, null);
        Encrypt.Response r = encrypt(v, uid, p, PLAIN, null, null);
        byte[] iv = r.ivCounterNonce().toByteArray();
        assertEquals(16, iv.length);
        assertNull(r.tag());
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(Cipher.DECRYPT_MODE, localKey(v, uid), new IvParameterSpec(iv));
        assertArrayEquals(PLAIN, c.doFinal(r.data().toByteArray()));
        byte[] myIv = new byte[16];
        c.init(Cipher.ENCRYPT_MODE, localKey(v, uid), new IvParameterSpec(myIv));
        assertArrayEquals(PLAIN, decrypt(v, uid, p, c.doFinal(PLAIN), myIv, null, null));
        Encrypt.Response given = encrypt(v, uid, p, PLAIN, myIv, null);
        assertNull(given.ivCounterNonce(), "an IV the client gave is not echoed");
        assertArrayEquals(c.doFinal(PLAIN), given.data().toByteArray());
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void cbc_badPaddingOrIv_isRefused(ProtocolVersion v) throws Exception {
        String uid = Kmip.activeKey(client, v);
        CryptographicParameters p = params(BlockCipherMode.CBC, PaddingMethod.PKCS5, null);
        // A ciphertext whose last plaintext byte is 0 has invalid PKCS#5 padding under every key; decrypting
        // arbitrary bytes instead would find valid padding about once in 256 runs (it did, once, in CI).
        byte[] badlyPadded = new byte[32];
        badlyPadded[31] = 0;
        Cipher local = Cipher.getInstance("AES/CBC/NoPadding");
        local.init(Cipher.ENCRYPT_MODE, localKey(v, uid), new IvParameterSpec(new byte[16]));
        client.fails(v, decryptRequest(uid, p, local.doFinal(badlyPadded), new byte[16], null, null),
                ResultReason.CRYPTOGRAPHIC_FAILURE);
        assertTrue(client.fails(v, Encrypt.Request.of(UniqueId.of(uid), p, Bytes.of(PLAIN), Bytes.of(new byte[8]), null),
                ResultReason.INVALID_FIELD).resultMessage().contains("16-byte"));
        client.fails(v, Encrypt.Request.of(UniqueId.of(uid), params(BlockCipherMode.CBC, PaddingMethod.NONE, null),
                Bytes.of(PLAIN), null, null), ResultReason.INVALID_FIELD);
        client.fails(v, Encrypt.Request.of(UniqueId.of(uid), params(BlockCipherMode.CBC, PaddingMethod.OAEP, null),
                Bytes.of(PLAIN), null, null), ResultReason.INVALID_FIELD);
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void ctr_roundTripsWithSunJce(ProtocolVersion v) throws Exception {
        String uid = Kmip.activeKey(client, v);
        CryptographicParameters p = params(BlockCipherMode.CTR, null, null);
        Encrypt.Response r = encrypt(v, uid, p, PLAIN, null, null);
        assertEquals(PLAIN.length, r.data().length());
        Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
        c.init(Cipher.DECRYPT_MODE, localKey(v, uid), new IvParameterSpec(r.ivCounterNonce().toByteArray()));
        assertArrayEquals(PLAIN, c.doFinal(r.data().toByteArray()));
        assertArrayEquals(PLAIN, decrypt(v, uid, p, r.data().toByteArray(), r.ivCounterNonce().toByteArray(), null, null));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void nistKeyWrapMode_matchesSunJceAesWrap(ProtocolVersion v) throws Exception {
        String uid = Kmip.activeKey(client, v);
        byte[] dataKey = new byte[32];
        Arrays.fill(dataKey, (byte) 0x5A);
        CryptographicParameters p = params(BlockCipherMode.NIST_KEY_WRAP, null, null);
        Encrypt.Response r = encrypt(v, uid, p, dataKey, null, null);
        assertNull(r.ivCounterNonce());
        Cipher c = Cipher.getInstance("AESWrap");
        c.init(Cipher.UNWRAP_MODE, localKey(v, uid));
        assertArrayEquals(dataKey, c.unwrap(r.data().toByteArray(), "AES", Cipher.SECRET_KEY).getEncoded());
        assertArrayEquals(dataKey, decrypt(v, uid, p, r.data().toByteArray(), null, null, null));
        byte[] tampered = r.data().toByteArray();
        tampered[3] ^= 1;
        client.fails(v, decryptRequest(uid, p, tampered, null, null, null), ResultReason.CRYPTOGRAPHIC_FAILURE);
        client.fails(v, Encrypt.Request.of(UniqueId.of(uid), p, Bytes.of(new byte[13]), null, null), ResultReason.INVALID_FIELD);
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void encrypt_needsActiveKeyWithEncryptUsage(ProtocolVersion v) throws IOException {
        CryptographicParameters p = params(BlockCipherMode.CBC, null, null);
        String preActive = Kmip.create(client, v, 128, KEK_MASK);
        ResultReason state = v.isKmip2() ? ResultReason.WRONG_KEY_LIFECYCLE_STATE : ResultReason.PERMISSION_DENIED;
        client.fails(v, Encrypt.Request.of(UniqueId.of(preActive), p, Bytes.of(PLAIN), null, null), state);
        String decryptOnly = Kmip.create(client, v, 128, CryptographicUsageMask.DECRYPT);
        client.ok(v, Activate.Request.of(decryptOnly), Activate.Response.class);
        ResultReason usage = v.isKmip2() ? ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK : ResultReason.PERMISSION_DENIED;
        assertTrue(client.fails(v, Encrypt.Request.of(UniqueId.of(decryptOnly), p, Bytes.of(PLAIN), null, null), usage)
                .resultMessage().contains("Encrypt"));
        client.fails(v, decryptRequest(preActive, p, new byte[16], new byte[16], null, null), state);
        String encryptOnly = Kmip.create(client, v, 128, CryptographicUsageMask.ENCRYPT);
        client.ok(v, Activate.Request.of(encryptOnly), Activate.Response.class);
        client.fails(v, decryptRequest(encryptOnly, p, new byte[16], new byte[16], null, null), usage);
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void deactivatedAndCompromisedKeys_decryptButNeverEncrypt(ProtocolVersion v) throws Exception {
        CryptographicParameters p = params(BlockCipherMode.CBC, null, null);
        ResultReason state = v.isKmip2() ? ResultReason.WRONG_KEY_LIFECYCLE_STATE : ResultReason.PERMISSION_DENIED;
        for (RevocationReasonCode code : List.of(RevocationReasonCode.SUPERSEDED, RevocationReasonCode.KEY_COMPROMISE)) {
            String uid = Kmip.activeKey(client, v);
            Encrypt.Response r = encrypt(v, uid, p, PLAIN, null, null);
            client.ok(v, new Revoke.Request(UniqueId.of(uid), RevocationReason.of(code), Instant.now()), Revoke.Response.class);
            client.fails(v, Encrypt.Request.of(UniqueId.of(uid), p, Bytes.of(PLAIN), null, null), state);
            assertArrayEquals(PLAIN, decrypt(v, uid, p, r.data().toByteArray(), r.ivCounterNonce().toByteArray(), null, null));
        }
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void encrypt_badRequests_nameWhatIsWrong(ProtocolVersion v) throws IOException {
        String uid = Kmip.activeKey(client, v);
        UniqueId id = UniqueId.of(uid);
        assertTrue(client.fails(v, Encrypt.Request.of(id, null, Bytes.of(PLAIN), null, null), ResultReason.MISSING_DATA)
                .resultMessage().contains("Cryptographic Parameters"));
        client.fails(v, Encrypt.Request.of(id, CryptographicParameters.builder().build(), Bytes.of(PLAIN), null, null),
                ResultReason.MISSING_DATA);
        client.fails(v, Encrypt.Request.of(id, params(BlockCipherMode.CBC, null, null), null, null, null),
                ResultReason.MISSING_DATA);
        client.fails(v, Encrypt.Request.of(id, params(BlockCipherMode.XTS, null, null), Bytes.of(PLAIN), null, null),
                ResultReason.INVALID_FIELD);
        client.fails(v, Encrypt.Request.of(id, CryptographicParameters.builder().blockCipherMode(BlockCipherMode.CBC)
                .cryptographicAlgorithm(CryptographicAlgorithm.TRIPLE_DES).build(), Bytes.of(PLAIN), null, null),
                ResultReason.INVALID_FIELD);
        client.fails(v, Encrypt.Request.of(UniqueId.of("missing"), params(BlockCipherMode.CBC, null, null),
                Bytes.of(PLAIN), null, null), ResultReason.ITEM_NOT_FOUND);
    }

    @Test
    void encrypt_streamingFields_areNotSupported() throws IOException {
        String uid = Kmip.activeKey(client, V1_4);
        Encrypt.Request r = new Encrypt.Request(UniqueId.of(uid), params(BlockCipherMode.CBC, null, null), Bytes.of(PLAIN),
                null, null, true, null, null);
        client.fails(V1_4, r, ResultReason.FEATURE_NOT_SUPPORTED);
    }

    @Test
    void encrypt_atKmip11_isOperationNotSupported() throws IOException {
        String uid = Kmip.activeKey(client, V1_4);
        CryptographicParameters p = CryptographicParameters.builder().blockCipherMode(BlockCipherMode.CBC).build();
        assertTrue(client.fails(ProtocolVersion.V1_1, Encrypt.Request.of(UniqueId.of(uid), p, Bytes.of(PLAIN), null, null),
                ResultReason.OPERATION_NOT_SUPPORTED).resultMessage().contains("since 1.2"));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
