package dev.kmipjca.protocol;

import static dev.kmipjca.protocol.ProtocolVersion.V1_1;
import static dev.kmipjca.protocol.ProtocolVersion.V1_2;
import static dev.kmipjca.protocol.ProtocolVersion.V1_3;
import static dev.kmipjca.protocol.ProtocolVersion.V1_4;
import static dev.kmipjca.protocol.ProtocolVersion.V2_0;

import dev.kmipjca.ttlv.Tag;
import dev.kmipjca.ttlv.Ttlv;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One filled-in payload of every modelled type, for a given version: each uses the fields that
 * version defines (later fields are left out), and only operations the version has.
 */
final class PayloadSamples {
    private PayloadSamples() {}

    static final UniqueId ID = UniqueId.of("f0e1d2c3-0001");
    static final Instant WHEN = Instant.parse("2024-05-06T07:08:09Z");

    static <T> T since(ProtocolVersion v, ProtocolVersion since, T value) {
        return v.isAtLeast(since) ? value : null;
    }

    static <T> T before2(ProtocolVersion v, T value) {
        return v.isKmip2() ? null : value;
    }

    static CryptographicParameters gcm(ProtocolVersion v) {
        CryptographicParameters.Builder b = CryptographicParameters.builder()
                .blockCipherMode(BlockCipherMode.GCM).paddingMethod(PaddingMethod.NONE)
                .hashingAlgorithm(HashingAlgorithm.SHA_256).keyRoleType(KeyRoleType.KEK);
        if (v.isAtLeast(V1_2)) {
            b.cryptographicAlgorithm(CryptographicAlgorithm.AES).randomIv(true).ivLength(96).tagLength(16)
                    .digitalSignatureAlgorithm(DigitalSignatureAlgorithm.SHA_256_WITH_RSA_ENCRYPTION)
                    .fixedFieldLength(32).invocationFieldLength(64).counterLength(32).initialCounterValue(1);
        }
        if (v.isAtLeast(V1_4)) {
            b.saltLength(20).maskGenerator(MaskGenerator.MGF1).maskGeneratorHashingAlgorithm(HashingAlgorithm.SHA_1)
                    .pSource(Bytes.ofHex("0102")).trailerField(1);
        }
        return b.build();
    }

    /** Standard attributes of many value types; custom ones only in 1.x. */
    static Attributes richAttributes(ProtocolVersion v) {
        Attributes.Builder b = Attributes.builder()
                .add(AttributeKey.UNIQUE_IDENTIFIER, ID)
                .add(AttributeKey.NAME, new Name("https://example.com/k", NameType.URI))
                .add(AttributeKey.OBJECT_TYPE, ObjectType.SYMMETRIC_KEY)
                .add(AttributeKey.CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm.AES)
                .add(AttributeKey.CRYPTOGRAPHIC_LENGTH, 256)
                .add(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK, CryptographicUsageMask.WRAP_KEY | CryptographicUsageMask.UNWRAP_KEY)
                .add(AttributeKey.CRYPTOGRAPHIC_PARAMETERS, gcm(v))
                .add(AttributeKey.STATE, State.ACTIVE)
                .add(AttributeKey.INITIAL_DATE, WHEN)
                .add(AttributeKey.ACTIVATION_DATE, WHEN)
                .add(AttributeKey.DEACTIVATION_DATE, WHEN.plusSeconds(60))
                .add(AttributeKey.LAST_CHANGE_DATE, WHEN)
                .add(AttributeKey.LINK, new Link(LinkType.REPLACEMENT_OBJECT_LINK, UniqueId.of("old")))
                .add(AttributeKey.OBJECT_GROUP, "kmip-jca")
                .add(AttributeKey.APPLICATION_SPECIFIC_INFORMATION, new ApplicationSpecificInformation("ssl", "example.com"))
                .add(AttributeKey.REVOCATION_REASON, new RevocationReason(RevocationReasonCode.SUPERSEDED, "rotated"))
                .add(AttributeKey.LEASE_TIME, Duration.ofDays(1))
                .add(AttributeKey.SENSITIVE, true)
                .add(AttributeKey.EXTRACTABLE, false);
        if (!v.isKmip2()) {
            b.add(AttributeKey.OPERATION_POLICY_NAME, "default").add("x-Purpose", "demonstration").add("x-Count", 3);
            b.add(Attribute.of(AttributeKey.NAME, Name.of("second")).withIndex(1));
        }
        return b.build();
    }

    static List<RequestPayload> requests(ProtocolVersion v) {
        List<RequestPayload> out = new ArrayList<>();
        if (v.isAtLeast(V1_1)) {
            out.add(DiscoverVersions.Request.of(ProtocolVersion.V2_1, ProtocolVersion.V1_4));
        }
        out.add(Query.Request.of(QueryFunction.QUERY_OPERATIONS, QueryFunction.QUERY_OBJECTS));
        out.add(Create.Request.symmetricKey(CryptographicAlgorithm.AES, 256, 0x3C, "kek-1"));
        out.add(new Create.Request(ObjectType.SYMMETRIC_KEY, richAttributes(v), since(v, V2_0, ProtectionStorageMasks.of(1, 2))));
        out.add(Register.Request.of(new SymmetricKey(KeyBlock.raw(Bytes.ofHex("00112233445566778899AABBCCDDEEFF"),
                CryptographicAlgorithm.AES, 128)), Attributes.of(Attribute.of(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK, 12))));
        out.add(Register.Request.of(new SymmetricKey(new KeyBlock(KeyFormatType.TRANSPARENT_SYMMETRIC_KEY, null,
                KeyValue.transparentSymmetricKey(Bytes.ofHex("A0A1A2A3A4A5A6A7")), null, CryptographicAlgorithm.AES, 64, null)),
                Attributes.empty()));
        out.add(Register.Request.of(new SecretData(SecretDataType.PASSWORD, KeyBlock.of(KeyFormatType.OPAQUE,
                Bytes.ofHex("736563726574"))), Attributes.of(Attribute.of(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK, 0))));
        out.add(Register.Request.of(new PrivateKey(new KeyBlock(KeyFormatType.PKCS_8, null, KeyValue.of(Bytes.ofHex("3082")),
                null, CryptographicAlgorithm.RSA, 2048, null)), Attributes.of(Attribute.of(AttributeKey.NAME, Name.of("rsa")))));
        out.add(Register.Request.of(Certificate.x509(new byte[] {0x30, (byte) 0x82, 1, 2}), Attributes.empty()));
        KeyWrappingSpecification spec = new KeyWrappingSpecification(WrappingMethod.ENCRYPT,
                new KeyInformation(UniqueId.of("kek"), CryptographicParameters.builder()
                        .blockCipherMode(BlockCipherMode.NIST_KEY_WRAP).build()),
                null, List.of("Cryptographic Usage Mask"), since(v, V1_1, EncodingOption.NO_ENCODING));
        out.add(new Get.Request(ID, KeyFormatType.RAW, since(v, V1_4, KeyWrapType.NOT_WRAPPED),
                KeyCompressionType.EC_PUBLIC_KEY_TYPE_UNCOMPRESSED, spec));
        out.add(Get.Request.of("plain"));
        out.add(GetAttributes.Request.of("k", "State", "Cryptographic Length", "Name"));
        out.add(new GetAttributes.Request(null, null));
        out.add(new GetAttributeList.Request(ID));
        out.add(new AddAttribute.Request(ID, Attribute.of(AttributeKey.CONTACT_INFORMATION, "ops@example.com")));
        out.add(new ModifyAttribute.Request(ID, since(v, V2_0, Attribute.of(AttributeKey.OBJECT_GROUP, "a")),
                Attribute.of(AttributeKey.OBJECT_GROUP, "b")));
        out.add(v.isKmip2() ? DeleteAttribute.Request.v2(ID, "Object Group")
                : DeleteAttribute.Request.v1(ID, "Object Group", 0));
        if (v.isKmip2()) {
            out.add(new DeleteAttribute.Request(ID, null, null, Attribute.of(AttributeKey.OBJECT_GROUP, "a"), null));
            out.add(new SetAttribute.Request(ID, Attribute.of(AttributeKey.ACTIVATION_DATE, WHEN)));
        }
        out.add(new Locate.Request(10, since(v, V1_3, 20), StorageStatusMask.ON_LINE_STORAGE,
                since(v, V1_1, ObjectGroupMember.GROUP_MEMBER_DEFAULT), Attributes.builder()
                .add(AttributeKey.OBJECT_TYPE, ObjectType.SYMMETRIC_KEY).add(AttributeKey.NAME, Name.of("kek-1"))
                .add(AttributeKey.STATE, State.ACTIVE).build()));
        out.add(Locate.Request.of(Attributes.empty()));
        out.add(Activate.Request.of("k"));
        out.add(new Revoke.Request(ID, new RevocationReason(RevocationReasonCode.KEY_COMPROMISE, "leaked"), WHEN));
        out.add(Destroy.Request.of("k"));
        out.add(new ReKey.Request(ID, Duration.ofHours(1), Attributes.of(Attribute.of(AttributeKey.ACTIVATION_DATE, WHEN)),
                since(v, V2_0, ProtectionStorageMasks.of(3))));
        if (v.isAtLeast(V1_2)) {
            out.add(new Encrypt.Request(ID, gcm(v), Bytes.ofHex("DEADBEEF"), Bytes.ofHex("000102030405060708090A0B"),
                    since(v, V1_3, Bytes.ofHex("C0")), since(v, V1_3, true), since(v, V1_3, false),
                    since(v, V1_4, Bytes.ofHex("AAD0"))));
            out.add(new Decrypt.Request(ID, gcm(v), Bytes.ofHex("CAFE"), Bytes.ofHex("0B0A"), since(v, V1_3, Bytes.ofHex("C1")),
                    since(v, V1_3, false), since(v, V1_3, true), since(v, V1_4, Bytes.ofHex("AAD1")),
                    since(v, V1_4, Bytes.ofHex("00112233445566778899AABBCCDDEEFF"))));
        }
        return out;
    }

    static List<ResponsePayload> responses(ProtocolVersion v) {
        List<ResponsePayload> out = new ArrayList<>();
        if (v.isAtLeast(V1_1)) {
            out.add(new DiscoverVersions.Response(List.of(ProtocolVersion.V1_4, ProtocolVersion.V1_0)));
        }
        out.add(new Query.Response(List.of(Operation.CREATE, Operation.GET), List.of(ObjectType.SYMMETRIC_KEY), "vendor",
                Ttlv.structure(Tag.SERVER_INFORMATION, Ttlv.text(Tag.SERVER_NAME, "dev")), List.of("ssl"),
                since(v, V1_1, List.of(Ttlv.structure(Tag.EXTENSION_INFORMATION, Ttlv.text(Tag.EXTENSION_NAME, "x")))),
                since(v, V1_2, List.of(AttestationType.TPM_QUOTE)),
                List.of(Ttlv.structure(Tag.CAPABILITY_INFORMATION, Ttlv.bool(Tag.STREAMING_CAPABILITY, false)))));
        out.add(new Create.Response(ObjectType.SYMMETRIC_KEY, ID, before2(v, Attributes.of(Attribute.of(AttributeKey.INITIAL_DATE, WHEN)))));
        out.add(Register.Response.of(ID));
        out.add(Get.Response.of(ID, new SymmetricKey(KeyBlock.raw(Bytes.ofHex("000102030405060708090A0B0C0D0E0F"),
                CryptographicAlgorithm.AES, 128))));
        out.add(Get.Response.of(ID, new SymmetricKey(new KeyBlock(KeyFormatType.RAW, null, null,
                Bytes.ofHex("1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5"), CryptographicAlgorithm.AES, 128,
                new KeyWrappingData(WrappingMethod.ENCRYPT, new KeyInformation(UniqueId.of("kek"), null), null, null, null,
                        since(v, V1_1, EncodingOption.NO_ENCODING))))));
        out.add(Get.Response.of(ID, new SymmetricKey(new KeyBlock(KeyFormatType.RAW, null,
                new KeyValue(Bytes.ofHex("0011"), null, Attributes.of(Attribute.of(AttributeKey.CRYPTOGRAPHIC_LENGTH, 16))),
                null, CryptographicAlgorithm.AES, 16, null))));
        out.add(Get.Response.of(ID, Certificate.x509(new byte[] {0x30, 0x03, 1, 2, 3})));
        out.add(new GetAttributes.Response(ID, richAttributes(v)));
        out.add(new GetAttributes.Response(ID, Attributes.empty()));
        out.add(new GetAttributeList.Response(ID, List.of("State", "Name", "Cryptographic Algorithm")));
        Attribute group = Attribute.of(AttributeKey.OBJECT_GROUP, "b");
        out.add(new AddAttribute.Response(ID, before2(v, group)));
        out.add(new ModifyAttribute.Response(ID, before2(v, group)));
        out.add(new DeleteAttribute.Response(ID, before2(v, group)));
        if (v.isKmip2()) {
            out.add(new SetAttribute.Response(ID));
        }
        out.add(new Locate.Response(since(v, V1_3, 2), List.of(ID, UniqueId.of("other"))));
        out.add(new Locate.Response(null, List.of()));
        out.add(new Activate.Response(ID));
        out.add(new Revoke.Response(ID));
        out.add(new Destroy.Response(ID));
        out.add(new ReKey.Response(UniqueId.of("new"), before2(v, Attributes.of(Attribute.of(AttributeKey.STATE, State.PRE_ACTIVE)))));
        if (v.isAtLeast(V1_2)) {
            out.add(new Encrypt.Response(ID, Bytes.ofHex("0102"), Bytes.ofHex("0A0B0C"), since(v, V1_3, Bytes.ofHex("C0")),
                    since(v, V1_4, Bytes.ofHex("00112233445566778899AABBCCDDEEFF"))));
            out.add(new Decrypt.Response(ID, Bytes.ofHex("68656C6C6F"), since(v, V1_3, Bytes.ofHex("C1"))));
        }
        return out;
    }
}
