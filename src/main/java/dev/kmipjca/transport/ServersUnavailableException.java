package dev.kmipjca.transport;

import dev.kmipjca.config.ServerAddress;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** No server could carry out the request; names every server tried and why it failed, in order. */
public final class ServersUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Map<ServerAddress, String> failures;

    ServersUnavailableException(Map<ServerAddress, String> failures, IOException last) {
        super(format(failures), last);
        this.failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }

    private static String format(Map<ServerAddress, String> failures) {
        StringJoiner j = new StringJoiner("; ", failures.size() == 1 ? "KMIP server unavailable: "
                : "no KMIP server available (" + failures.size() + " tried): ", "");
        failures.forEach((server, why) -> j.add(server + ": " + why));
        return j.toString();
    }

    /** Each server tried, in the order tried, with the reason it failed. */
    public Map<ServerAddress, String> failures() {
        return failures;
    }
}
