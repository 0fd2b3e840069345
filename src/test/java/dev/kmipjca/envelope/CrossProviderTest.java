package dev.kmipjca.envelope;

import static dev.kmipjca.envelope.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kmipjca.config.BulkProvider;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bulk provider is not part of the format: what SunJCE writes ACCP reads, and the other way round. */
class CrossProviderTest {
    private static final int SEGMENT = 1024;
    private static final byte[] AAD = "bucket=a,object=b".getBytes(StandardCharsets.UTF_8);
    private final InMemoryKeyWrapService service = new InMemoryKeyWrapService(MASTER);
    private final Envelope sunJce = open(BulkProvider.SUNJCE);
    private final Envelope accp = open(BulkProvider.ACCP);

    @BeforeAll
    static void accpUsableOrRequired() {
        AccpPlatform.assumeAccpUsableUnlessRequired();
    }

    private Envelope open(BulkProvider bulk) {
        return Envelope.builder(service).masterKeyId(MASTER).segmentSizeBytes(SEGMENT).bulkProvider(bulk).build();
    }

    @AfterEach
    void close() {
        sunJce.close();
        accp.close();
    }

    @Test
    void theTwoEnvelopes_useDifferentProviders() {
        assertEquals("SunJCE", sunJce.ciphers.local().getProvider().getName());
        assertEquals("AmazonCorrettoCryptoProvider", accp.ciphers.local().getProvider().getName());
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 15, 16, 1000, SEGMENT, 3 * SEGMENT + 7, (1 << 20) + 3})
    void singleShot_writtenByEither_decryptsWithTheOther(int size) throws Exception {
        byte[] plaintext = bytes(size, size);
        assertCrossDecrypts(plaintext, sunJce.encrypt(plaintext, AAD), accp.encrypt(plaintext, AAD));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, SEGMENT - 1, SEGMENT, 3 * SEGMENT + 7, (1 << 20) + 3})
    void segmented_writtenByEither_decryptsWithTheOther(int size) throws Exception {
        byte[] plaintext = bytes(size, size);
        assertCrossDecrypts(plaintext, streamEncrypt(sunJce, plaintext, AAD, 700), streamEncrypt(accp, plaintext, AAD, 700));
    }

    @Test
    void incrementalEncryptor_ofEither_decryptsIncrementallyWithTheOther() throws Exception {
        byte[] plaintext = bytes(5 * SEGMENT + 11, 9);
        for (Envelope.Form form : Envelope.Form.values()) {
            for (Envelope[] pair : new Envelope[][] {{sunJce, accp}, {accp, sunJce}}) {
                byte[] sealed = incremental(pair[0].newEncryptor(form), plaintext);
                EnvelopeDecryptor d = pair[1].newDecryptor();
                d.updateAAD(AAD, 0, AAD.length);
                byte[] out = new byte[d.getOutputSize(sealed.length)];
                int n = d.update(sealed, 0, 333, out, 0);
                n += d.doFinal(sealed, 333, sealed.length - 333, out, n);
                assertEquals(plaintext.length, n, form.toString());
                assertArrayEquals(plaintext, Arrays.copyOf(out, n), form.toString());
            }
        }
    }

    @Test
    void alteredEnvelope_writtenByEither_failsWithTheOther() throws Exception {
        byte[] plaintext = bytes(3 * SEGMENT, 4);
        for (Envelope[] pair : new Envelope[][] {{sunJce, accp}, {accp, sunJce}}) {
            for (byte[] sealed : new byte[][] {pair[0].encrypt(plaintext, AAD), streamEncrypt(pair[0], plaintext, AAD, 500)}) {
                sealed[sealed.length - 1] ^= 1;
                assertThrows(AEADBadTagException.class, () -> pair[1].decrypt(sealed, AAD));
            }
        }
    }

    private void assertCrossDecrypts(byte[] plaintext, byte[] bySunJce, byte[] byAccp) throws Exception {
        assertArrayEquals(plaintext, accp.decrypt(bySunJce, AAD), "SunJCE -> ACCP");
        assertArrayEquals(plaintext, sunJce.decrypt(byAccp, AAD), "ACCP -> SunJCE");
        assertArrayEquals(plaintext, streamDecrypt(accp, bySunJce, AAD, 999), "SunJCE -> ACCP, stream");
        assertArrayEquals(plaintext, streamDecrypt(sunJce, byAccp, AAD, 999), "ACCP -> SunJCE, stream");
    }

    private static byte[] incremental(EnvelopeEncryptor e, byte[] plaintext) throws Exception {
        e.updateAAD(AAD, 0, AAD.length);
        byte[] out = new byte[e.getOutputSize(plaintext.length)];
        int n = e.update(plaintext, 0, 100, out, 0);
        n += e.update(plaintext, 100, 2000, out, n);
        n += e.doFinal(plaintext, 2100, plaintext.length - 2100, out, n);
        return Arrays.copyOf(out, n);
    }
}
