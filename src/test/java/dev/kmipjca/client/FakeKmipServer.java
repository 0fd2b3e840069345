package dev.kmipjca.client;

import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.config.KmipSettingsBuilder;
import dev.kmipjca.protocol.Messages;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.RequestMessage;
import dev.kmipjca.protocol.ResponseMessage;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.transport.DevPki;
import dev.kmipjca.transport.DevPki.Issued;
import dev.kmipjca.transport.DevPki.KeyKind;
import dev.kmipjca.transport.DevPkiFiles;
import dev.kmipjca.ttlv.TtlvDecoder;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * An in-process KMIP server for the client's tests: TLS 1.3/1.2 on 127.0.0.1 and an ephemeral port,
 * one thread per connection, requests decoded with the protocol layer and answered by a
 * {@link FakeKmip}. Like PyKMIP, it answers a header version it does not accept with a message-level
 * Invalid Message under a 1.0 header. Faults: a one-shot rewrite of the next response, or dropping the
 * connection after reading a request. {@link #close()} stops every thread.
 */
final class FakeKmipServer implements AutoCloseable {
    static final Issued CA = DevPki.createCa("Fake KMIP CA", KeyKind.EC_P256);
    static final Issued SERVER = DevPki.issueServer(CA, "fake-kmip", List.of("localhost"), List.of("127.0.0.1"),
            KeyKind.EC_P256);
    static final Issued CLIENT = DevPki.issueClient(CA, "client-test", true, KeyKind.EC_P256);

    final FakeKmip kmip;
    final List<RequestMessage> requests = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger connections = new AtomicInteger();
    volatile Set<ProtocolVersion> acceptedHeaders = Set.copyOf(ProtocolVersion.SUPPORTED);
    /** Applied to the next response only, then cleared. */
    volatile UnaryOperator<ResponseMessage> nextFault;
    /** Applied to the bytes of the next response only, then cleared. */
    volatile UnaryOperator<byte[]> nextRawFault;
    /** When set, every connection is closed right after a request is read, unanswered. */
    volatile boolean dropAfterRequest;
    /** The header version of every request received, accepted or not. */
    final List<ProtocolVersion> headers = Collections.synchronizedList(new ArrayList<>());

    private final SSLServerSocket listener;
    private final Thread acceptor;
    private final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());

    FakeKmipServer(FakeKmip kmip) throws Exception {
        this.kmip = kmip;
        this.listener = (SSLServerSocket) serverContext().getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getByName("127.0.0.1"));
        listener.setNeedClientAuth(true);
        listener.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        acceptor = new Thread(this::acceptLoop, "fake-kmip-accept");
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Writes ca.pem and client.pem into {@code dir}; settings for this server with that identity. */
    KmipSettingsBuilder settings(Path dir) throws IOException {
        Path ca = dir.resolve("ca.pem");
        Path client = dir.resolve("client.pem");
        DevPkiFiles.writeCertificates(ca, List.of(CA.certificate()));
        DevPkiFiles.writeKeyAndChain(client, CLIENT.privateKey(), CLIENT.chain(), DevPkiFiles.KeyFormat.PKCS8, null);
        return KmipSettings.builder().serverName("127.0.0.1:" + port()).serverCAFile(ca).clientCertificateFile(client)
                .connectTimeoutMS(3000);
    }

    /** The operations of every request received, one string per message ("Get" or "Create+Get"). */
    List<String> operations() {
        List<String> out = new ArrayList<>();
        synchronized (requests) {
            requests.forEach(r -> out.add(Trace.operations(r)));
        }
        return out;
    }

    RequestMessage lastRequest() {
        synchronized (requests) {
            return requests.get(requests.size() - 1);
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                connections.incrementAndGet();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "fake-kmip-conn");
                threads.add(t);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                byte[] header = new byte[8];
                in.readFully(header);
                int len = (header[4] & 0xFF) << 24 | (header[5] & 0xFF) << 16 | (header[6] & 0xFF) << 8 | header[7] & 0xFF;
                byte[] frame = java.util.Arrays.copyOf(header, 8 + len);
                in.readFully(frame, 8, len);
                ResponseMessage answer = answer(frame);
                if (dropAfterRequest) {
                    return;
                }
                byte[] response = Messages.encodeResponse(answer).encode();
                UnaryOperator<byte[]> raw = nextRawFault;
                if (raw != null) {
                    nextRawFault = null;
                    response = raw.apply(response);
                }
                out.write(response);
                out.flush();
            }
        } catch (Exception e) {
            // the client went away, or the test closed us
        }
    }

    private ResponseMessage answer(byte[] frame) throws Exception {
        var tree = TtlvDecoder.defaults().decode(frame);
        headers.add(Messages.peekVersion(tree));
        if (!acceptedHeaders.contains(Messages.peekVersion(tree))) {
            return Messages.errorResponse(ProtocolVersion.V1_0, ResultReason.INVALID_MESSAGE, "Error parsing request message.");
        }
        RequestMessage request = Messages.decodeRequest(tree);
        requests.add(request);
        ResponseMessage response = kmip.handle(request);
        UnaryOperator<ResponseMessage> fault = nextFault;
        if (fault != null) {
            nextFault = null;
            response = fault.apply(response);
        }
        return response;
    }

    private static SSLContext serverContext() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", SERVER.privateKey(), new char[0], SERVER.chain().toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(ks, new char[0]);
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("ca", CA.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    @Override
    public void close() throws Exception {
        listener.close();
        acceptor.join(5000);
        synchronized (sockets) {
            for (Socket s : sockets) {
                s.close();
            }
        }
        for (Thread t : new ArrayList<>(threads)) {
            t.join(5000);
            if (t.isAlive()) {
                throw new IllegalStateException("thread " + t.getName() + " did not stop");
            }
        }
    }
}
