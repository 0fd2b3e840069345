package dev.kmipjca.it;

import dev.kmipjca.config.KmipSettingsBuilder;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.ResultReason;
import java.util.List;

/**
 * A KMIP server that the interoperability suite runs against (PyKMIP and the development server),
 * with three client identities whose certificates it trusts. The suite only uses this interface, so
 * the same tests run against any server; where servers legitimately differ, the server says what it
 * answers ({@link #expectedFailure}) and the tests assert exactly that.
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

    /** The cases where KMIP servers may answer differently and both answers are legitimate. */
    enum Difference {
        /** Destroy of an Active key. */
        DESTROY_WHILE_ACTIVE,
        /** Get of a key after Destroy. */
        GET_AFTER_DESTROY,
        /** Get by identity B of an object identity A owns. */
        GET_FOREIGN_OBJECT,
        /** Create with an Operation Policy Name (a 1.x attribute). */
        CREATE_WITH_POLICY_NAME,
        /** Re-key of an AES key. */
        REKEY,
        /** Add Attribute (Object Group). */
        ADD_ATTRIBUTE,
        /** Delete Attribute by name (2.x: Attribute Reference, Enumeration form). */
        DELETE_ATTRIBUTE_BY_NAME,
        /** Decrypt with AES-GCM and a wrong tag. */
        GCM_WRONG_TAG,
        /** Get wrapped with NIST key wrap. */
        GET_WRAPPED,
        /** Any request from a client certificate without extended key usage. */
        CLIENT_WITHOUT_EKU
    }

    /** "PyKMIP 0.10.0 at 127.0.0.1:5696", for messages and reports. */
    String description();

    /** The protocol versions the server supports, its preferred first, as Discover Versions lists them. */
    List<ProtocolVersion> versions();

    /**
     * The Result Reason the server answers in case {@code d} at {@code version}, or null when it carries
     * the request out.
     */
    ResultReason expectedFailure(Difference d, ProtocolVersion version);

    /** Whether Query Operations lists every operation served (PyKMIP leaves out Modify Attribute). */
    boolean queryListsEveryOperation();

    /**
     * Settings that reach this server as {@code who}: server name and port, CA file, client PEM bundle
     * (unencrypted PKCS#8) and a short timeout; callers add the version range and the rest.
     */
    KmipSettingsBuilder settings(Identity who);

    /** The credentials the server and its clients use (extra bundles and a foreign CA for TLS tests). */
    TestCredentials credentials();

    /**
     * The Operation Policy Name under which an object A creates can be used by B too, or null when the
     * server has no such policy (objects then stay their owner's whatever the policy name says).
     */
    String sharedPolicyName();

    /** The server's log file, or null; the suite keeps a copy under target/interop for diagnosis. */
    java.nio.file.Path logFile();

    /** Stops the server and everything it started. */
    @Override
    void close();
}
