package dev.kmipjca.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kmipjca.client.KmipClient;
import dev.kmipjca.client.ObjectSpec;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.CryptographicUsageMask;
import dev.kmipjca.protocol.RevocationReasonCode;
import dev.kmipjca.server.DevServer;
import dev.kmipjca.server.DevServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The master key's State as the provider sees it: polling, refusal to wrap, unwrap allowed, events. */
class MasterKeyStatesTest {
    static final byte[] AAD = "state".getBytes(StandardCharsets.US_ASCII);
    @TempDir
    static Path dir;
    static DevServer server;
    static KmipClient client;

    @BeforeAll
    static void start() throws Exception {
        java.util.logging.Logger.getLogger("dev.kmipjca.server").setLevel(java.util.logging.Level.WARNING);
        server = DevServer.start(DevServerConfig.builder().dir(dir.resolve("server")).port(0).build());
        client = KmipClient.open(dev.kmipjca.config.KmipSettings.fromMap(java.util.Map.of("kmip.serverName", "127.0.0.1",
                "kmip.port", Integer.toString(server.port()), "kmip.serverCAFile", server.caFile().toString(),
                "kmip.clientCertificateFile", server.dir().resolve("client.pem").toString(),
                "kmip.protocolVersionMin", "1.4", "kmip.protocolVersionMax", "1.4"), dir), null);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static String masterKey() throws Exception {
        String uid = client.create(CryptographicAlgorithm.AES, 256, ObjectSpec.of("state test",
                CryptographicUsageMask.ENCRYPT | CryptographicUsageMask.DECRYPT));
        client.activate(uid);
        return uid;
    }

    @Test
    void revokedMasterKey_afterThePollingInterval_encryptionRefused_decryptionAllowed() throws Exception {
        String id = masterKey();
        TestClock clock = new TestClock();
        KeyWrapService wrap = new StateCheckedKeyWrapService(new KmipKeyWrapService(client, false),
                new MasterKeyStates(client, 900, clock));
        byte[] env = Envelope.builder(wrap).masterKeyId(id).build().encrypt("secret".getBytes(StandardCharsets.UTF_8), AAD);
        client.revoke(id, RevocationReasonCode.CESSATION_OF_OPERATION, null, null);
        clock.advance(Duration.ofSeconds(900));

        KeyWrapException e = assertThrows(KeyWrapException.class,
                () -> Envelope.builder(wrap).masterKeyId(id).build().encrypt(new byte[1], AAD));
        assertEquals(KeyWrapException.Kind.KEY_NOT_USABLE, e.kind());
        assertEquals("master key " + id + " is Deactivated on " + client.servers() + ": it no longer encrypts (new data"
                + " keys cannot be wrapped under it); data already encrypted under it still decrypts where the server"
                + " allows. Rotate to a new master key (docs/rotation.md)", e.getMessage());
        assertArrayEquals("secret".getBytes(StandardCharsets.UTF_8),
                Envelope.builder(wrap).masterKeyId(id).build().decrypt(env, AAD));
    }

    @Test
    void state_readOncePerPollingInterval_withTheInjectedClock() throws Exception {
        String id = masterKey();
        TestClock clock = new TestClock();
        MasterKeyStates states = new MasterKeyStates(client, 60, clock);
        long before = client.roundTrips();
        assertEquals("Active", states.state(id));
        clock.advance(Duration.ofSeconds(59));
        client.revoke(id, RevocationReasonCode.CESSATION_OF_OPERATION, null, null);
        long afterRevoke = client.roundTrips();
        assertEquals("Active", states.state(id), "cached for 60 s");
        states.checkWrap(id);
        assertEquals(afterRevoke, client.roundTrips(), "no Get Attributes within the interval");
        assertEquals(before + 2, afterRevoke, "one Get Attributes, one Revoke");
        clock.advance(Duration.ofSeconds(1));
        assertEquals("Deactivated", states.state(id));
        assertEquals(afterRevoke + 1, client.roundTrips());
    }

    @Test
    void pollingOff_neverAsks_refusesNothing() throws Exception {
        String id = masterKey();
        client.revoke(id, RevocationReasonCode.CESSATION_OF_OPERATION, null, null);
        MasterKeyStates states = new MasterKeyStates(client, -1, new TestClock());
        long before = client.roundTrips();
        assertNull(states.state(id));
        states.checkWrap(id);
        states.checkUnwrap(id);
        assertEquals(before, client.roundTrips());
    }

    @Test
    void destroyedOrUnknownKey_unwrapRefusedWithAClearError() throws Exception {
        String id = masterKey();
        client.revoke(id, RevocationReasonCode.CESSATION_OF_OPERATION, null, null);
        client.destroy(id);
        MasterKeyStates states = new MasterKeyStates(client, 900, new TestClock());
        KeyWrapException e = assertThrows(KeyWrapException.class, () -> states.checkUnwrap(id));
        assertEquals(KeyWrapException.Kind.KEY_NOT_FOUND, e.kind());
        assertEquals(true, e.getMessage().startsWith("master key " + id + " is "), e.getMessage());
        assertEquals(true, e.getMessage().endsWith(": nothing wrapped under it can be unwrapped"), e.getMessage());
        KeyWrapException unknown = assertThrows(KeyWrapException.class, () -> states.checkUnwrap("no-such-key"));
        assertEquals("master key no-such-key is not known to " + client.servers()
                + ": nothing wrapped under it can be unwrapped", unknown.getMessage());
    }

    @Test
    void stateChange_recordedAsOneJfrEvent() throws Exception {
        String id = masterKey();
        TestClock clock = new TestClock();
        MasterKeyStates states = new MasterKeyStates(client, 10, clock);
        Path out = dir.resolve("states.jfr");
        try (Recording r = new Recording()) {
            r.enable(MasterKeyStateEvent.NAME);
            r.start();
            states.state(id);
            client.revoke(id, RevocationReasonCode.CESSATION_OF_OPERATION, null, null);
            clock.advance(Duration.ofSeconds(10));
            states.state(id);
            clock.advance(Duration.ofSeconds(10));
            states.state(id);
            r.stop();
            r.dump(out);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(out).stream()
                .filter(ev -> ev.getEventType().getName().equals(MasterKeyStateEvent.NAME)).toList();
        assertEquals(1, events.size(), events.toString());
        assertEquals(id, events.get(0).getString("keyId"));
        assertEquals("Active", events.get(0).getString("oldState"));
        assertEquals("Deactivated", events.get(0).getString("newState"));
    }
}
