package dev.kmipjca.it;

import java.nio.file.Path;

/**
 * Envelope round trips ({@link EnvelopeInteropTests}) with the master key on Debian's PyKMIP server, at
 * KMIP 1.4 (PyKMIP's AES-GCM Encrypt and Decrypt, which wrap the data keys, need 1.4). Skipped when
 * PyKMIP is not installed, unless CI=true.
 */
class PyKmipEnvelopeIT extends EnvelopeInteropTests {
    @Override
    protected KmipServerUnderTest start(Path dir) throws Exception {
        return PyKmipServer.startOrSkip(dir);
    }

    @Override
    protected String version() {
        return "1.4";
    }
}
