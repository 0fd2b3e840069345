package dev.kmipjca.config;

import java.util.Locale;
import java.util.Objects;

/**
 * One KMIP server: a host (a DNS name, an IPv4 address, or an IPv6 address without brackets) and a
 * port. {@link #toString()} gives {@code host:port}, with brackets around an IPv6 address
 * ({@code [::1]:5696}). Instances come from {@link KmipSettings#servers()} or {@link #parse}.
 */
public final class ServerAddress {
    private final String host;
    private final int port;
    private final boolean ipLiteral;

    ServerAddress(String host, int port, boolean ipLiteral) {
        this.host = host;
        this.port = port;
        this.ipLiteral = ipLiteral;
    }

    /**
     * Parses one entry of {@code kmip.serverName}: {@code host}, {@code host:port}, {@code 1.2.3.4},
     * {@code 1.2.3.4:port}, {@code ::1}, {@code [::1]} or {@code [::1]:port}.
     *
     * @param defaultPort the port of an entry that names none
     * @throws IllegalArgumentException naming the entry and what is wrong with it
     */
    public static ServerAddress parse(String entry, int defaultPort) {
        return ServerNames.parseEntry(entry, defaultPort);
    }

    /** The host name or IP address, IPv6 without brackets; the name the server certificate must carry. */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** True for an IPv4 or IPv6 address (no SNI is sent, and the certificate needs an IP SAN). */
    public boolean isIpLiteral() {
        return ipLiteral;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerAddress s && s.port == port && s.host.toLowerCase(Locale.ROOT)
                .equals(host.toLowerCase(Locale.ROOT));
    }

    @Override
    public int hashCode() {
        return Objects.hash(host.toLowerCase(Locale.ROOT), port);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
