package dev.kmipjca.server;

import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.CryptographicParameters;
import dev.kmipjca.protocol.CryptographicUsageMask;
import dev.kmipjca.protocol.Decrypt;
import dev.kmipjca.protocol.Encrypt;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.State;
import dev.kmipjca.protocol.UniqueId;
import java.util.Arrays;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypt and Decrypt with AES keys ({@link AesModes}). Encrypt needs an Active key with usage
 * Encrypt. Decrypt needs usage Decrypt and a key that is Active, Deactivated or Compromised: the
 * spec lets Deactivated and Compromised keys process (decrypt) data that was protected earlier,
 * never protect new data. The Cryptographic Parameters come from the request, or else from the
 * key's Cryptographic Parameters attribute. Streaming (Correlation Value, Init/Final Indicator) is
 * not supported.
 */
final class CryptoOps {
    private CryptoOps() {}

    private static final Set<State> DECRYPT_STATES = Set.of(State.ACTIVE, State.DEACTIVATED, State.COMPROMISED);

    static Encrypt.Response encrypt(Batch b, Encrypt.Request r) {
        StoredObject o = b.object(r.uniqueIdentifier());
        SecretKeySpec key = Keys.aesKey(b, o);
        if (!State.ACTIVE.equals(o.state())) {
            throw KmipFailure.wrongState(b.version, "key " + o.uid() + " is " + o.state() + "; Encrypt needs an Active key");
        }
        if (!o.allows(CryptographicUsageMask.ENCRYPT)) {
            throw KmipFailure.usage(b.version, "key " + o.uid() + " lacks usage Encrypt");
        }
        noStreaming(r.correlationValue(), r.initIndicator(), r.finalIndicator());
        CryptographicParameters p = parameters(r.cryptographicParameters(), o);
        byte[] data = bytes(r.data(), "Data");
        try {
            AesModes.Sealed s = AesModes.encrypt(b.version, key, p, data, bytes(r.ivCounterNonce()),
                    bytes(r.additionalData()));
            b.produced(Operation.ENCRYPT, o.uid());
            return new Encrypt.Response(UniqueId.of(o.uid()), Bytes.of(s.data()),
                    s.generatedIv() == null ? null : Bytes.of(s.generatedIv()), null,
                    s.tag() == null ? null : Bytes.of(s.tag()));
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    static Decrypt.Response decrypt(Batch b, Decrypt.Request r) {
        StoredObject o = b.object(r.uniqueIdentifier());
        SecretKeySpec key = Keys.aesKey(b, o);
        if (!DECRYPT_STATES.contains(o.state())) {
            throw KmipFailure.wrongState(b.version, "key " + o.uid() + " is " + o.state()
                    + "; Decrypt needs an Active, Deactivated or Compromised key");
        }
        if (!o.allows(CryptographicUsageMask.DECRYPT)) {
            throw KmipFailure.usage(b.version, "key " + o.uid() + " lacks usage Decrypt");
        }
        noStreaming(r.correlationValue(), r.initIndicator(), r.finalIndicator());
        CryptographicParameters p = parameters(r.cryptographicParameters(), o);
        byte[] plain = AesModes.decrypt(b.version, key, p, bytes(r.data(), "Data"), bytes(r.ivCounterNonce()),
                bytes(r.additionalData()), bytes(r.tag()));
        try {
            b.produced(Operation.DECRYPT, o.uid());
            return new Decrypt.Response(UniqueId.of(o.uid()), Bytes.of(plain), null);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static CryptographicParameters parameters(CryptographicParameters given, StoredObject o) {
        CryptographicParameters p = given != null ? given : o.attributes().get(AttributeKey.CRYPTOGRAPHIC_PARAMETERS);
        if (p == null) {
            throw KmipFailure.missing("Cryptographic Parameters are needed (in the request or as the key's attribute)");
        }
        if (p.cryptographicAlgorithm() != null && !CryptographicAlgorithm.AES.equals(p.cryptographicAlgorithm())) {
            throw KmipFailure.invalidField("Cryptographic Algorithm " + p.cryptographicAlgorithm()
                    + " does not match the AES key");
        }
        return p;
    }

    private static void noStreaming(Bytes correlation, Boolean init, Boolean fin) {
        if (correlation != null || init != null || fin != null) {
            throw KmipFailure.notSupported("streaming (Correlation Value, Init/Final Indicator) is not supported");
        }
    }

    private static byte[] bytes(Bytes b, String what) {
        if (b == null) {
            throw KmipFailure.missing("the request needs " + what);
        }
        return b.toByteArray();
    }

    private static byte[] bytes(Bytes b) {
        return b == null ? null : b.toByteArray();
    }
}
