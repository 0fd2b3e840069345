package dev.kmipjca.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kmipjca.envelope.WrappedKey;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Reads a keystore written by the code (format version 2), and the version 1 fixture, with an independent
 * implementation of docs/keystore.md, using only
 * {@code Properties}, {@code Mac} and {@code Cipher}: the document is enough to read the format.
 */
class FormatSpecTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] hmac(byte[] key, byte[]... parts) throws Exception {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(new SecretKeySpec(key, "HmacSHA256"));
        for (byte[] p : parts) {
            m.update(p);
        }
        return m.doFinal();
    }

    /** HKDF-SHA256 with an empty salt and 32 bytes of output: one expand block. */
    private static byte[] hkdf(byte[] ikm, String info) throws Exception {
        byte[] prk = hmac(new byte[32], ikm);
        return hmac(prk, ascii(info), new byte[] {1});
    }

    @Test
    void documentedFormat_readsWhatTheCodeWrites() throws Exception {
        InMemoryKeyWrapService wrap = new InMemoryKeyWrapService();
        wrap.createMasterKey("mk-0");
        wrap.createMasterKey("mk-1");
        byte[] aesKey = TestEntries.aesEntry().getSecretKey().getEncoded();
        String file;
        try (KeystoreContents ks = KeystoreContents.create(KeystoreFile.parse(TestEntries.settingsBytes()), "mk-0", wrap)) {
            ks.put("Data-Key", new KeyStore.SecretKeyEntry(new SecretKeySpec(aesKey, "AES")),
                    Instant.parse("2025-06-07T08:09:10.123Z"));
            ks.put("srv", new ServerKeyEntry("uid-7", "AES", 256));
            ks.rewrap(wrap, "mk-1");
            file = new String(ks.serialize(), StandardCharsets.UTF_8);
        }
        Properties p = new Properties();
        p.load(new StringReader(file));
        assertEquals("2", p.getProperty("kmipjca.version"));
        assertEquals("mk-1", p.getProperty("kmipjca.masterKeyId"));
        assertEquals("mk-1", p.getProperty("kmip.keyIdentifier"));

        // kmipjca.keystoreKey: u8 algorithm, 12-byte nonce, ciphertext and tag; AAD names version and purpose
        byte[] kk = Base64.getDecoder().decode(p.getProperty("kmipjca.keystoreKey"));
        assertEquals(1, kk[0]);
        WrappedKey wrapped = new WrappedKey("mk-1", kk[0], Arrays.copyOfRange(kk, 1, 13), Arrays.copyOfRange(kk, 13, kk.length));
        byte[] keystoreKey = wrap.unwrap(wrapped, ascii("kmip-jca keystore v1: keystore key"));
        assertEquals(32, keystoreKey.length);

        // the authenticator (version 2): HMAC over a label and the digest of the section's bytes S, from the begin
        // marker line up to the kmipjca.mac line
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        int from = latin.indexOf("# ---- BEGIN KMIP-JCA PROTECTED SECTION");
        int to = latin.indexOf("\nkmipjca.mac=") + 1;
        // the digest: S in pieces of 262,144 bytes (here one), the SHA-256 of each, the SHA-256 of those
        MessageDigest root = MessageDigest.getInstance("SHA-256");
        for (int at = from; at < to; at += 262_144) {
            root.update(MessageDigest.getInstance("SHA-256").digest(Arrays.copyOfRange(bytes, at, Math.min(to, at + 262_144))));
        }
        byte[] digest = root.digest();
        byte[] mac = hmac(hkdf(keystoreKey, "kmip-jca keystore v1: authenticator"),
                ascii("kmip-jca keystore v2: protected section"), digest);
        assertArrayEquals(Base64.getDecoder().decode(p.getProperty("kmipjca.mac")), mac);

        // entry 0: header in the clear, contents under AES-256-GCM with the header in the AAD
        assertArrayEquals(aesKey, secretKeyOfEntry0(p, keystoreKey));
    }

    /** The version 1 fixture, read with the document and the master key's known bytes (fixture README). */
    @Test
    void documentedFormatVersion1_readsTheFixture() throws Exception {
        Properties p = new Properties();
        try (var in = FormatSpecTest.class.getResourceAsStream("format-v1.kmip")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertEquals("1", p.getProperty("kmipjca.version"));
        assertEquals("mk-v1", p.getProperty("kmipjca.masterKeyId"));
        byte[] masterKey = new byte[32];
        for (int i = 0; i < 32; i++) {
            masterKey[i] = (byte) (0x40 + i);
        }
        byte[] kk = Base64.getDecoder().decode(p.getProperty("kmipjca.keystoreKey"));
        assertEquals(1, kk[0]);
        Cipher unwrap = Cipher.getInstance("AES/GCM/NoPadding");
        unwrap.init(Cipher.DECRYPT_MODE, new SecretKeySpec(masterKey, "AES"), new GCMParameterSpec(128, kk, 1, 12));
        unwrap.updateAAD(ascii("kmip-jca keystore v1: keystore key"));
        byte[] keystoreKey = unwrap.doFinal(kk, 13, kk.length - 13);

        ByteArrayOutputStream macInput = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(macInput);
        d.write(ascii("kmip-jca keystore v1: protected section"));
        d.writeInt(1);
        lp(d, p.getProperty("kmipjca.masterKeyId").getBytes(StandardCharsets.UTF_8));
        lp(d, kk);
        int history = Integer.parseInt(p.getProperty("kmipjca.historyCount"));
        assertEquals(1, history);
        d.writeInt(history);
        for (int h = 0; h < history; h++) {
            String[] dateAndId = p.getProperty("kmipjca.history." + h).split(" ", 2);
            lp(d, dateAndId[1].getBytes(StandardCharsets.UTF_8));
            lp(d, ascii(Instant.parse(dateAndId[0]).toString()));
        }
        int entries = Integer.parseInt(p.getProperty("kmipjca.entryCount"));
        assertEquals(4, entries);
        d.writeInt(entries);
        for (int e = 0; e < entries; e++) {
            lp(d, Base64.getDecoder().decode(p.getProperty("kmipjca.entry." + e)));
        }
        byte[] mac = hmac(hkdf(keystoreKey, "kmip-jca keystore v1: authenticator"), macInput.toByteArray());
        assertArrayEquals(Base64.getDecoder().decode(p.getProperty("kmipjca.mac")), mac);

        byte[] key = secretKeyOfEntry0(p, keystoreKey);
        for (int i = 0; i < 32; i++) {
            assertEquals((byte) (0xA0 + i), key[i]);
        }
    }

    /**
     * Entry 0 of both files, {@code data-key}: a secret key, created 2025-06-07T08:09:10.123Z, header in the
     * clear, contents under AES-256-GCM with the header in the associated data; its encoded key bytes.
     */
    private static byte[] secretKeyOfEntry0(Properties p, byte[] keystoreKey) throws Exception {
        ByteBuffer entry = ByteBuffer.wrap(Base64.getDecoder().decode(p.getProperty("kmipjca.entry.0")));
        assertEquals(1, entry.get(), "kind: secret key");
        byte[] alias = new byte[entry.getShort()];
        entry.get(alias);
        assertEquals("data-key", new String(alias, StandardCharsets.UTF_8));
        assertEquals(Instant.parse("2025-06-07T08:09:10.123Z").toEpochMilli(), entry.getLong());
        byte[] header = Arrays.copyOfRange(entry.array(), 0, entry.position());
        byte[] nonce = new byte[12];
        entry.get(nonce);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(hkdf(keystoreKey, "kmip-jca keystore v1: entry encryption"), "AES"),
                new GCMParameterSpec(128, nonce));
        c.updateAAD(ascii("kmip-jca keystore v1: entry"));
        c.updateAAD(header);
        ByteBuffer contents = ByteBuffer.wrap(c.doFinal(entry.array(), entry.position(), entry.remaining()));
        byte[] algorithm = new byte[contents.getShort()];
        contents.get(algorithm);
        assertEquals("AES", new String(algorithm, StandardCharsets.UTF_8));
        byte[] key = new byte[contents.getInt()];
        contents.get(key);
        assertEquals(0, contents.remaining());
        return key;
    }

    private static void lp(DataOutputStream d, byte[] b) throws Exception {
        d.writeInt(b.length);
        d.write(b);
    }
}
