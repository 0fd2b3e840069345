package dev.kmipjca.benchmarks;

import static dev.kmipjca.protocol.CryptographicUsageMask.DECRYPT;
import static dev.kmipjca.protocol.CryptographicUsageMask.ENCRYPT;

import dev.kmipjca.client.EncryptResult;
import dev.kmipjca.client.KmipClient;
import dev.kmipjca.client.ObjectSpec;
import dev.kmipjca.client.RetrievedObject;
import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.protocol.BlockCipherMode;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.CryptographicParameters;
import java.nio.file.Path;

/**
 * What the client benchmarks do through {@link KmipClient}: one AES-256 key created and activated on the
 * server, then Get of it and Encrypt of 32 bytes with AES-GCM (server-chosen IV, 16-byte tag), the same
 * requests as PyKMIP's client sends in pykmip_bench.py. KMIP 1.4 is pinned for both clients.
 */
final class BenchClient implements AutoCloseable {
    static final CryptographicParameters GCM = CryptographicParameters.builder()
            .cryptographicAlgorithm(CryptographicAlgorithm.AES).blockCipherMode(BlockCipherMode.GCM).tagLength(16).build();
    static final String VERSION = "1.4";

    final KmipClient client;
    final String keyId;
    private final byte[] data = new byte[32];

    /** A client of the settings file with {@code connections} pooled connections, and its key. */
    BenchClient(Path settingsFile, int connections) throws Exception {
        KmipSettings s = KmipSettings.load(settingsFile).toBuilder().poolSize(connections).protocolVersionMin(VERSION)
                .protocolVersionMax(VERSION).build();
        this.client = KmipClient.open(s, null);
        this.keyId = client.create(CryptographicAlgorithm.AES, 256, ObjectSpec.of("kmip-jca-bench-" + System.nanoTime(),
                ENCRYPT | DECRYPT));
        client.activate(keyId);
    }

    /** Get of the key; returns its length so that nothing is optimised away. */
    int get() throws Exception {
        try (RetrievedObject o = client.get(keyId)) {
            return o.material().length();
        }
    }

    EncryptResult encrypt() throws Exception {
        return client.encrypt(keyId, GCM, data, null, null);
    }

    @Override
    public void close() {
        client.close();
    }
}
