package dev.kmipjca.it;

import java.nio.file.Path;

/**
 * The interoperability suite against Debian's PyKMIP server, at KMIP 1.0, 1.2, 1.4 and 2.0. Skipped
 * when PyKMIP is not installed, unless CI=true. The observed matrix goes to target/interop/pykmip.md.
 */
class PyKmipInteropIT extends InteropCryptoTests {
    @Override
    protected KmipServerUnderTest start(Path dir) throws Exception {
        return PyKmipServer.startOrSkip(dir);
    }

    @Override
    protected String reportName() {
        return "pykmip";
    }
}
