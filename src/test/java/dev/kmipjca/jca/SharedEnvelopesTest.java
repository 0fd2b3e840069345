package dev.kmipjca.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.client.KmipClient;
import dev.kmipjca.client.ObjectSpec;
import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.envelope.Envelope;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The envelopes shared per bare client live as long as the client: closing it closes them (erasing their
 * data keys) and forgets them, so a program that opens and closes clients does not keep every one.
 */
class SharedEnvelopesTest {
    private static final byte[] TEXT = "shared per client".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static DevServerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = DevServerFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static KmipClient newClient() throws Exception {
        return KmipClient.open(KmipSettings.fromMap(Map.of("kmip.serverName", "127.0.0.1",
                "kmip.port", Integer.toString(fx.server.port()),
                "kmip.serverCAFile", fx.server.caFile().toString(),
                "kmip.clientCertificateFile", fx.server.dir().resolve("client.pem").toString()), dir), null);
    }

    @Test
    void closingTheClient_closesAndForgetsItsSharedEnvelopes() throws Exception {
        String master = fx.client().create(CryptographicAlgorithm.AES, 256, ObjectSpec.of("shared-envelopes", MasterKeys.KEK_MASK));
        fx.client().activate(master);
        KmipClient client = newClient();
        Envelope e = SharedEnvelopes.forClient(client, master);
        assertSame(e, SharedEnvelopes.forClient(client, master), "shared while the client is open");
        byte[] sealed = e.encrypt(TEXT, null);
        assertTrue(SharedEnvelopes.keeps(client));

        client.close();

        assertFalse(SharedEnvelopes.keeps(client), "nothing kept for a closed client");
        assertThrows(IllegalStateException.class, () -> e.encrypt(TEXT, null), "the envelope was closed with it");
        try (KmipClient other = newClient()) {
            Envelope fresh = SharedEnvelopes.forClient(other, null);
            assertNotSame(e, fresh);
            assertArrayEquals(TEXT, fresh.decrypt(sealed, null));
        }
    }
}
