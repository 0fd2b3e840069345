package dev.kmipjca.it;

import java.nio.file.Path;
import java.util.List;

/**
 * The interoperability suite against the development server, in-process, at KMIP 1.0, 1.2, 1.4, 2.0 and
 * 2.1. The observed matrix goes to target/interop/dev-server.md.
 */
class DevServerInteropIT extends InteropCryptoTests {
    @Override
    protected KmipServerUnderTest start(Path dir) throws Exception {
        return DevKmipServer.start(dir);
    }

    @Override
    protected String reportName() {
        return "dev-server";
    }

    @Override
    protected List<String> versions() {
        return List.of("1.0", "1.2", "1.4", "2.0", "2.1");
    }
}
