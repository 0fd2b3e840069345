package dev.kmipjca.client;

import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.CryptographicParameters;
import dev.kmipjca.protocol.Decrypt;
import dev.kmipjca.protocol.Encrypt;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.UniqueId;
import dev.kmipjca.transport.BadResponseException;
import java.io.IOException;

/** Encrypt and Decrypt: copies of secret inputs are zeroed after the call, secret outputs moved into holders. */
final class Ciphers {
    private final Caller caller;

    Ciphers(Caller caller) {
        this.caller = caller;
    }

    EncryptResult encrypt(String uid, CryptographicParameters parameters, byte[] plaintext, byte[] iv, byte[] aad)
            throws KmipResultException, IOException, BadResponseException {
        Bytes data = Bytes.of(plaintext);
        try {
            Encrypt.Request req = Encrypt.Request.of(UniqueId.of(uid), parameters, data, bytes(iv), bytes(aad));
            Encrypt.Response r = caller.run(true, null, s -> {
                Requests.requireCipherSupport(s, Operation.ENCRYPT, parameters);
                return s.send(req);
            }).payload(Encrypt.Response.class);
            return new EncryptResult(r.data(), r.ivCounterNonce(), r.tag());
        } finally {
            data.wipe();
        }
    }

    KeyMaterial decrypt(String uid, CryptographicParameters parameters, byte[] ciphertext, byte[] iv, byte[] aad,
                        byte[] tag) throws KmipResultException, IOException, BadResponseException {
        Decrypt.Request req = Decrypt.Request.of(UniqueId.of(uid), parameters, Bytes.of(ciphertext), bytes(iv),
                bytes(aad), bytes(tag));
        Reply reply = caller.run(true, null, s -> {
            Requests.requireCipherSupport(s, Operation.DECRYPT, parameters);
            return s.send(req);
        });
        try {
            Bytes data = reply.payload(Decrypt.Response.class).data();
            return data == null ? KeyMaterial.take(new byte[0]) : KeyMaterial.moveFrom(data);
        } finally {
            reply.wipe();
        }
    }

    private static Bytes bytes(byte[] b) {
        return b == null ? null : Bytes.of(b);
    }
}
