package dev.kmipjca.jca;

import dev.kmipjca.it.PyKmipServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** keytool against PyKMIP (skipped where PyKMIP is not installed, unless CI=true). */
class KeytoolPyKmipIT extends KeytoolScenarios {
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

    @Override
    boolean servesReKey() {
        return false; // PyKMIP has no Re-key
    }
}
