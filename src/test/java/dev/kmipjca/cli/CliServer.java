package dev.kmipjca.cli;

import dev.kmipjca.server.DevServer;
import dev.kmipjca.server.DevServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An in-process development server for the command tests, and runs of the command line against it. */
final class CliServer implements AutoCloseable {
    final DevServer server;

    private CliServer(DevServer server) {
        this.server = server;
    }

    static CliServer start(Path dir) throws IOException {
        return new CliServer(DevServer.start(DevServerConfig.builder().dir(dir.resolve("server")).port(0).build()));
    }

    /** {@code client.kmip}: the default identity's keystore file. */
    Path keystore() {
        return server.clientKeystore();
    }

    /** Runs {@code kmip-jca ARGS --keystore client.kmip}. */
    MainTest.Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--keystore");
        all.add(keystore().toString());
        return MainTest.run(all.toArray(String[]::new));
    }

    /** The Unique Identifier that {@code keys create} printed. */
    String createKey(String name, String... more) {
        List<String> args = new ArrayList<>(List.of("keys", "create", "--name", name));
        args.addAll(List.of(more));
        MainTest.Run r = run(args.toArray(String[]::new));
        if (r.code() != 0) {
            throw new AssertionError("keys create failed: " + r);
        }
        return r.out().strip();
    }

    /** A loopback port nothing listens on (free a moment ago). */
    static int deadPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
