package dev.kmipjca.config;

import java.util.List;

/**
 * Settings that break a rule. Each problem names the setting, the value and the rule
 * ({@code kmip.connectTimeoutMS=500: must be at least 1000}); the message lists every problem found,
 * separated by "; ". Passwords never appear: a problem with {@code kmip.clientCertificatePassword}
 * names the setting only.
 */
public final class KmipSettingsException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public KmipSettingsException(List<String> problems) {
        super(String.join("; ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        this.problems = List.copyOf(problems);
    }

    public KmipSettingsException(String problem) {
        this(List.of(problem));
    }

    /** Every problem found, one per setting or entry, in the order of the settings table. */
    public List<String> problems() {
        return problems;
    }
}
