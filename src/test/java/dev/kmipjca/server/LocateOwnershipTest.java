package dev.kmipjca.server;

import static dev.kmipjca.server.Kmip.KEK_MASK;
import static dev.kmipjca.server.Kmip.V1_2;
import static dev.kmipjca.server.Kmip.V1_4;
import static dev.kmipjca.server.Kmip.V2_0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.protocol.Activate;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.BlockCipherMode;
import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.Create;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.CryptographicParameters;
import dev.kmipjca.protocol.Destroy;
import dev.kmipjca.protocol.Encrypt;
import dev.kmipjca.protocol.Get;
import dev.kmipjca.protocol.GetAttributes;
import dev.kmipjca.protocol.Locate;
import dev.kmipjca.protocol.Name;
import dev.kmipjca.protocol.ObjectType;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.State;
import dev.kmipjca.protocol.UniqueId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Locate's filters and paging, and ownership: each identity sees its own objects and the shared ones. */
class LocateOwnershipTest {
    @TempDir
    static Path dir;
    static DevServer server;
    static TestClient alice;
    static TestClient bob;
    static final List<ProtocolVersion> VERSIONS = Kmip.VERSIONS;

    @BeforeAll
    static void start() throws IOException {
        server = Kmip.start(dir);
        alice = TestClient.connect(server);
        server.newIdentity("bob");
        bob = TestClient.connect(server, dir.resolve("client-bob.pem"));
    }

    @AfterAll
    static void stop() throws IOException {
        alice.close();
        bob.close();
        server.close();
    }

    static Locate.Response locate(TestClient c, ProtocolVersion v, Integer max, Integer offset, Attributes filter)
            throws IOException {
        return c.ok(v, new Locate.Request(max, offset, null, null, filter), Locate.Response.class);
    }

    static List<String> uids(Locate.Response r) {
        List<String> out = new ArrayList<>();
        r.uniqueIdentifiers().forEach(u -> out.add(u.text()));
        return out;
    }

    static String named(TestClient c, ProtocolVersion v, String name, String group, String policy) throws IOException {
        Attributes.Builder b = Attributes.builder().add(AttributeKey.NAME, Name.of(name));
        if (group != null) {
            b.add(AttributeKey.OBJECT_GROUP, group);
        }
        if (policy != null) {
            b.add(AttributeKey.OPERATION_POLICY_NAME, policy);
        }
        return c.ok(v, Kmip.aes(128, KEK_MASK, b.build()), Create.Response.class).uniqueIdentifier().text();
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void locateByName_findsOnlyThatKey(ProtocolVersion v) throws IOException {
        String uid = named(alice, v, "by-name-" + v, null, null);
        named(alice, v, "other-" + v, null, null);
        Locate.Response r = locate(alice, v, null, null, Attributes.builder()
                .add(AttributeKey.NAME, Name.of("by-name-" + v)).build());
        assertEquals(List.of(uid), uids(r));
        assertEquals(v.isAtLeast(ProtocolVersion.V1_3) ? Integer.valueOf(1) : null, r.locatedItems());
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void locateByGroupTypeStateAlgorithm_combinesFilters(ProtocolVersion v) throws IOException {
        String group = "group-" + v;
        String a = named(alice, v, "g1", group, null);
        String b = named(alice, v, "g2", group, null);
        alice.ok(v, Activate.Request.of(b), Activate.Response.class);
        Attributes filter = Attributes.builder().add(AttributeKey.OBJECT_GROUP, group)
                .add(AttributeKey.OBJECT_TYPE, ObjectType.SYMMETRIC_KEY)
                .add(AttributeKey.CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm.AES).build();
        assertEquals(List.of(a, b).stream().sorted().toList(), uids(locate(alice, v, null, null, filter)).stream().sorted().toList());
        Attributes active = Attributes.builder().add(AttributeKey.OBJECT_GROUP, group)
                .add(AttributeKey.STATE, State.ACTIVE).build();
        assertEquals(List.of(b), uids(locate(alice, v, null, null, active)));
        Attributes none = Attributes.builder().add(AttributeKey.OBJECT_GROUP, group)
                .add(AttributeKey.OBJECT_TYPE, ObjectType.SECRET_DATA).build();
        assertTrue(uids(locate(alice, v, null, null, none)).isEmpty());
    }

    @Test
    void locatePaging_maximumAndOffsetItemsCutTheListWithItsTotal() throws Exception {
        String group = "paging";
        for (int i = 0; i < 5; i++) {
            named(alice, V1_4, "p" + i, group, null);
        }
        Attributes filter = Attributes.builder().add(AttributeKey.OBJECT_GROUP, group).build();
        List<String> all = uids(locate(alice, V1_4, null, null, filter));
        assertEquals(5, all.size());
        Locate.Response first = locate(alice, V1_4, 2, null, filter);
        assertEquals(all.subList(0, 2), uids(first));
        assertEquals(5, first.locatedItems());
        assertEquals(all.subList(2, 4), uids(locate(alice, V1_4, 2, 2, filter)));
        assertEquals(all.subList(4, 5), uids(locate(alice, V1_4, 2, 4, filter)));
        assertTrue(uids(locate(alice, V1_4, 2, 9, filter)).isEmpty());
        alice.fails(V1_4, new Locate.Request(-1, null, null, null, filter), ResultReason.INVALID_FIELD);
    }

    @Test
    void locate_listsNewestInitialDateFirst() throws Exception {
        String older = named(alice, V2_0, "older", "order", null);
        Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 10);
        String newer = named(alice, V2_0, "newer", "order", null);
        Attributes filter = Attributes.builder().add(AttributeKey.OBJECT_GROUP, "order").build();
        assertEquals(List.of(newer, older), uids(locate(alice, V2_0, null, null, filter)));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void anotherIdentity_cannotSeeOrUseAnObject(ProtocolVersion v) throws IOException {
        String uid = named(alice, v, "alice-only-" + v, null, null);
        alice.ok(v, Activate.Request.of(uid), Activate.Response.class);
        Attributes filter = Attributes.builder().add(AttributeKey.NAME, Name.of("alice-only-" + v)).build();
        assertTrue(uids(locate(bob, v, null, null, filter)).isEmpty());
        assertEquals(List.of(uid), uids(locate(alice, v, null, null, filter)));
        bob.fails(v, Get.Request.of(uid), ResultReason.ITEM_NOT_FOUND);
        bob.fails(v, GetAttributes.Request.of(uid), ResultReason.ITEM_NOT_FOUND);
        bob.fails(v, Activate.Request.of(uid), ResultReason.ITEM_NOT_FOUND);
        bob.fails(v, Destroy.Request.of(uid), ResultReason.ITEM_NOT_FOUND);
        bob.fails(v, Encrypt.Request.of(UniqueId.of(uid), CryptographicParameters.builder()
                .blockCipherMode(BlockCipherMode.CBC).build(), Bytes.of(new byte[16]), null, null), ResultReason.ITEM_NOT_FOUND);
        assertEquals(State.ACTIVE, Kmip.state(alice, v, uid));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void sharedPolicy_letsEveryIdentityUseTheObject(ProtocolVersion v) throws IOException {
        String uid = named(alice, v, "shared-" + v, null, "shared");
        Attributes filter = Attributes.builder().add(AttributeKey.NAME, Name.of("shared-" + v)).build();
        assertEquals(List.of(uid), uids(locate(bob, v, null, null, filter)));
        bob.ok(v, Activate.Request.of(uid), Activate.Response.class);
        assertEquals(16, Kmip.keyBytes(bob, v, uid).length);
        assertEquals(State.ACTIVE, Kmip.state(alice, v, uid));
    }

    @Test
    void locateWithoutFilter_listsOnlyOwnObjects() throws IOException {
        String bobs = named(bob, V2_0, "bobs", null, null);
        List<String> seen = uids(locate(bob, V2_0, null, null, Attributes.empty()));
        assertTrue(seen.contains(bobs));
        assertTrue(uids(locate(alice, V2_0, null, null, Attributes.empty())).stream().noneMatch(bobs::equals));
        assertNull(locate(alice, V1_2, null, null, Attributes.empty()).locatedItems(), "1.2 has no Located Items");
    }
}
