package dev.kmipjca.client;

import dev.kmipjca.config.KmipSettingsBuilder;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** A {@link FakeKmipServer} and a {@link KmipClient} connected to it, closed together. */
final class Harness implements AutoCloseable {
    final FakeKmip kmip = new FakeKmip();
    final FakeKmipServer server;
    final KmipClient client;

    private Harness(Path dir, UnaryOperator<KmipSettingsBuilder> settings) throws Exception {
        server = new FakeKmipServer(kmip);
        try {
            client = KmipClient.open(settings.apply(server.settings(dir)).build(), null);
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    /** A client that may negotiate anything from 1.0 to 2.1. */
    static Harness start(Path dir) throws Exception {
        return new Harness(dir, b -> b);
    }

    /** A client pinned to one version, so no negotiation round trip happens. */
    static Harness pinned(Path dir, String version) throws Exception {
        return new Harness(dir, b -> b.protocolVersionMin(version).protocolVersionMax(version));
    }

    static Harness start(Path dir, UnaryOperator<KmipSettingsBuilder> settings) throws Exception {
        return new Harness(dir, settings);
    }

    @Override
    public void close() throws Exception {
        try {
            client.close();
        } finally {
            server.close();
        }
    }
}
