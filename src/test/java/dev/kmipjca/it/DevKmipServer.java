package dev.kmipjca.it;

import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.config.KmipSettingsBuilder;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.server.DevServer;
import dev.kmipjca.server.DevServerConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * The development KMIP server ({@code dev.kmipjca.server.DevServer}) in-process on a free loopback
 * port, for the interoperability suite. Identities A, B and the client without EKU are issued by the
 * server's own CA ({@link DevServer#certificateAuthority()}). Objects are owned by the subject of the
 * certificate that created them, unless their Operation Policy Name is {@code shared} (at every version).
 */
final class DevKmipServer implements KmipServerUnderTest {
    private final DevServer server;
    private final TestCredentials credentials;

    private DevKmipServer(DevServer server, TestCredentials credentials) {
        this.server = server;
        this.credentials = credentials;
    }

    static DevKmipServer start(Path dir) throws Exception {
        DevServer server = DevServer.start(DevServerConfig.builder().dir(dir.resolve("server")).host("127.0.0.1").port(0)
                .build());
        try {
            return new DevKmipServer(server, TestCredentials.issuedBy(dir.resolve("certs"), server.certificateAuthority()));
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    @Override
    public String description() {
        return "kmip-jca development server at 127.0.0.1:" + server.port();
    }

    @Override
    public List<ProtocolVersion> versions() {
        return ProtocolVersion.SUPPORTED;
    }

    /** The development server's answers (docs/dev-server.md, "State rules and Result Reasons"). */
    @Override
    public ResultReason expectedFailure(Difference d, ProtocolVersion version) {
        boolean v2 = version.isKmip2();
        return switch (d) {
            case DESTROY_WHILE_ACTIVE -> v2 ? ResultReason.WRONG_KEY_LIFECYCLE_STATE : ResultReason.PERMISSION_DENIED;
            case GET_AFTER_DESTROY -> v2 ? ResultReason.OBJECT_DESTROYED : ResultReason.ITEM_NOT_FOUND;
            case GET_FOREIGN_OBJECT -> ResultReason.ITEM_NOT_FOUND; // another identity's object does not exist for B
            case CREATE_WITH_POLICY_NAME, REKEY, ADD_ATTRIBUTE, DELETE_ATTRIBUTE_BY_NAME, GET_WRAPPED, CLIENT_WITHOUT_EKU -> null;
            case GCM_WRONG_TAG -> ResultReason.CRYPTOGRAPHIC_FAILURE;
        };
    }

    @Override
    public boolean queryListsEveryOperation() {
        return true;
    }

    @Override
    public KmipSettingsBuilder settings(Identity who) {
        return KmipSettings.builder().serverName("127.0.0.1:" + server.port()).serverCAFile(credentials.caFile())
                .clientCertificateFile(credentials.clientFile(who)).connectTimeoutMS(10_000);
    }

    @Override
    public TestCredentials credentials() {
        return credentials;
    }

    @Override
    public String sharedPolicyName() {
        return "shared";
    }

    @Override
    public Path logFile() {
        return null;
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return description();
    }
}
