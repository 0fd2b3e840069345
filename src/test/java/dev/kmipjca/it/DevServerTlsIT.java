package dev.kmipjca.it;

import java.nio.file.Path;

/**
 * The TLS cases of {@link TlsInteropTests} against the development server (TLS 1.3 and 1.2). The case
 * of a host name missing from the server certificate does not apply: the development server's
 * certificate names every loopback name it can be reached by.
 */
class DevServerTlsIT extends TlsInteropTests {
    @Override
    protected KmipServerUnderTest start(Path dir) throws Exception {
        return DevKmipServer.start(dir);
    }

    @Override
    protected String reportName() {
        return "dev-server-tls";
    }

    @Override
    protected java.util.List<String> versions() {
        return java.util.List.of("1.4", "2.1");
    }

    @Override
    String address() {
        return "127.0.0.1:" + ((DevKmipServer) server).port();
    }

    @Override
    String certificateDescription() {
        return "CN=kmip-jca development server, issued by CN=kmip-jca development CA (throwaway)";
    }
}
