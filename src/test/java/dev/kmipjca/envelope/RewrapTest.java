package dev.kmipjca.envelope;

import static dev.kmipjca.envelope.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

/** Rotation re-wraps only the key section; the body is untouched and still decrypts. */
class RewrapTest {
    private static final String NEW = "master-2";
    private static final byte[] AAD = {1};
    private final InMemoryKeyWrapService service = new InMemoryKeyWrapService(MASTER, NEW);

    private static byte[] body(byte[] env) throws Exception {
        return Arrays.copyOfRange(env, EnvelopeHeader.parse(env).length(), env.length);
    }

    private static byte[] replaceHeader(byte[] env, EnvelopeHeader header) throws Exception {
        byte[] h = header.toByteArray();
        byte[] body = body(env);
        byte[] out = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, out, h.length, body.length);
        return out;
    }

    @Test
    void rewrap_keepsTheBodyByteIdenticalAndDecryptsUnderTheNewMasterKeyOnly() throws Exception {
        byte[] plaintext = bytes(5000, 1);
        byte[] single;
        byte[] segmented;
        try (Envelope e = Envelope.builder(service).masterKeyId(MASTER).segmentSizeBytes(1024).build()) {
            single = e.encrypt(plaintext, AAD);
            segmented = streamEncrypt(e, plaintext, AAD, 700);
        }
        byte[][] originals = {single, segmented};
        byte[][] moved = new byte[2][];
        for (int i = 0; i < 2; i++) {
            byte[] env = originals[i];
            EnvelopeHeader old = EnvelopeHeader.parse(env);
            EnvelopeHeader rewrapped = old.rewrap(service, NEW);
            assertEquals(NEW, rewrapped.masterKeyId());
            assertEquals(old.form(), rewrapped.form());
            int bulk = old.form() == Envelope.Form.SINGLE_SHOT ? 52 : 83;
            assertArrayEquals(Arrays.copyOf(old.toByteArray(), bulk), Arrays.copyOf(rewrapped.toByteArray(), bulk),
                    "only the key section changes");
            moved[i] = replaceHeader(env, rewrapped);
            assertArrayEquals(body(env), body(moved[i]), "the body is byte for byte the same");
        }
        service.removeMasterKey(MASTER);
        try (Envelope reader = Envelope.builder(service).build()) {
            for (int i = 0; i < 2; i++) {
                byte[] env = originals[i];
                assertArrayEquals(plaintext, reader.decrypt(moved[i], AAD));
                KeyWrapException gone = assertThrows(KeyWrapException.class, () -> reader.decrypt(env, AAD));
                assertEquals(KeyWrapException.Kind.KEY_NOT_FOUND, gone.kind());
            }
        }
    }

    @Test
    void rewrap_ofAStream_copiesTheBodyAfterANewHeader() throws Exception {
        byte[] plaintext = bytes(100_000, 2);
        try (Envelope e = Envelope.builder(service).masterKeyId(MASTER).segmentSizeBytes(4096).build()) {
            byte[] env = streamEncrypt(e, plaintext, AAD, 10_000);
            InputStream in = new ByteArrayInputStream(env);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            EnvelopeHeader old = EnvelopeHeader.read(in);
            out.write(old.rewrap(service, NEW).toByteArray());
            in.transferTo(out);
            byte[] moved = out.toByteArray();
            assertEquals(NEW, EnvelopeHeader.parse(moved).masterKeyId());
            assertArrayEquals(plaintext, e.decrypt(moved, AAD));
        }
    }

    @Test
    void rewrap_zeroesTheUnwrappedKey() throws Exception {
        byte[] env;
        try (Envelope e = Envelope.builder(service).masterKeyId(MASTER).build()) {
            env = e.encrypt(bytes(10, 1), null);
        }
        service.keyArrays.clear();
        EnvelopeHeader.parse(env).rewrap(service, NEW);
        assertEquals(2, service.keyArrays.size(), "one unwrap result, one wrap input");
        for (byte[] k : service.keyArrays) {
            assertArrayEquals(new byte[32], k);
        }
    }

    @Test
    void oldWrappedKey_cannotBeSplicedWithAnotherEnvelopesBody() throws Exception {
        byte[] a;
        byte[] b;
        try (Envelope e1 = Envelope.builder(service).masterKeyId(MASTER).build();
                Envelope e2 = Envelope.builder(service).masterKeyId(MASTER).build()) {
            a = e1.encrypt(bytes(64, 1), AAD);
            b = e2.encrypt(bytes(64, 2), AAD);
        }
        EnvelopeHeader ha = EnvelopeHeader.parse(a);
        EnvelopeHeader hb = EnvelopeHeader.parse(b);
        assertEquals(ha.length(), hb.length());
        // b's bulk region and body with a's key section (old or rewrapped): the commitment does not match
        for (EnvelopeHeader keySource : new EnvelopeHeader[] {ha, ha.rewrap(service, NEW)}) {
            byte[] spliced = b.clone();
            byte[] ks = keySource.toByteArray();
            System.arraycopy(ks, 52, spliced, 52, ks.length - 52);
            try (Envelope reader = Envelope.builder(service).build()) {
                AEADBadTagException x = assertThrows(AEADBadTagException.class, () -> reader.decrypt(spliced, AAD));
                assertTrue(x.getMessage().startsWith("the key commitment in the header does not match the data key"),
                        x.getMessage());
                assertThrows(AEADBadTagException.class, () -> EnvelopeHeader.parse(spliced).rewrap(service, NEW));
            }
        }
        // a's whole header on b's body: a's key opens it, but b's body was not sealed under it
        byte[] swapped = replaceHeader(b, ha);
        try (Envelope reader = Envelope.builder(service).build()) {
            assertThrows(AEADBadTagException.class, () -> reader.decrypt(swapped, AAD));
        }
    }

    @Test
    void rewrap_reportsAnAlteredWrappedKeyAndAnUnknownNewMasterKey() throws Exception {
        byte[] env;
        try (Envelope e = Envelope.builder(service).masterKeyId(MASTER).build()) {
            env = e.encrypt(bytes(10, 1), null);
        }
        KeyWrapException unknown = assertThrows(KeyWrapException.class,
                () -> EnvelopeHeader.parse(env).rewrap(service, "no-such-key"));
        assertEquals(KeyWrapException.Kind.KEY_NOT_FOUND, unknown.kind());
        assertEquals("no-such-key", unknown.masterKeyId());
        byte[] altered = env.clone();
        int h = EnvelopeHeader.parse(env).length();
        altered[h - 1] ^= 1; // last byte of the wrapped key's tag
        AEADBadTagException bad = assertThrows(AEADBadTagException.class,
                () -> EnvelopeHeader.parse(altered).rewrap(service, NEW));
        assertEquals("the wrapped data key failed authentication under master key master-1", bad.getMessage());
        assertEquals("EnvelopeHeader[SINGLE_SHOT, master key master-1, " + h + " bytes]",
                EnvelopeHeader.parse(env).toString());
    }
}
