package dev.kmipjca.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kmipjca.protocol.KmipProtocolException;
import dev.kmipjca.protocol.Messages;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.RequestMessage;
import dev.kmipjca.protocol.RequestPayload;
import dev.kmipjca.protocol.ResponseBatchItem;
import dev.kmipjca.protocol.ResponseMessage;
import dev.kmipjca.protocol.ResponsePayload;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.transport.PemCredentials;
import dev.kmipjca.ttlv.TtlvDecoder;
import dev.kmipjca.ttlv.TtlvException;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A minimal KMIP client for the tests: one TLS connection (host name checked against the server
 * certificate), requests encoded with {@link Messages#encodeRequest}, responses read as one framed
 * TTLV item and decoded with {@link Messages#decodeResponse}.
 */
final class TestClient implements AutoCloseable {
    private final SSLSocket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private TestClient(SSLSocket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(20_000);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** As the default identity (client.pem). */
    static TestClient connect(DevServer server) throws IOException {
        return connect(server, server.dir().resolve("client.pem"));
    }

    static TestClient connect(DevServer server, Path clientPem) throws IOException {
        return connect(server.port(), context(clientPem, server.caFile()), null);
    }

    /** With a given context; {@code protocols} null for the JDK's defaults. */
    static TestClient connect(int port, SSLContext ctx, String[] protocols) throws IOException {
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port);
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        if (protocols != null) {
            p.setProtocols(protocols);
        }
        s.setSSLParameters(p);
        s.startHandshake();
        return new TestClient(s);
    }

    /** A TLS context with the key and chain of {@code clientPem} (none when null) trusting {@code caFile}. */
    static SSLContext context(Path clientPem, Path caFile) throws IOException {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            List<X509Certificate> cas = PemCredentials.loadCertificates(caFile);
            trust.setCertificateEntry("ca", cas.get(0));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            if (clientPem != null) {
                PemCredentials c = PemCredentials.load(clientPem, null);
                keys.setKeyEntry("client", c.privateKey(), new char[0], c.chain().toArray(new X509Certificate[0]));
            }
            kmf.init(keys, new char[0]);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new IOException("cannot build the test client's TLS context", e);
        }
    }

    SSLSocket socket() {
        return socket;
    }

    ResponseMessage send(RequestMessage m) throws IOException {
        return decode(sendRaw(Messages.encodeRequest(m).encode()));
    }

    /** The only batch item of the answer to a one-item request. */
    ResponseBatchItem call(ProtocolVersion v, RequestPayload payload) throws IOException {
        ResponseMessage r = send(RequestMessage.single(v, payload));
        assertEquals(v, r.version(), "response version");
        assertEquals(1, r.batchItems().size(), "batch items");
        return r.batchItems().get(0);
    }

    /** The only batch item of the answer to a one-item request naming its operation. */
    ResponseBatchItem call(ProtocolVersion v, dev.kmipjca.protocol.Operation op, RequestPayload payload) throws IOException {
        return send(RequestMessage.single(v, op, payload)).batchItems().get(0);
    }

    /** The payload of a successful call; fails the test with the server's reason otherwise. */
    <P extends ResponsePayload> P ok(ProtocolVersion v, RequestPayload payload, Class<P> type) throws IOException {
        ResponseBatchItem item = call(v, payload);
        if (!item.isSuccess()) {
            fail(Messages.operationOf(payload) + " at " + v + " failed: " + item.resultReason() + ": "
                    + item.resultMessage());
        }
        assertTrue(type.isInstance(item.payload()), "payload type " + item.payload());
        return type.cast(item.payload());
    }

    /** The failed item of a call expected to fail with {@code reason}. */
    ResponseBatchItem fails(ProtocolVersion v, RequestPayload payload, ResultReason reason) throws IOException {
        ResponseBatchItem item = call(v, payload);
        assertFalse(item.isSuccess(), Messages.operationOf(payload) + " at " + v + " succeeded; expected " + reason);
        assertEquals(reason, item.resultReason(), "reason, message: " + item.resultMessage());
        return item;
    }

    /** Sends bytes and reads one framed response; null when the server closed the connection instead. */
    byte[] sendRaw(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        return readFrame();
    }

    byte[] readFrame() throws IOException {
        byte[] header = new byte[8];
        try {
            in.readFully(header);
        } catch (EOFException e) {
            return null;
        }
        long len = ((header[4] & 0xFFL) << 24) | ((header[5] & 0xFFL) << 16) | ((header[6] & 0xFFL) << 8)
                | (header[7] & 0xFFL);
        byte[] all = Arrays.copyOf(header, (int) (len + 8));
        in.readFully(all, 8, (int) len);
        return all;
    }

    static ResponseMessage decode(byte[] response) throws IOException {
        if (response == null) {
            throw new EOFException("the server closed the connection without answering");
        }
        try {
            return Messages.decodeResponse(TtlvDecoder.defaults().withDateTimeExtended(true).decode(response));
        } catch (TtlvException | KmipProtocolException e) {
            throw new IOException("undecodable response: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
