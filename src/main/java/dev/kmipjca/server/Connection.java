package dev.kmipjca.server;

import dev.kmipjca.protocol.Messages;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.ResultReason;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * One client connection: the TLS handshake (10 s at most), then request after request, each framed
 * as one TTLV item. The 8-byte header is checked before the body is read: it must be a Request
 * Message Structure whose length fits the size limit; otherwise the connection gets an Invalid
 * Message response and is closed, since the stream cannot be resynchronised. A body must arrive
 * within 30 s. Idle connections stay open until the client or the server closes them.
 */
final class Connection implements Runnable {
    static final int HANDSHAKE_TIMEOUT_MS = 10_000;
    static final int BODY_TIMEOUT_MS = 30_000;
    private static final int REQUEST_MESSAGE = 0x420078;

    private final SSLSocket socket;
    private final Listener listener;

    Connection(SSLSocket socket, Listener listener) {
        this.socket = socket;
        this.listener = listener;
    }

    @Override
    public void run() {
        try (SSLSocket s = socket) {
            if (listener.faults().stallHandshake()) {
                listener.stall();
                return;
            }
            s.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            s.startHandshake();
            Identity id = Identity.of((X509Certificate) s.getSession().getPeerCertificates()[0]);
            s.setSoTimeout(0);
            serve(s, id);
        } catch (SSLException e) {
            RequestLog.LOG.log(Level.DEBUG, "TLS failure with " + socket.getRemoteSocketAddress() + ": " + e.getMessage());
        } catch (EOFException | SocketTimeoutException e) {
            RequestLog.LOG.log(Level.DEBUG, "connection from " + socket.getRemoteSocketAddress() + " ended: " + e);
        } catch (IOException e) {
            if (!listener.isClosed()) {
                RequestLog.LOG.log(Level.DEBUG, "connection from " + socket.getRemoteSocketAddress() + " failed: " + e);
            }
        } finally {
            listener.closed(socket);
        }
    }

    private void serve(SSLSocket s, Identity id) throws IOException {
        InputStream in = new BufferedInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream();
        int answered = 0;
        while (true) {
            byte[] header = new byte[8];
            int n = in.readNBytes(header, 0, 8);
            if (n == 0) {
                return;
            } else if (n < 8) {
                throw new EOFException("connection closed inside a message header");
            }
            int tag = ((header[0] & 0xFF) << 16) | ((header[1] & 0xFF) << 8) | (header[2] & 0xFF);
            long length = ((header[4] & 0xFFL) << 24) | ((header[5] & 0xFFL) << 16) | ((header[6] & 0xFFL) << 8)
                    | (header[7] & 0xFFL);
            if (tag != REQUEST_MESSAGE || header[3] != 0x01) {
                refuse(out, id, String.format("expected a Request Message (tag 0x420078, a Structure), found tag 0x%06X"
                        + " type 0x%02X; closing the connection", tag, header[3] & 0xFF));
                return;
            }
            if (length + 8 > listener.maxMessageBytes()) {
                refuse(out, id, "message of " + (length + 8) + " bytes exceeds the limit of "
                        + listener.maxMessageBytes() + " bytes; closing the connection");
                return;
            }
            byte[] message = Arrays.copyOf(header, (int) length + 8);
            s.setSoTimeout(BODY_TIMEOUT_MS);
            if (in.readNBytes(message, 8, (int) length) < length) {
                throw new EOFException("connection closed inside a message");
            }
            s.setSoTimeout(0);
            Faults f = listener.faults();
            if (f.dropAfterRequests() >= 0 && answered >= f.dropAfterRequests()) {
                RequestLog.LOG.log(Level.INFO, "injected fault: dropping the connection of " + id + " after "
                        + answered + " answered requests");
                return;
            }
            RequestLog.Line line = RequestLog.start(id);
            byte[] response = listener.handler().handle(message, id, line);
            line.write();
            pause(f.delayMillis());
            out.write(response);
            out.flush();
            answered++;
        }
    }

    private void refuse(OutputStream out, Identity id, String why) throws IOException {
        RequestLog.Line line = RequestLog.start(id);
        line.item(null, null, ResultReason.INVALID_MESSAGE + " (" + why + ")");
        line.write();
        out.write(Messages.encodeResponse(Messages.errorResponse(ProtocolVersion.V1_0, ResultReason.INVALID_MESSAGE,
                why)).encode());
        out.flush();
    }

    private static void pause(long ms) {
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
