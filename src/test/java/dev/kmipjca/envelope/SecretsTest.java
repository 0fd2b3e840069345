package dev.kmipjca.envelope;

import static dev.kmipjca.envelope.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

/** Key bytes never show in toString, messages or serialised form. */
class SecretsTest {
    @Test
    void keys_printNoBytesAndRefuseSerialisation() throws Exception {
        byte[] raw = bytes(32, 1);
        String hex = HexFormat.of().formatHex(raw);
        RawKey k = RawKey.aes(raw.clone());
        assertEquals("RawKey[AES, 256 bits]", k.toString());
        assertThrows(NotSerializableException.class,
                () -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(k));
        k.destroy();
        assertEquals("RawKey[AES, 256 bits, destroyed]", k.toString());
        assertEquals("key was destroyed", assertThrows(IllegalStateException.class, k::getEncoded).getMessage());
        DataKey d = DataKey.create(raw.clone(), new byte[] {1});
        assertEquals("DataKey[live]", d.toString());
        assertFalse(d.toString().contains(hex));
    }

    @Test
    void envelopeFailures_nameTheProblemNotTheKey() throws Exception {
        InMemoryKeyWrapService service = new InMemoryKeyWrapService(MASTER);
        try (Envelope e = Envelope.builder(service).masterKeyId(MASTER).build()) {
            byte[] env = e.encrypt(bytes(10, 1), null);
            env[10] ^= 1; // commitment
            Exception x = assertThrows(AEADBadTagException.class, () -> e.decrypt(env, null));
            assertEquals("the key commitment in the header does not match the data key: the header was altered,"
                    + " or its key section comes from another envelope", x.getMessage());
            assertEquals("WrappedKey[masterKeyId=master-1, AES-256-GCM, 48 bytes]",
                    EnvelopeHeader.parse(env).wrappedKey().toString());
        }
    }
}
