package dev.kmipjca.it;

import dev.kmipjca.config.KmipSettingsBuilder;

/**
 * A KMIP server that the interoperability suite runs against (PyKMIP now; the development server
 * later), with three client identities whose certificates it trusts. The suite only uses this
 * interface, so the same tests can run against any server.
 */
public interface KmipServerUnderTest extends AutoCloseable {
    /** The client identities the server knows. */
    enum Identity {
        /** The usual client: EKU clientAuth, CN {@value TestCredentials#CN_A}. */
        A,
        /** A second client (another CN) that must not see A's objects. */
        B,
        /** A client certificate without the extended key usage extension. */
        NO_EKU
    }

    /** "PyKMIP 0.10.0 at 127.0.0.1:5696", for messages and reports. */
    String description();

    /**
     * Settings that reach this server as {@code who}: server name and port, CA file, client PEM bundle
     * (unencrypted PKCS#8) and a short timeout; callers add the version range and the rest.
     */
    KmipSettingsBuilder settings(Identity who);

    /** The credentials the server and its clients use (extra bundles and a foreign CA for TLS tests). */
    TestCredentials credentials();

    /**
     * The Operation Policy Name under which an object A creates can be used by B too, or null when the
     * server has no such policy.
     */
    String sharedPolicyName();

    /** The server's log file, or null; the suite keeps a copy under target/interop for diagnosis. */
    java.nio.file.Path logFile();

    /** Stops the server and everything it started. */
    @Override
    void close();
}
