package dev.kmipjca.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The start-up preload does real work (a ClientHello, KMIP messages), and nothing with --no-warmup. */
class PreloadTest {
    @Test
    void clientHello_isATlsHandshakeRecordHoldingAClientHello() {
        byte[] hello = Preload.clientHello();
        assertTrue(hello.length > 100, "a ClientHello with key shares, was " + hello.length + " bytes");
        assertEquals(0x16, hello[0] & 0xFF, "TLS record type: handshake");
        assertEquals(0x03, hello[1] & 0xFF, "TLS record version, major");
        assertEquals(0x01, hello[5] & 0xFF, "handshake type: ClientHello");
    }

    @Test
    void kmipCodec_roundTripsTheMessagesItWarms() {
        assertTrue(Preload.kmipCodec(), "every preload message encodes and decodes back");
    }

    @Test
    void noWarmup_startsNoThread() throws Exception {
        Preload.start(new String[] {"decrypt", "--no-warmup"});
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("kmip-jca preload")));
    }
}
