package dev.kmipjca.it;

import java.nio.file.Path;

/** Envelope round trips ({@link EnvelopeInteropTests}) with the master key on the development server (KMIP 2.1). */
class DevServerEnvelopeIT extends EnvelopeInteropTests {
    @Override
    protected KmipServerUnderTest start(Path dir) throws Exception {
        return DevKmipServer.start(dir);
    }

    @Override
    protected String version() {
        return null;
    }
}
