package dev.kmipjca.cli;

import dev.kmipjca.envelope.BulkProviders;
import dev.kmipjca.protocol.BlockCipherMode;
import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.CryptographicParameters;
import dev.kmipjca.protocol.Decrypt;
import dev.kmipjca.protocol.DiscoverVersions;
import dev.kmipjca.protocol.Encrypt;
import dev.kmipjca.protocol.Messages;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.RequestMessage;
import dev.kmipjca.protocol.ResponseBatchItem;
import dev.kmipjca.protocol.ResponseMessage;
import dev.kmipjca.protocol.UniqueId;
import dev.kmipjca.ttlv.TtlvDecoder;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Start-up work that a command would otherwise do later on its one thread, done at once on the second
 * core while picocli parses the command line and the settings are read. A command that talks to a
 * KMIP server spends most of a short run loading and initialising classes one after the other (about
 * 3,500 of them, a second of a 1.2 s run): JSSE's handshake, the KMIP codec, ACCP. Classes load in
 * parallel, so this thread:
 * <ul>
 *   <li>starts ACCP's probe ({@link BulkProviders#probeInBackground()}: its native library and
 *       self-tests);</li>
 *   <li>produces a TLS ClientHello with an {@link SSLEngine} that trusts nothing and has no key (no file
 *       is read, nothing is sent): the handshake's classes, and a key share of each group;</li>
 *   <li>encodes and decodes the KMIP messages that every command sends and receives (Discover
 *       Versions, Encrypt, Decrypt) at KMIP 2.1 and 1.4, through the codec's public API.</li>
 * </ul>
 * It touches no setting, file, connection or key of the command, and any failure is ignored: it only
 * moves work earlier. {@code --no-warmup} turns it off, for measurements.
 */
final class Preload {
    private Preload() {
    }

    /** Starts the thread unless {@code args} asks for no warm-up. */
    static void start(String[] args) {
        for (String a : args) {
            if ("--no-warmup".equals(a)) {
                return;
            }
        }
        BulkProviders.probeInBackground();
        Thread t = new Thread(Preload::run, "kmip-jca preload");
        t.setDaemon(true);
        t.start();
    }

    static void run() {
        quietly(Preload::clientHello);
        quietly(Preload::kmipCodec);
    }

    private static void quietly(java.util.function.Supplier<?> r) {
        try {
            r.get();
        } catch (RuntimeException | LinkageError e) {
            // only work moved earlier: the command does it again, and reports what fails
        }
    }

    /** A ClientHello from an engine that trusts no server, offered nowhere; returns its bytes (empty on failure). */
    static byte[] clientHello() {
        try {
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, new TrustManager[] {new TrustNothing()}, null);
            SSLEngine e = c.createSSLEngine("kmip-jca.invalid", 5696);
            e.setUseClientMode(true);
            ByteBuffer out = ByteBuffer.allocate(e.getSession().getPacketBufferSize());
            e.wrap(ByteBuffer.allocate(0), out);
            e.closeOutbound();
            return java.util.Arrays.copyOf(out.array(), out.position());
        } catch (java.security.GeneralSecurityException | javax.net.ssl.SSLException e) {
            return new byte[0]; // nothing moved earlier
        }
    }

    /**
     * Encodes and decodes, to bytes and back, a request and a response of each common operation; returns
     * the messages decoded (false when the codec refused one).
     */
    static boolean kmipCodec() {
        for (ProtocolVersion v : List.of(ProtocolVersion.V2_1, ProtocolVersion.V1_4)) {
            UniqueId id = UniqueId.of("preload");
            Bytes b = Bytes.of(new byte[16]);
            CryptographicParameters gcm = CryptographicParameters.builder().cryptographicAlgorithm(CryptographicAlgorithm.AES)
                    .blockCipherMode(BlockCipherMode.GCM).tagLength(16).build();
            RequestMessage request = RequestMessage.batch(v, List.of(
                    new DiscoverVersions.Request(List.of(v)),
                    Encrypt.Request.of(id, gcm, b, b, b),
                    Decrypt.Request.of(id, gcm, b, b, b, b)));
            ResponseMessage response = ResponseMessage.of(v, Instant.EPOCH, List.of(
                    ResponseBatchItem.success(Operation.DISCOVER_VERSIONS, null, new DiscoverVersions.Response(List.of(v))),
                    ResponseBatchItem.success(Operation.ENCRYPT, null, new Encrypt.Response(id, b, b, null, b)),
                    ResponseBatchItem.success(Operation.DECRYPT, null, new Decrypt.Response(id, b, null))));
            try {
                if (!Messages.decodeRequest(TtlvDecoder.defaults().decode(Messages.encodeRequest(request).encode()))
                        .equals(request)
                        || Messages.decodeResponse(TtlvDecoder.defaults().decode(Messages.encodeResponse(response).encode()))
                                .batchItems().size() != 3) {
                    return false;
                }
            } catch (Exception e) {
                return false;
            }
        }
        return true;
    }

    /** Trusts no server: the preload's engine never reaches a certificate. */
    private static final class TrustNothing implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("the preload trusts nothing");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("the preload trusts nothing");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
