package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.ATTRIBUTE;
import static dev.kmipjca.ttlv.Tag.ATTRIBUTES;
import static dev.kmipjca.ttlv.Tag.ATTRIBUTE_NAME;
import static dev.kmipjca.ttlv.Tag.ATTRIBUTE_REFERENCE;
import static dev.kmipjca.ttlv.Tag.ATTRIBUTE_VALUE;
import static dev.kmipjca.ttlv.Tag.CRYPTOGRAPHIC_ALGORITHM;
import static dev.kmipjca.ttlv.Tag.CRYPTOGRAPHIC_LENGTH;
import static dev.kmipjca.ttlv.Tag.CRYPTOGRAPHIC_USAGE_MASK;
import static dev.kmipjca.ttlv.Tag.NAME;
import static dev.kmipjca.ttlv.Tag.NAME_TYPE;
import static dev.kmipjca.ttlv.Tag.NAME_VALUE;
import static dev.kmipjca.ttlv.Tag.OBJECT_TYPE;
import static dev.kmipjca.ttlv.Tag.REQUEST_PAYLOAD;
import static dev.kmipjca.ttlv.Tag.RESPONSE_PAYLOAD;
import static dev.kmipjca.ttlv.Tag.TEMPLATE_ATTRIBUTE;
import static dev.kmipjca.ttlv.Tag.UNIQUE_IDENTIFIER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.ttlv.Tag;
import dev.kmipjca.ttlv.Ttlv;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 1.x and 2.x attribute containers (kmip-reference §4.4), built by hand and compared as trees. */
class AttributeFormsTest {
    private static final Create.Request KEK = Create.Request.symmetricKey(CryptographicAlgorithm.AES, 256,
            CryptographicUsageMask.WRAP_KEY | CryptographicUsageMask.UNWRAP_KEY, "kek-1");

    private static Ttlv name(int tag) {
        return Ttlv.structure(tag, Ttlv.text(NAME_VALUE, "kek-1"), Ttlv.enumeration(NAME_TYPE, 1));
    }

    private static Ttlv v1(String name, Ttlv value) {
        return Ttlv.structure(ATTRIBUTE, Ttlv.text(ATTRIBUTE_NAME, name), value);
    }

    @Test
    void createAes256Kek_atKmip1_4_usesTemplateAttributeWithNamedAttributes() {
        Ttlv expected = Ttlv.structure(REQUEST_PAYLOAD,
                Ttlv.enumeration(OBJECT_TYPE, 2),
                Ttlv.structure(TEMPLATE_ATTRIBUTE,
                        v1("Cryptographic Algorithm", Ttlv.enumeration(ATTRIBUTE_VALUE, 3)),
                        v1("Cryptographic Length", Ttlv.integer(ATTRIBUTE_VALUE, 256)),
                        v1("Cryptographic Usage Mask", Ttlv.integer(ATTRIBUTE_VALUE, 0x30)),
                        v1("Name", name(ATTRIBUTE_VALUE))));
        assertEquals(expected, Messages.encodeRequestPayload(KEK, ProtocolVersion.V1_4));
    }

    @Test
    void createAes256Kek_atKmip2_0_usesAttributesWithTaggedItems() {
        Ttlv expected = Ttlv.structure(REQUEST_PAYLOAD,
                Ttlv.enumeration(OBJECT_TYPE, 2),
                Ttlv.structure(ATTRIBUTES,
                        Ttlv.enumeration(CRYPTOGRAPHIC_ALGORITHM, 3),
                        Ttlv.integer(CRYPTOGRAPHIC_LENGTH, 256),
                        Ttlv.integer(CRYPTOGRAPHIC_USAGE_MASK, 0x30),
                        name(NAME)));
        assertEquals(expected, Messages.encodeRequestPayload(KEK, ProtocolVersion.V2_0));
    }

    @Test
    void locateFilter_isBareAttributesIn1_xAndOneAttributesStructureIn2_x() {
        Locate.Request p = Locate.Request.of(Attributes.builder().add(AttributeKey.OBJECT_TYPE, ObjectType.SYMMETRIC_KEY).build());
        assertEquals(Ttlv.structure(REQUEST_PAYLOAD, v1("Object Type", Ttlv.enumeration(ATTRIBUTE_VALUE, 2))),
                Messages.encodeRequestPayload(p, ProtocolVersion.V1_2));
        assertEquals(Ttlv.structure(REQUEST_PAYLOAD, Ttlv.structure(ATTRIBUTES, Ttlv.enumeration(OBJECT_TYPE, 2))),
                Messages.encodeRequestPayload(p, ProtocolVersion.V2_1));
        assertEquals(Ttlv.structure(REQUEST_PAYLOAD, Ttlv.structure(ATTRIBUTES)),
                Messages.encodeRequestPayload(Locate.Request.of(null), ProtocolVersion.V2_1),
                "2.x Locate always carries an Attributes structure");
    }

    @Test
    void getAttributesNames_areTextIn1_xAndTagReferencesIn2_x() throws Exception {
        GetAttributes.Request p = GetAttributes.Request.of("k", "Cryptographic Algorithm", "State");
        assertEquals(List.of(Ttlv.text(ATTRIBUTE_NAME, "Cryptographic Algorithm"), Ttlv.text(ATTRIBUTE_NAME, "State")),
                Messages.encodeRequestPayload(p, ProtocolVersion.V1_4).children(ATTRIBUTE_NAME));
        Ttlv v2 = Messages.encodeRequestPayload(p, ProtocolVersion.V2_0);
        assertEquals(List.of(Ttlv.enumeration(ATTRIBUTE_REFERENCE, CRYPTOGRAPHIC_ALGORITHM),
                Ttlv.enumeration(ATTRIBUTE_REFERENCE, Tag.STATE)), v2.children(ATTRIBUTE_REFERENCE));
        assertEquals(p, Messages.decodeRequestPayload(Operation.GET_ATTRIBUTES, v2, ProtocolVersion.V2_0));
    }

    @Test
    void vendorAttributeReference_isAStructureShownAsVendorColonName() throws Exception {
        Ttlv payload = Ttlv.structure(RESPONSE_PAYLOAD, Ttlv.text(UNIQUE_IDENTIFIER, "k"),
                Ttlv.structure(ATTRIBUTE_REFERENCE, Ttlv.text(Tag.VENDOR_IDENTIFICATION, "acme"),
                        Ttlv.text(ATTRIBUTE_NAME, "Colour")));
        GetAttributeList.Response r = (GetAttributeList.Response) Messages.decodeResponsePayload(
                Operation.GET_ATTRIBUTE_LIST, payload, ProtocolVersion.V2_1);
        assertEquals(List.of("acme:Colour"), r.attributeNames());
        assertEquals(payload, Messages.encodeResponsePayload(r, ProtocolVersion.V2_1));
    }

    @Test
    void customAttribute_in2_x_isRefusedWithItsName() {
        AddAttribute.Request p = new AddAttribute.Request(UniqueId.of("k"), Attribute.of("x-Purpose", "demo"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Messages.encodeRequestPayload(p, ProtocolVersion.V2_0));
        assertTrue(e.getMessage().contains("x-Purpose"), e.getMessage());
    }

    @Test
    void unknownStandardAttribute_from1_x_isKeptRawAndReencodedUnderItsTagIn2_x() throws Exception {
        Ttlv digest = Ttlv.structure(ATTRIBUTE_VALUE, Ttlv.enumeration(Tag.HASHING_ALGORITHM, 6),
                Ttlv.bytes(Tag.DIGEST_VALUE, new byte[] {1, 2}));
        Ttlv payload = Ttlv.structure(RESPONSE_PAYLOAD, Ttlv.text(UNIQUE_IDENTIFIER, "k"), v1("Digest", digest));
        GetAttributes.Response r = (GetAttributes.Response) Messages.decodeResponsePayload(
                Operation.GET_ATTRIBUTES, payload, ProtocolVersion.V1_1);
        Attribute a = r.attributes().get("Digest");
        assertEquals(digest, a.value());
        assertEquals(payload, Messages.encodeResponsePayload(r, ProtocolVersion.V1_1));
        Ttlv v2 = Messages.encodeResponsePayload(r, ProtocolVersion.V2_0).child(ATTRIBUTES).children().get(0);
        assertEquals(Tag.DIGEST, v2.tag());
        assertEquals(digest.children(), v2.children());
    }

    @Test
    void attributeIndex_in2_x_isRefused() {
        Attribute indexed = Attribute.of(AttributeKey.NAME, Name.of("n")).withIndex(1);
        assertThrows(IllegalArgumentException.class, () -> Messages.encodeResponsePayload(
                new GetAttributes.Response(UniqueId.of("k"), Attributes.of(indexed)), ProtocolVersion.V2_0));
    }

    @Test
    void attributeValue_mustHaveTheKeysType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Attribute.of("Cryptographic Length", "256"));
        assertTrue(e.getMessage().contains("Integer"), e.getMessage());
    }

    @Test
    void attributesGetters_findValuesByKeyAndName() {
        Attributes a = KEK.attributes();
        assertEquals(256, a.get(AttributeKey.CRYPTOGRAPHIC_LENGTH));
        assertEquals(List.of(Name.of("kek-1")), a.getAll(AttributeKey.NAME));
        assertEquals("Name", a.get("name").name());
        assertEquals(null, a.get(AttributeKey.STATE));
        assertEquals(5, a.with(Attribute.of(AttributeKey.STATE, State.ACTIVE)).size());
    }

    @Test
    void templateNameReference_in1_xTemplateAttribute_isKeptAndRefusedIn2_x() throws Exception {
        Ttlv payload = Ttlv.structure(REQUEST_PAYLOAD, Ttlv.enumeration(OBJECT_TYPE, 2),
                Ttlv.structure(TEMPLATE_ATTRIBUTE, name(NAME), v1("Cryptographic Length", Ttlv.integer(ATTRIBUTE_VALUE, 128))));
        Create.Request r = (Create.Request) Messages.decodeRequestPayload(Operation.CREATE, payload, ProtocolVersion.V1_2);
        assertEquals(List.of(Name.of("kek-1")), r.attributes().templateNames());
        assertEquals(128, r.attributes().get(AttributeKey.CRYPTOGRAPHIC_LENGTH));
        assertEquals(payload, Messages.encodeRequestPayload(r, ProtocolVersion.V1_2));
        assertThrows(IllegalArgumentException.class, () -> Messages.encodeRequestPayload(r, ProtocolVersion.V2_0));
    }
}
