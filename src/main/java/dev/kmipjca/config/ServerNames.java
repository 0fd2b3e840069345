package dev.kmipjca.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code kmip.serverName}: a comma-separated list of entries, each a host name, an IPv4
 * address, or an IPv6 address (bare, or in brackets), optionally followed by {@code :port} (an IPv6
 * address needs brackets to carry a port). Nothing is resolved: addresses are checked as text, and
 * host names against RFC 1123 (letters, digits and hyphens, labels of at most 63 characters).
 */
final class ServerNames {
    private ServerNames() {
    }

    /** Every entry of {@code list}; problems are added as "kmip.serverName=LIST: ..." lines. */
    static List<ServerAddress> parse(String list, int defaultPort, List<String> problems) {
        List<ServerAddress> out = new ArrayList<>();
        String prefix = Key.SERVER_NAME.key + "=" + Values.show(list) + ": ";
        for (String raw : list.split(",", -1)) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                problems.add(prefix + "empty entry in the comma-separated list");
                continue;
            }
            try {
                ServerAddress a = parseEntry(entry, defaultPort);
                if (out.contains(a)) {
                    problems.add(prefix + "server " + a + " is listed twice");
                } else {
                    out.add(a);
                }
            } catch (IllegalArgumentException e) {
                problems.add(prefix + e.getMessage());
            }
        }
        return out;
    }

    static ServerAddress parseEntry(String entry, int defaultPort) {
        String e = entry.strip();
        if (e.startsWith("[")) {
            int close = e.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("entry '" + e + "' has '[' without ']'");
            }
            String host = e.substring(1, close);
            String rest = e.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new IllegalArgumentException("entry '" + e + "': only ':port' may follow ']'");
            }
            return new ServerAddress(ipv6(host, e), rest.isEmpty() ? defaultPort : port(rest.substring(1), e), true);
        }
        int colons = (int) e.chars().filter(c -> c == ':').count();
        if (colons > 1) {
            return new ServerAddress(ipv6(e, e), defaultPort, true);
        }
        String host = e;
        int port = defaultPort;
        if (colons == 1) {
            host = e.substring(0, e.indexOf(':'));
            port = port(e.substring(e.indexOf(':') + 1), e);
        }
        if (looksLikeIpv4(host)) {
            ipv4(host, e);
            return new ServerAddress(host, port, true);
        }
        hostName(host, e);
        return new ServerAddress(host, port, false);
    }

    private static int port(String text, String entry) {
        try {
            int p = Integer.parseInt(text);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("entry '" + entry + "': port '" + text + "' must be a number from 1 to 65535");
    }

    /** An address whose last label is all digits is meant as IPv4 (RFC 1123 section 2.1). */
    private static boolean looksLikeIpv4(String host) {
        String last = host.substring(host.lastIndexOf('.') + 1);
        return !last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static void ipv4(String host, String entry) {
        String[] parts = host.split("\\.", -1);
        boolean ok = parts.length == 4;
        for (int i = 0; ok && i < 4; i++) {
            String p = parts[i];
            ok = !p.isEmpty() && p.length() <= 3 && p.chars().allMatch(c -> c >= '0' && c <= '9')
                    && (p.length() == 1 || p.charAt(0) != '0') && Integer.parseInt(p) <= 255;
        }
        if (!ok) {
            throw new IllegalArgumentException("entry '" + entry + "' is not a valid IPv4 address"
                    + " (four numbers 0-255 without leading zeros)");
        }
    }

    private static String ipv6(String host, String entry) {
        if (host.isEmpty() || !host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            throw new IllegalArgumentException("entry '" + entry + "' is not a valid IPv6 address"
                    + (host.indexOf('%') >= 0 ? " (zone ids are not supported)" : "")
                    + (host.indexOf(':') < 0 ? "" : "; an IPv6 address with a port needs brackets: [addr]:port"));
        }
        try {
            // The brackets make the JDK parse a literal and never query DNS.
            InetAddress.getByName("[" + host + "]");
            return host;
        } catch (UnknownHostException | SecurityException ex) {
            throw new IllegalArgumentException("entry '" + entry + "' is not a valid IPv6 address");
        }
    }

    private static void hostName(String host, String entry) {
        String problem = null;
        if (host.isEmpty()) {
            problem = "has no host";
        } else if (host.length() > 253) {
            problem = "is longer than 253 characters";
        } else {
            for (String label : host.split("\\.", -1)) {
                if (label.isEmpty() || label.length() > 63) {
                    problem = "has an empty label or one longer than 63 characters";
                } else if (!label.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-'))) {
                    problem = "may contain only letters, digits, hyphens and dots";
                } else if (label.startsWith("-") || label.endsWith("-")) {
                    problem = "has a label that starts or ends with a hyphen";
                }
                if (problem != null) {
                    break;
                }
            }
        }
        if (problem != null) {
            throw new IllegalArgumentException("host name '" + host + "' in entry '" + entry + "' " + problem);
        }
    }
}
