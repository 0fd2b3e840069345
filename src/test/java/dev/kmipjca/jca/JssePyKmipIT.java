package dev.kmipjca.jca;

import dev.kmipjca.it.PyKmipServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS from a KMIP keystore whose master key is on PyKMIP (started on a free loopback port, stopped by
 * process id; skipped where PyKMIP is not installed, unless CI=true, where that fails).
 */
class JssePyKmipIT extends JsseScenarios {
    @TempDir
    static Path serverDir;
    static PyKmipServer server;

    @BeforeAll
    static void start() throws Exception {
        server = PyKmipServer.startOrSkip(serverDir);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    String settings() {
        return server.keystoreSettings();
    }
}
