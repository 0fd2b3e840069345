package dev.kmipjca.server;

import static dev.kmipjca.server.Kmip.KEK_MASK;
import static dev.kmipjca.server.Kmip.V1_2;
import static dev.kmipjca.server.Kmip.V1_4;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.BlockCipherMode;
import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.Certificate;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.CryptographicParameters;
import dev.kmipjca.protocol.CryptographicUsageMask;
import dev.kmipjca.protocol.EncodingOption;
import dev.kmipjca.protocol.Get;
import dev.kmipjca.protocol.KeyBlock;
import dev.kmipjca.protocol.KeyCompressionType;
import dev.kmipjca.protocol.KeyFormatType;
import dev.kmipjca.protocol.KeyInformation;
import dev.kmipjca.protocol.KeyValue;
import dev.kmipjca.protocol.KeyWrappingSpecification;
import dev.kmipjca.protocol.ObjectType;
import dev.kmipjca.protocol.PrivateKey;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.Register;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.SecretData;
import dev.kmipjca.protocol.SecretDataType;
import dev.kmipjca.protocol.State;
import dev.kmipjca.protocol.SymmetricKey;
import dev.kmipjca.protocol.UniqueId;
import dev.kmipjca.protocol.WrappingMethod;
import dev.kmipjca.transport.DevPki;
import java.io.IOException;
import java.nio.file.Path;
import java.security.Key;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Register of each object type, Get in each format, Get wrapped with AES key wrap, export rules. */
class RegisterGetTest {
    @TempDir
    static Path dir;
    static DevServer server;
    static TestClient client;
    static final List<ProtocolVersion> VERSIONS = Kmip.VERSIONS;
    static final byte[] KEY = HexFormat.of().parseHex("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F");

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

    static Attributes mask(int mask, Attributes.Builder more) {
        return more.add(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK, mask).build();
    }

    static String register(ProtocolVersion v, dev.kmipjca.protocol.ManagedObject o, Attributes a) throws IOException {
        return client.ok(v, Register.Request.of(o, a), Register.Response.class).uniqueIdentifier().text();
    }

    static String registerAes(ProtocolVersion v, Attributes.Builder more) throws IOException {
        return register(v, new SymmetricKey(KeyBlock.raw(Bytes.of(KEY), CryptographicAlgorithm.AES, 256)),
                mask(KEK_MASK, more));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void registerSymmetricKey_getReturnsTheSameBytesAndAttributes(ProtocolVersion v) throws IOException {
        String uid = registerAes(v, Attributes.builder().add(AttributeKey.NAME, Kmip.name("registered")));
        assertArrayEquals(KEY, Kmip.keyBytes(client, v, uid));
        Attributes a = Kmip.attributes(client, v, uid);
        assertEquals(CryptographicAlgorithm.AES, a.get(AttributeKey.CRYPTOGRAPHIC_ALGORITHM));
        assertEquals(256, a.get(AttributeKey.CRYPTOGRAPHIC_LENGTH));
        assertEquals(State.PRE_ACTIVE, a.get(AttributeKey.STATE));
        assertEquals("registered", a.get(AttributeKey.NAME).value());
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void registerTransparentKey_isStoredRawAndConvertsBothWays(ProtocolVersion v) throws IOException {
        KeyBlock tsk = new KeyBlock(KeyFormatType.TRANSPARENT_SYMMETRIC_KEY, null,
                KeyValue.transparentSymmetricKey(Bytes.of(KEY)), null, CryptographicAlgorithm.AES, 256, null);
        String uid = register(v, new SymmetricKey(tsk), mask(KEK_MASK, Attributes.builder()));
        Get.Response raw = client.ok(v, new Get.Request(Kmip.id(uid), KeyFormatType.RAW, null, null, null), Get.Response.class);
        KeyBlock rb = ((SymmetricKey) raw.object()).keyBlock();
        assertEquals(KeyFormatType.RAW, rb.keyFormatType());
        assertArrayEquals(KEY, rb.keyValue().keyMaterial().toByteArray());
        Get.Response t = client.ok(v, new Get.Request(Kmip.id(uid), KeyFormatType.TRANSPARENT_SYMMETRIC_KEY, null, null,
                null), Get.Response.class);
        KeyBlock tb = ((SymmetricKey) t.object()).keyBlock();
        assertEquals(KeyFormatType.TRANSPARENT_SYMMETRIC_KEY, tb.keyFormatType());
        assertNull(tb.keyValue().keyMaterial());
        assertArrayEquals(KEY, tb.keyValue().symmetricKey().toByteArray());
        assertEquals(256, tb.cryptographicLength());
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void registerSecretData_getReturnsItInItsFormatOnly(ProtocolVersion v) throws IOException {
        byte[] secret = "correct horse battery staple".getBytes();
        String uid = register(v, new SecretData(SecretDataType.PASSWORD, KeyBlock.of(KeyFormatType.OPAQUE, Bytes.of(secret))),
                Attributes.empty());
        SecretData s = (SecretData) client.ok(v, Get.Request.of(uid), Get.Response.class).object();
        assertEquals(SecretDataType.PASSWORD, s.secretDataType());
        assertArrayEquals(secret, s.keyBlock().keyValue().keyMaterial().toByteArray());
        assertEquals(ObjectType.SECRET_DATA, Kmip.attributes(client, v, uid).get(AttributeKey.OBJECT_TYPE));
        client.fails(v, new Get.Request(Kmip.id(uid), KeyFormatType.RAW, null, null, null),
                ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED);
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void registerPrivateKeyAndCertificate_getReturnsThem(ProtocolVersion v) throws IOException {
        DevPki.Issued ca = server.certificateAuthority();
        byte[] pkcs8 = ca.privateKey().getEncoded();
        String pk = register(v, new PrivateKey(new KeyBlock(KeyFormatType.PKCS_8, null, KeyValue.of(Bytes.of(pkcs8)), null,
                CryptographicAlgorithm.EC, 256, null)), mask(CryptographicUsageMask.SIGN, Attributes.builder()));
        PrivateKey got = (PrivateKey) client.ok(v, Get.Request.of(pk), Get.Response.class).object();
        assertArrayEquals(pkcs8, got.keyBlock().keyValue().keyMaterial().toByteArray());
        assertEquals(KeyFormatType.PKCS_8, got.keyBlock().keyFormatType());
        byte[] der;
        try {
            der = ca.certificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new AssertionError(e);
        }
        String cert = register(v, Certificate.x509(der), Attributes.empty());
        Certificate c = (Certificate) client.ok(v, Get.Request.of(cert), Get.Response.class).object();
        assertArrayEquals(der, c.certificateValue().toByteArray());
        assertEquals(ObjectType.CERTIFICATE, Kmip.attributes(client, v, cert).get(AttributeKey.OBJECT_TYPE));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void registerWithMismatchedLength_isInvalidField(ProtocolVersion v) throws IOException {
        SymmetricKey k = new SymmetricKey(KeyBlock.raw(Bytes.of(KEY), CryptographicAlgorithm.AES, 128));
        assertTrue(client.fails(v, Register.Request.of(k, Attributes.empty()), ResultReason.INVALID_FIELD)
                .resultMessage().contains("Cryptographic Length 128"));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void getWithCompression_isKeyCompressionTypeNotSupported(ProtocolVersion v) throws IOException {
        String uid = Kmip.create(client, v, 128, KEK_MASK);
        client.fails(v, new Get.Request(Kmip.id(uid), null, null, KeyCompressionType.EC_PUBLIC_KEY_TYPE_UNCOMPRESSED, null),
                ResultReason.KEY_COMPRESSION_TYPE_NOT_SUPPORTED);
        assertTrue(client.fails(v, new Get.Request(Kmip.id(uid), KeyFormatType.PKCS_8, null, null, null),
                ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED).resultMessage().contains("Raw or Transparent Symmetric Key"));
    }

    static KeyWrappingSpecification wrapSpec(String kek, BlockCipherMode mode) {
        CryptographicParameters p = mode == null ? null : CryptographicParameters.builder().blockCipherMode(mode).build();
        return new KeyWrappingSpecification(WrappingMethod.ENCRYPT, new KeyInformation(Kmip.id(kek), p), null, null,
                EncodingOption.NO_ENCODING);
    }

    static Get.Request wrappedGet(String uid, KeyWrappingSpecification spec) {
        return new Get.Request(Kmip.id(uid), null, null, null, spec);
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void getWrapped_nistKeyWrap_unwrapsLocallyWithAesWrap(ProtocolVersion v) throws Exception {
        String kek = Kmip.activeKey(client, v);
        String uid = registerAes(v, Attributes.builder());
        Get.Response r = client.ok(v, wrappedGet(uid, wrapSpec(kek, BlockCipherMode.NIST_KEY_WRAP)), Get.Response.class);
        KeyBlock b = ((SymmetricKey) r.object()).keyBlock();
        assertTrue(b.isWrapped());
        assertEquals(40, b.wrappedKeyValue().length());
        assertEquals(WrappingMethod.ENCRYPT, b.keyWrappingData().wrappingMethod());
        assertEquals(UniqueId.of(kek), b.keyWrappingData().encryptionKeyInformation().uniqueIdentifier());
        assertEquals(BlockCipherMode.NIST_KEY_WRAP,
                b.keyWrappingData().encryptionKeyInformation().cryptographicParameters().blockCipherMode());
        assertEquals(EncodingOption.NO_ENCODING, b.keyWrappingData().encodingOption());
        Cipher c = Cipher.getInstance("AESWrap");
        c.init(Cipher.UNWRAP_MODE, new SecretKeySpec(Kmip.keyBytes(client, v, kek), "AES"));
        Key unwrapped = c.unwrap(b.wrappedKeyValue().toByteArray(), "AES", Cipher.SECRET_KEY);
        assertArrayEquals(KEY, unwrapped.getEncoded());
    }

    @Test
    void getWrapped_secretDataWithPaddingKeyWrap_unwrapsLocallyWithAesWrapPad() throws Exception {
        String kek = Kmip.activeKey(client, V1_4);
        byte[] secret = "odd-length secret".getBytes();
        String uid = register(V1_4, new SecretData(SecretDataType.SEED, KeyBlock.of(KeyFormatType.OPAQUE, Bytes.of(secret))),
                Attributes.empty());
        client.fails(V1_4, wrappedGet(uid, wrapSpec(kek, BlockCipherMode.NIST_KEY_WRAP)), ResultReason.INVALID_FIELD);
        Get.Response r = client.ok(V1_4, wrappedGet(uid, wrapSpec(kek, BlockCipherMode.AES_KEY_WRAP_PADDING)),
                Get.Response.class);
        byte[] wrapped = ((SecretData) r.object()).keyBlock().wrappedKeyValue().toByteArray();
        Cipher c = Cipher.getInstance("AESWrapPad");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Kmip.keyBytes(client, V1_4, kek), "AES"));
        assertArrayEquals(secret, c.doFinal(wrapped));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void getWrapped_byKeyNotActiveOrWithoutWrapKey_isRefused(ProtocolVersion v) throws IOException {
        String uid = Kmip.create(client, v, 128, KEK_MASK);
        String preActive = Kmip.create(client, v, 256, KEK_MASK);
        ResultReason state = v.isKmip2() ? ResultReason.WRONG_KEY_LIFECYCLE_STATE : ResultReason.PERMISSION_DENIED;
        client.fails(v, wrappedGet(uid, wrapSpec(preActive, null)), state);
        String noWrap = Kmip.create(client, v, 256, CryptographicUsageMask.ENCRYPT);
        client.ok(v, dev.kmipjca.protocol.Activate.Request.of(noWrap), dev.kmipjca.protocol.Activate.Response.class);
        ResultReason usage = v.isKmip2() ? ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK : ResultReason.PERMISSION_DENIED;
        assertTrue(client.fails(v, wrappedGet(uid, wrapSpec(noWrap, null)), usage).resultMessage().contains("Wrap Key"));
        client.fails(v, wrappedGet(uid, wrapSpec("no-such-kek", null)), ResultReason.ITEM_NOT_FOUND);
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void getWrapped_badSpecification_namesWhatIsWrong(ProtocolVersion v) throws IOException {
        String kek = Kmip.activeKey(client, v);
        String uid = Kmip.create(client, v, 128, KEK_MASK);
        assertTrue(client.fails(v, wrappedGet(uid, wrapSpec(kek, BlockCipherMode.GCM)), ResultReason.INVALID_FIELD)
                .resultMessage().contains("GCM"));
        client.fails(v, wrappedGet(uid, new KeyWrappingSpecification(WrappingMethod.MAC_SIGN,
                new KeyInformation(Kmip.id(kek), null), null, null, null)), ResultReason.FEATURE_NOT_SUPPORTED);
        client.fails(v, wrappedGet(uid, new KeyWrappingSpecification(WrappingMethod.ENCRYPT, null, null, null, null)),
                ResultReason.MISSING_DATA);
        client.fails(v, wrappedGet(uid, new KeyWrappingSpecification(WrappingMethod.ENCRYPT,
                new KeyInformation(Kmip.id(kek), null), null, null, EncodingOption.TTLV_ENCODING)),
                ResultReason.ENCODING_OPTION_ERROR);
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void sensitiveKey_leavesOnlyWrapped(ProtocolVersion v) throws IOException {
        String kek = Kmip.activeKey(client, v);
        String uid = Kmip.create(client, v, 128, KEK_MASK);
        client.ok(v, new dev.kmipjca.protocol.AddAttribute.Request(Kmip.id(uid),
                dev.kmipjca.protocol.Attribute.of(AttributeKey.SENSITIVE, true)), dev.kmipjca.protocol.AddAttribute.Response.class);
        ResultReason expected = v.isAtLeast(V1_4) ? ResultReason.SENSITIVE : ResultReason.PERMISSION_DENIED;
        client.fails(v, Get.Request.of(uid), expected);
        assertNotNull(client.ok(v, wrappedGet(uid, wrapSpec(kek, null)), Get.Response.class).object());
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void nonExtractableKey_neverLeaves(ProtocolVersion v) throws IOException {
        String kek = Kmip.activeKey(client, v);
        Attributes extra = Attributes.builder().add(AttributeKey.EXTRACTABLE, false).build();
        String uid = client.ok(v, Kmip.aes(128, KEK_MASK, extra), dev.kmipjca.protocol.Create.Response.class)
                .uniqueIdentifier().text();
        ResultReason expected = v.isAtLeast(V1_4) ? ResultReason.NOT_EXTRACTABLE : ResultReason.PERMISSION_DENIED;
        client.fails(v, Get.Request.of(uid), expected);
        client.fails(v, wrappedGet(uid, wrapSpec(kek, null)), expected);
    }

    @Test
    void registerWrappedKey_isNotSupported() throws IOException {
        KeyBlock wrapped = new KeyBlock(KeyFormatType.RAW, null, null, Bytes.of(new byte[40]), CryptographicAlgorithm.AES,
                256, new dev.kmipjca.protocol.KeyWrappingData(WrappingMethod.ENCRYPT, null, null, null, null, null));
        client.fails(V1_2, Register.Request.of(new SymmetricKey(wrapped), Attributes.empty()),
                ResultReason.FEATURE_NOT_SUPPORTED);
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void registerUnsupportedTypeOrMismatchedObjectType_isInvalidField(ProtocolVersion v) throws IOException {
        dev.kmipjca.ttlv.Ttlv publicKey = dev.kmipjca.ttlv.Ttlv.structure(dev.kmipjca.ttlv.Tag.PUBLIC_KEY,
                dev.kmipjca.ttlv.Ttlv.structure(dev.kmipjca.ttlv.Tag.KEY_BLOCK,
                        dev.kmipjca.ttlv.Ttlv.enumeration(dev.kmipjca.ttlv.Tag.KEY_FORMAT_TYPE, KeyFormatType.X_509.value()),
                        dev.kmipjca.ttlv.Ttlv.structure(dev.kmipjca.ttlv.Tag.KEY_VALUE,
                                dev.kmipjca.ttlv.Ttlv.bytes(dev.kmipjca.ttlv.Tag.KEY_MATERIAL, new byte[] {1, 2, 3}))));
        assertTrue(client.fails(v, Register.Request.of(new dev.kmipjca.protocol.RawObject(publicKey), Attributes.empty()),
                ResultReason.INVALID_FIELD).resultMessage().contains("Public Key"));
        SymmetricKey k = new SymmetricKey(KeyBlock.raw(Bytes.of(KEY), CryptographicAlgorithm.AES, 256));
        assertTrue(client.fails(v, new Register.Request(ObjectType.SECRET_DATA, Attributes.empty(), k, null),
                ResultReason.INVALID_FIELD).resultMessage().contains("does not match"));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void getCertificateInAKeyFormat_isKeyFormatTypeNotSupported(ProtocolVersion v) throws Exception {
        String cert = register(v, Certificate.x509(server.certificateAuthority().certificate().getEncoded()),
                Attributes.empty());
        client.fails(v, new Get.Request(Kmip.id(cert), KeyFormatType.RAW, null, null, null),
                ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED);
        assertNotNull(client.ok(v, new Get.Request(Kmip.id(cert), KeyFormatType.X_509, null, null, null),
                Get.Response.class).object());
    }
}
