package dev.kmipjca.jca;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** TLS from a KMIP keystore whose master key is on the development KMIP server, started in this JVM. */
class JsseIT extends JsseScenarios {
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
        return fx.settings();
    }
}
