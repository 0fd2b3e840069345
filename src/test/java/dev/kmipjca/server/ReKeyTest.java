package dev.kmipjca.server;

import static dev.kmipjca.server.Kmip.KEK_MASK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.protocol.Activate;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.Create;
import dev.kmipjca.protocol.Link;
import dev.kmipjca.protocol.LinkType;
import dev.kmipjca.protocol.Name;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.ReKey;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.State;
import dev.kmipjca.protocol.UniqueId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Re-key: fresh material, copied attributes, the name moves, links both ways, Offset sets the dates. */
class ReKeyTest {
    @TempDir
    static Path dir;
    static DevServer server;
    static TestClient client;
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

    static String old(ProtocolVersion v, Attributes extra) throws IOException {
        Attributes.Builder b = Attributes.builder().add(AttributeKey.NAME, Name.of("master-" + v))
                .add(AttributeKey.OBJECT_GROUP, "masters");
        extra.forEach(b::add);
        String uid = client.ok(v, Kmip.aes(192, KEK_MASK, b.build()), Create.Response.class).uniqueIdentifier().text();
        client.ok(v, Activate.Request.of(uid), Activate.Response.class);
        return uid;
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void rekey_makesLinkedReplacementWithFreshMaterialAndTheName(ProtocolVersion v) throws IOException {
        String oldUid = old(v, Attributes.empty());
        String newUid = client.ok(v, ReKey.Request.of(oldUid), ReKey.Response.class).uniqueIdentifier().text();
        assertNotEquals(oldUid, newUid);
        assertFalse(Arrays.equals(Kmip.keyBytes(client, v, oldUid), Kmip.keyBytes(client, v, newUid)));
        Attributes n = Kmip.attributes(client, v, newUid);
        Attributes o = Kmip.attributes(client, v, oldUid);
        assertEquals(192, n.get(AttributeKey.CRYPTOGRAPHIC_LENGTH));
        assertEquals(KEK_MASK, n.get(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK));
        assertEquals("masters", n.get(AttributeKey.OBJECT_GROUP));
        assertEquals(Name.of("master-" + v), n.get(AttributeKey.NAME));
        assertTrue(o.getAll(AttributeKey.NAME).isEmpty(), "the name moved to the replacement");
        assertEquals(List.of(new Link(LinkType.REPLACED_OBJECT_LINK, UniqueId.of(oldUid))), n.getAll(AttributeKey.LINK));
        assertEquals(List.of(new Link(LinkType.REPLACEMENT_OBJECT_LINK, UniqueId.of(newUid))), o.getAll(AttributeKey.LINK));
        assertEquals(State.ACTIVE, o.get(AttributeKey.STATE), "Re-key leaves the old key's state");
        assertEquals(State.ACTIVE, n.get(AttributeKey.STATE), "the old Activation Date was copied and has come");
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void rekeyWithOffset_setsActivationAndKeepsTheActivePeriod(ProtocolVersion v) throws IOException {
        Instant start = Instant.now().minusSeconds(100).truncatedTo(ChronoUnit.SECONDS);
        Attributes dates = Attributes.builder().add(AttributeKey.DEACTIVATION_DATE, start.plus(Duration.ofDays(30))).build();
        String oldUid = old(v, dates);
        Instant activated = Kmip.attributes(client, v, oldUid).get(AttributeKey.ACTIVATION_DATE);
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String newUid = client.ok(v, new ReKey.Request(UniqueId.of(oldUid), Duration.ofHours(1), null, null),
                ReKey.Response.class).uniqueIdentifier().text();
        Attributes n = Kmip.attributes(client, v, newUid);
        Instant activation = n.get(AttributeKey.ACTIVATION_DATE);
        assertTrue(!activation.isBefore(before.plus(Duration.ofHours(1))), "Activation Date " + activation);
        assertEquals(Duration.between(activated, start.plus(Duration.ofDays(30))),
                Duration.between(activation, n.get(AttributeKey.DEACTIVATION_DATE)));
        assertEquals(State.PRE_ACTIVE, n.get(AttributeKey.STATE));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void rekeyWithAttributes_overridesCopiedOnesButNotTheAlgorithm(ProtocolVersion v) throws IOException {
        String oldUid = old(v, Attributes.empty());
        Attributes t = Attributes.builder().add(AttributeKey.NAME, Name.of("renamed-" + v)).build();
        String newUid = client.ok(v, new ReKey.Request(UniqueId.of(oldUid), null, t, null), ReKey.Response.class)
                .uniqueIdentifier().text();
        assertEquals(List.of(Name.of("renamed-" + v)), Kmip.attributes(client, v, newUid).getAll(AttributeKey.NAME));
        Attributes bad = Attributes.builder().add(AttributeKey.CRYPTOGRAPHIC_LENGTH, 128).build();
        client.fails(v, new ReKey.Request(UniqueId.of(newUid), null, bad, null), ResultReason.INVALID_FIELD);
        client.fails(v, ReKey.Request.of("unknown"), ResultReason.ITEM_NOT_FOUND);
    }
}
