package dev.kmipjca.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to run a {@link DevServer}. Build with {@link #builder()}: directory {@code ./kmip-dev}, host
 * {@code 127.0.0.1}, port 5696 (0 picks a free port), no faults, messages up to 16 MiB, 64
 * connections at once.
 *
 * @param dir             where the server keeps its CA, certificates, keystore files and objects
 * @param host            the address to listen on; it is also put in the server certificate
 * @param port            the TCP port, 0 for any free port
 * @param faults          faults to inject ({@link Faults#NONE} for none)
 * @param maxMessageBytes the largest request accepted (header included)
 * @param maxConnections  the most connections served at once
 * @param identities      client identities to create besides {@code kmip-client} (CN = name; files
 *                        {@code client-NAME.pem} and {@code client-NAME.kmip})
 */
public record DevServerConfig(Path dir, String host, int port, Faults faults, int maxMessageBytes, int maxConnections,
                              List<String> identities) {
    public static final int DEFAULT_PORT = 5696;
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 << 20;
    private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public DevServerConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(faults, "faults");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException("maxMessageBytes must be at least 1024, got " + maxMessageBytes);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
        }
        identities = List.copyOf(identities);
        identities.forEach(DevServerConfig::checkIdentity);
    }

    /** An identity name: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit. */
    public static void checkIdentity(String name) {
        if (name == null || !IDENTITY.matcher(name).matches()) {
            throw new IllegalArgumentException("identity name \"" + name
                    + "\" must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the settings; every one has a default. */
    public static final class Builder {
        private Path dir = Path.of("kmip-dev");
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private Faults faults = Faults.NONE;
        private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
        private int maxConnections = 64;
        private final List<String> identities = new ArrayList<>();

        private Builder() {}

        public Builder dir(Path dir) {
            this.dir = dir;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder faults(Faults faults) {
            this.faults = faults;
            return this;
        }

        public Builder maxMessageBytes(int bytes) {
            this.maxMessageBytes = bytes;
            return this;
        }

        public Builder maxConnections(int n) {
            this.maxConnections = n;
            return this;
        }

        /** Another client identity to create at start (repeatable). */
        public Builder identity(String name) {
            identities.add(name);
            return this;
        }

        public DevServerConfig build() {
            return new DevServerConfig(dir, host, port, faults, maxMessageBytes, maxConnections, identities);
        }
    }
}
