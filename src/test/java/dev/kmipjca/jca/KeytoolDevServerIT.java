package dev.kmipjca.jca;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** keytool against the development KMIP server, started in this JVM. */
class KeytoolDevServerIT extends KeytoolScenarios {
    @TempDir
    static Path serverDir;
    static DevServerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = DevServerFixture.start(serverDir);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Override
    String settings() {
        return fx.settings().replace("kmip.protocolVersionMin=1.4\nkmip.protocolVersionMax=1.4\n", "");
    }

    @Override
    boolean servesReKey() {
        return true; // the development server serves Re-key
    }
}
