package dev.kmipjca.envelope;

import java.security.Provider;

/**
 * What this JVM's Amazon Corretto Crypto Provider probe found: a healthy provider and its version, or
 * why there is none ({@code problem}, worded to follow "ACCP is not usable: ").
 */
record AccpStatus(Provider provider, String version, String problem) {
    static AccpStatus healthy(Provider provider, String version) {
        return new AccpStatus(provider, version, null);
    }

    static AccpStatus unusable(String problem) {
        return new AccpStatus(null, null, problem);
    }

    boolean usable() {
        return provider != null;
    }
}
