package dev.kmipjca.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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

    /** The message users see when a key in {@code state} is asked to encrypt. */
    static String refusal(String id, String state) {
        return "master key " + id + " is " + state + " on " + client.servers() + ": it no longer encrypts (no new data"
                + " or data keys can be protected under it); data already encrypted under it still decrypts where the"
                + " server allows. Rotate to a new master key (docs/rotation.md)";
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
        assertEquals(refusal(id, "Deactivated"), e.getMessage());
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
    void unknownKey_wrapRefused_sayingEncryptionIsRefusedAndWhy() throws Exception {
        MasterKeyStates states = new MasterKeyStates(client, 900, new TestClock());
        KeyWrapException e = assertThrows(KeyWrapException.class, () -> states.checkWrap("no-such-key"));
        assertEquals(KeyWrapException.Kind.KEY_NOT_FOUND, e.kind());
        assertEquals("master key no-such-key is not known to " + client.servers() + ": encryption under it is refused"
                + " (no new data or data keys can be protected under it), because the server has no key with that"
                + " identifier. Check kmip.keyIdentifier, or rotate to a new master key (docs/rotation.md)", e.getMessage());
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

    @Test
    void cachedDataKey_revokedMasterKey_nextMessageAfterThePollingIntervalRefused_withoutANewWrap() throws Exception {
        String id = masterKey();
        TestClock clock = new TestClock();
        Envelope e = Envelope.builder(new StateCheckedKeyWrapService(new KmipKeyWrapService(client, false),
                new MasterKeyStates(client, 60, clock))).masterKeyId(id).build();
        byte[] before = e.encrypt("before".getBytes(StandardCharsets.UTF_8), AAD);
        client.revoke(id, RevocationReasonCode.CESSATION_OF_OPERATION, null, null);
        long trips = client.roundTrips();
        e.encrypt(new byte[1], AAD);
        assertEquals(trips, client.roundTrips(), "within the interval: the cached State and data key, no round trip");

        clock.advance(Duration.ofSeconds(60));
        KeyWrapException refused = assertThrows(KeyWrapException.class, () -> e.encrypt(new byte[1], AAD));
        assertEquals(refusal(id, "Deactivated"), refused.getMessage());
        assertEquals(KeyWrapException.Kind.KEY_NOT_USABLE, refused.kind());
        assertThrows(KeyWrapException.class, () -> e.newEncryptor(Envelope.Form.SEGMENTED));
        assertEquals(trips + 1, client.roundTrips(), "one Get Attributes for the interval");
        assertArrayEquals("before".getBytes(StandardCharsets.UTF_8), e.decrypt(before, AAD));
    }

    @Test
    void firstWrap_readsTheStateInTheSameRoundTripAsTheEncrypt() throws Exception {
        String id = masterKey();
        MasterKeyStates states = new MasterKeyStates(client, 900, new TestClock());
        Envelope e = Envelope.builder(new StateCheckedKeyWrapService(new KmipKeyWrapService(client, false), states))
                .masterKeyId(id).build();
        long trips = client.roundTrips();
        e.encrypt(new byte[10], AAD);
        e.encrypt(new byte[10], AAD);
        assertEquals(trips + 1, client.roundTrips(), "Get Attributes and Encrypt in one batch, then nothing");
        assertEquals(false, states.due(id));
        assertEquals("Active", states.state(id));
    }

    @Test
    void firstWrap_underARevokedKey_refusedWithTheStateReadInTheBatch() throws Exception {
        String id = masterKey();
        client.revoke(id, RevocationReasonCode.CESSATION_OF_OPERATION, null, null);
        MasterKeyStates states = new MasterKeyStates(client, 900, new TestClock());
        KeyWrapService wrap = new StateCheckedKeyWrapService(new KmipKeyWrapService(client, false), states);
        long trips = client.roundTrips();
        KeyWrapException e = assertThrows(KeyWrapException.class,
                () -> Envelope.builder(wrap).masterKeyId(id).build().encrypt(new byte[1], AAD));
        assertEquals(refusal(id, "Deactivated"), e.getMessage());
        assertEquals(trips + 1, client.roundTrips());
    }

    @Test
    void destroyedMasterKey_encryptAndDecryptFailWithAClearError() throws Exception {
        String id = masterKey();
        KeyWrapService plain = new KmipKeyWrapService(client, false);
        byte[] env = Envelope.builder(plain).masterKeyId(id).build().encrypt(new byte[3], AAD);
        client.revoke(id, RevocationReasonCode.CESSATION_OF_OPERATION, null, null);
        client.destroy(id);
        KeyWrapService wrap = new StateCheckedKeyWrapService(plain, new MasterKeyStates(client, 900, new TestClock()));
        KeyWrapException enc = assertThrows(KeyWrapException.class,
                () -> Envelope.builder(wrap).masterKeyId(id).build().encrypt(new byte[1], AAD));
        assertEquals(KeyWrapException.Kind.KEY_NOT_FOUND, enc.kind());
        assertEquals("master key " + id + " is Destroyed on " + client.servers() + ": encryption under it is refused (no"
                + " new data or data keys can be protected under it), because its key material is gone from the server."
                + " Rotate to a new master key (docs/rotation.md)", enc.getMessage());
        KeyWrapException dec = assertThrows(KeyWrapException.class,
                () -> Envelope.builder(new StateCheckedKeyWrapService(plain, new MasterKeyStates(client, 900,
                        new TestClock()))).build().decrypt(env, AAD));
        assertEquals(KeyWrapException.Kind.KEY_NOT_FOUND, dec.kind());
        assertTrue(dec.getMessage().matches("master key " + id + " is (Destroyed.* on|not known to) .*: nothing wrapped"
                + " under it can be unwrapped"), dec.getMessage());
    }

    @Test
    void pollingOff_cachedDataKeyKeepsEncryptingAfterRevocation_andNoStateIsRead() throws Exception {
        String id = masterKey();
        Envelope e = Envelope.builder(new StateCheckedKeyWrapService(new KmipKeyWrapService(client, false),
                new MasterKeyStates(client, -1, new TestClock()))).masterKeyId(id).build();
        e.encrypt(new byte[1], AAD);
        client.revoke(id, RevocationReasonCode.CESSATION_OF_OPERATION, null, null);
        long trips = client.roundTrips();
        e.encrypt(new byte[1], AAD);
        assertEquals(trips, client.roundTrips());
    }

    @Test
    void stateChange_loggedOnceAtWarning() throws Exception {
        String id = masterKey();
        TestClock clock = new TestClock();
        MasterKeyStates states = new MasterKeyStates(client, 10, clock);
        List<LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getMessage().contains(id)) {
                    records.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger("dev.kmipjca.envelope");
        log.addHandler(h);
        try {
            states.state(id);
            assertEquals(List.of(), records, "a key first seen Active is not news");
            client.revoke(id, RevocationReasonCode.CESSATION_OF_OPERATION, null, null);
            for (int i = 0; i < 3; i++) {
                clock.advance(Duration.ofSeconds(10));
                states.state(id);
            }
        } finally {
            log.removeHandler(h);
        }
        assertEquals(1, records.size(), records.toString());
        assertEquals(Level.WARNING, records.get(0).getLevel());
        assertEquals("master key " + id + " is now Deactivated on " + client.servers() + " (was Active)",
                records.get(0).getMessage());
    }

    @Test
    void observed_seedsTheCache_soNoStateIsReadWithinTheInterval() throws Exception {
        String id = masterKey();
        TestClock clock = new TestClock();
        MasterKeyStates states = new MasterKeyStates(client, 60, clock);
        states.observed(id, "Active");
        long trips = client.roundTrips();
        states.checkWrap(id);
        assertEquals(trips, client.roundTrips());
        clock.advance(Duration.ofSeconds(60));
        assertEquals(true, states.due(id));
    }
}
