package dev.kmipjca.jca;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSocket;

/**
 * A TLS server for the JSSE test's child JVM: its key comes from the default SSLContext, that is from
 * {@code -Djavax.net.ssl.keyStore=FILE -Djavax.net.ssl.keyStoreType=KMIP}. Prints "listening PORT",
 * answers one connection's line with "echo: LINE", then exits.
 */
public final class TlsEchoServer {
    private TlsEchoServer() {
    }

    public static void main(String[] args) throws Exception {
        try (SSLServerSocket server = (SSLServerSocket) SSLServerSocketFactory.getDefault().createServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            System.out.println("listening " + server.getLocalPort());
            System.out.flush();
            server.setSoTimeout(60_000);
            try (SSLSocket s = (SSLSocket) server.accept()) {
                String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
                OutputStream out = s.getOutputStream();
                out.write(("echo: " + line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }
}
