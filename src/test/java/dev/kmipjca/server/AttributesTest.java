package dev.kmipjca.server;

import static dev.kmipjca.server.Kmip.KEK_MASK;
import static dev.kmipjca.server.Kmip.V1_2;
import static dev.kmipjca.server.Kmip.V1_4;
import static dev.kmipjca.server.Kmip.V2_0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.protocol.AddAttribute;
import dev.kmipjca.protocol.ApplicationSpecificInformation;
import dev.kmipjca.protocol.Attribute;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.DeleteAttribute;
import dev.kmipjca.protocol.GetAttributeList;
import dev.kmipjca.protocol.ModifyAttribute;
import dev.kmipjca.protocol.Name;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.SetAttribute;
import dev.kmipjca.protocol.State;
import dev.kmipjca.protocol.UniqueId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Get Attributes, Get Attribute List, Add/Modify/Delete Attribute (1.x and 2.x forms), Set Attribute (2.x). */
class AttributesTest {
    @TempDir
    static Path dir;
    static DevServer server;
    static TestClient client;
    static final List<ProtocolVersion> V1 = List.of(Kmip.V1_0, V1_2, V1_4);
    static final List<ProtocolVersion> VERSIONS = Kmip.VERSIONS;

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

    static Attribute name(String n) {
        return Attribute.of(AttributeKey.NAME, Name.of(n));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void getAttributes_selectedNames_returnsOnlyThose(ProtocolVersion v) throws IOException {
        String uid = Kmip.create(client, v, 128, KEK_MASK);
        Attributes a = Kmip.attributes(client, v, uid, "State", "Cryptographic Length", "Contact Information");
        assertEquals(2, a.size(), a.toString());
        assertEquals(State.PRE_ACTIVE, a.get(AttributeKey.STATE));
        assertEquals(128, a.get(AttributeKey.CRYPTOGRAPHIC_LENGTH));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void getAttributeList_namesEveryAttributeOnce(ProtocolVersion v) throws IOException {
        String uid = Kmip.create(client, v, 128, KEK_MASK);
        client.ok(v, new AddAttribute.Request(Kmip.id(uid), name("one")), AddAttribute.Response.class);
        client.ok(v, new AddAttribute.Request(Kmip.id(uid), name("two")), AddAttribute.Response.class);
        List<String> names = client.ok(v, new GetAttributeList.Request(Kmip.id(uid)), GetAttributeList.Response.class)
                .attributeNames();
        assertEquals(List.of("Unique Identifier", "Object Type", "Cryptographic Algorithm", "Cryptographic Length",
                "Cryptographic Usage Mask", "Initial Date", "State", "Name"), names);
    }

    @ParameterizedTest
    @FieldSource("V1")
    void addModifyDelete_v1ByIndex(ProtocolVersion v) throws IOException {
        String uid = Kmip.create(client, v, 128, KEK_MASK);
        AddAttribute.Response added = client.ok(v, new AddAttribute.Request(Kmip.id(uid), name("a")), AddAttribute.Response.class);
        assertNull(added.attribute().index());
        added = client.ok(v, new AddAttribute.Request(Kmip.id(uid), name("b")), AddAttribute.Response.class);
        assertEquals(1, added.attribute().index());
        ModifyAttribute.Response m = client.ok(v, new ModifyAttribute.Request(Kmip.id(uid), null,
                name("b2").withIndex(1)), ModifyAttribute.Response.class);
        assertEquals(name("b2").withIndex(1), m.attribute());
        Attributes a = Kmip.attributes(client, v, uid, "Name");
        assertEquals(List.of(Name.of("a"), Name.of("b2")), a.getAll(AttributeKey.NAME));
        assertEquals(1, a.list().get(1).index(), "1.x answers carry the Attribute Index of instance 1");
        DeleteAttribute.Response d = client.ok(v, DeleteAttribute.Request.v1(Kmip.id(uid), "Name", 0),
                DeleteAttribute.Response.class);
        assertEquals(Name.of("a"), d.attribute().value());
        assertEquals(List.of(Name.of("b2")), Kmip.attributes(client, v, uid, "Name").getAll(AttributeKey.NAME));
        client.fails(v, DeleteAttribute.Request.v1(Kmip.id(uid), "Name", 3), ResultReason.ITEM_NOT_FOUND);
        client.fails(v, new ModifyAttribute.Request(Kmip.id(uid), null, name("x").withIndex(5)),
                ResultReason.ITEM_NOT_FOUND);
    }

    @Test
    void customAttribute_v1_isStoredAndLeftOutOf2xAnswers() throws IOException {
        String uid = Kmip.create(client, V1_4, 128, KEK_MASK);
        client.ok(V1_4, new AddAttribute.Request(Kmip.id(uid), Attribute.of("x-purpose", "tests")), AddAttribute.Response.class);
        assertEquals("tests", Kmip.attributes(client, V1_4, uid, "x-purpose").get("x-purpose").value());
        assertTrue(Kmip.attributes(client, V2_0, uid).get("x-purpose") == null);
        client.fails(V1_4, new AddAttribute.Request(Kmip.id(uid), Attribute.of("y-server", "no")),
                ResultReason.INVALID_FIELD);
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void addSingleInstanceTwice_isRefused(ProtocolVersion v) throws IOException {
        String uid = Kmip.create(client, v, 128, KEK_MASK);
        Attribute contact = Attribute.of(AttributeKey.CONTACT_INFORMATION, "ops@example.org");
        client.ok(v, new AddAttribute.Request(Kmip.id(uid), contact), AddAttribute.Response.class);
        ResultReason expected = v.isKmip2() ? ResultReason.ATTRIBUTE_SINGLE_VALUED : ResultReason.ILLEGAL_OPERATION;
        client.fails(v, new AddAttribute.Request(Kmip.id(uid), contact), expected);
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void readOnlyAttributes_cannotBeChanged(ProtocolVersion v) throws IOException {
        String uid = Kmip.activeKey(client, v);
        ResultReason expected = v.isKmip2() ? ResultReason.ATTRIBUTE_READ_ONLY : ResultReason.INVALID_FIELD;
        for (Attribute a : List.of(Attribute.of(AttributeKey.UNIQUE_IDENTIFIER, UniqueId.of("other")),
                Attribute.of(AttributeKey.OBJECT_TYPE, dev.kmipjca.protocol.ObjectType.SECRET_DATA),
                Attribute.of(AttributeKey.STATE, State.DEACTIVATED),
                Attribute.of(AttributeKey.CRYPTOGRAPHIC_ALGORITHM, dev.kmipjca.protocol.CryptographicAlgorithm.HMAC_SHA256),
                Attribute.of(AttributeKey.CRYPTOGRAPHIC_LENGTH, 64),
                Attribute.of(AttributeKey.INITIAL_DATE, java.time.Instant.EPOCH),
                Attribute.of(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK, 0xFFFF),
                Attribute.of(AttributeKey.ACTIVATION_DATE, java.time.Instant.EPOCH))) {
            String msg = client.fails(v, new ModifyAttribute.Request(Kmip.id(uid), null, a), expected).resultMessage();
            assertTrue(msg.contains(a.name()), msg);
            client.fails(v, new AddAttribute.Request(Kmip.id(uid), a), expected);
        }
        DeleteAttribute.Request delete = v.isKmip2() ? DeleteAttribute.Request.v2(Kmip.id(uid), "State")
                : DeleteAttribute.Request.v1(Kmip.id(uid), "State", null);
        client.fails(v, delete, expected);
        assertEquals(State.ACTIVE, Kmip.state(client, v, uid));
    }

    @Test
    void v2_modifyDeleteByCurrentAttributeAndReference() throws IOException {
        String uid = Kmip.create(client, V2_0, 128, KEK_MASK);
        for (String n : List.of("a", "b", "c")) {
            client.ok(V2_0, new AddAttribute.Request(Kmip.id(uid), name(n)), AddAttribute.Response.class);
        }
        ModifyAttribute.Response m = client.ok(V2_0, new ModifyAttribute.Request(Kmip.id(uid), name("b"), name("B")),
                ModifyAttribute.Response.class);
        assertNull(m.attribute());
        assertEquals(List.of(Name.of("a"), Name.of("B"), Name.of("c")),
                Kmip.attributes(client, V2_0, uid, "Name").getAll(AttributeKey.NAME));
        client.ok(V2_0, new DeleteAttribute.Request(Kmip.id(uid), null, null, name("a"), null), DeleteAttribute.Response.class);
        client.fails(V2_0, new DeleteAttribute.Request(Kmip.id(uid), null, null, name("zzz"), null),
                ResultReason.ATTRIBUTE_NOT_FOUND);
        client.fails(V2_0, new ModifyAttribute.Request(Kmip.id(uid), name("zzz"), name("y")), ResultReason.ATTRIBUTE_NOT_FOUND);
        client.ok(V2_0, DeleteAttribute.Request.v2(Kmip.id(uid), "Name"), DeleteAttribute.Response.class);
        assertTrue(Kmip.attributes(client, V2_0, uid, "Name").isEmpty());
        client.fails(V2_0, DeleteAttribute.Request.v2(Kmip.id(uid), "Name"), ResultReason.ATTRIBUTE_NOT_FOUND);
        client.fails(V2_0, new ModifyAttribute.Request(Kmip.id(uid), name("B"), Attribute.of(AttributeKey.OBJECT_GROUP, "g")),
                ResultReason.INVALID_FIELD);
        client.fails(V2_0, new DeleteAttribute.Request(Kmip.id(uid), null, null, null, null), ResultReason.MISSING_DATA);
    }

    @Test
    void v2_setAttribute_createsOrReplacesSingleInstanceOnly() throws IOException {
        String uid = Kmip.create(client, V2_0, 128, KEK_MASK);
        client.ok(V2_0, new SetAttribute.Request(Kmip.id(uid), Attribute.of(AttributeKey.SENSITIVE, true)),
                SetAttribute.Response.class);
        client.ok(V2_0, new SetAttribute.Request(Kmip.id(uid), Attribute.of(AttributeKey.SENSITIVE, false)),
                SetAttribute.Response.class);
        assertFalse(Kmip.attributes(client, V2_0, uid, "Sensitive").get(AttributeKey.SENSITIVE));
        client.fails(V2_0, new SetAttribute.Request(Kmip.id(uid), name("n")), ResultReason.MULTI_VALUED_ATTRIBUTE);
        client.fails(V2_0, new SetAttribute.Request(Kmip.id(uid), Attribute.of(AttributeKey.STATE, State.ACTIVE)),
                ResultReason.ATTRIBUTE_READ_ONLY);
        client.fails(V1_4, new SetAttribute.Request(Kmip.id(uid), Attribute.of(AttributeKey.SENSITIVE, true)),
                ResultReason.OPERATION_NOT_SUPPORTED);
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void multiInstanceAttributesAtCreation_areAllKept(ProtocolVersion v) throws IOException {
        ApplicationSpecificInformation asi = new ApplicationSpecificInformation("ssl", "www.example.org");
        Attributes extra = Attributes.builder().add(AttributeKey.NAME, Name.of("n1")).add(AttributeKey.NAME, Name.of("n2"))
                .add(AttributeKey.OBJECT_GROUP, "g1").add(AttributeKey.OBJECT_GROUP, "g2")
                .add(AttributeKey.APPLICATION_SPECIFIC_INFORMATION, asi)
                .add(AttributeKey.OPERATION_POLICY_NAME, "default").build();
        String uid = client.ok(v, Kmip.aes(128, KEK_MASK, extra), dev.kmipjca.protocol.Create.Response.class)
                .uniqueIdentifier().text();
        Attributes a = Kmip.attributes(client, v, uid);
        assertEquals(List.of(Name.of("n1"), Name.of("n2")), a.getAll(AttributeKey.NAME));
        assertEquals(List.of("g1", "g2"), a.getAll(AttributeKey.OBJECT_GROUP));
        assertEquals(asi, a.get(AttributeKey.APPLICATION_SPECIFIC_INFORMATION));
        assertEquals("default", a.get(AttributeKey.OPERATION_POLICY_NAME));
        Attributes twice = Attributes.builder().add(AttributeKey.CONTACT_INFORMATION, "a")
                .add(AttributeKey.CONTACT_INFORMATION, "b").build();
        client.fails(v, Kmip.aes(128, KEK_MASK, twice), ResultReason.INVALID_FIELD);
    }
}
