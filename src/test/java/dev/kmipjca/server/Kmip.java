package dev.kmipjca.server;

import dev.kmipjca.protocol.Activate;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.Create;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.CryptographicUsageMask;
import dev.kmipjca.protocol.Get;
import dev.kmipjca.protocol.GetAttributes;
import dev.kmipjca.protocol.KeyBlock;
import dev.kmipjca.protocol.Name;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.State;
import dev.kmipjca.protocol.SymmetricKey;
import dev.kmipjca.protocol.UniqueId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Shorthands the server tests share: versions, a started server, common requests. */
final class Kmip {
    static final ProtocolVersion V1_0 = ProtocolVersion.V1_0;
    static final ProtocolVersion V1_2 = ProtocolVersion.V1_2;
    static final ProtocolVersion V1_4 = ProtocolVersion.V1_4;
    static final ProtocolVersion V2_0 = ProtocolVersion.V2_0;
    /** The versions most tests run at. */
    static final List<ProtocolVersion> VERSIONS = List.of(V1_2, V1_4, V2_0);
    static final int KEK_MASK = CryptographicUsageMask.ENCRYPT | CryptographicUsageMask.DECRYPT
            | CryptographicUsageMask.WRAP_KEY | CryptographicUsageMask.UNWRAP_KEY;

    /** Server request lines go to the console only when -Dkmipjca.serverLog is set. */
    private static final java.util.logging.Logger SERVER_LOG = java.util.logging.Logger.getLogger("dev.kmipjca.server");

    static {
        if (System.getProperty("kmipjca.serverLog") == null) {
            SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        }
    }

    private Kmip() {}

    /** Credentials made once per test JVM and copied into each test's directory (RSA key generation is slow). */
    private static Path template;

    static DevServer start(Path dir) throws IOException {
        seed(dir);
        return DevServer.start(DevServerConfig.builder().dir(dir).port(0).build());
    }

    /** Copies a ready CA, server and client certificate into {@code dir}, so that a start there reuses them. */
    static synchronized void seed(Path dir) throws IOException {
        if (template == null) {
            Path t = java.nio.file.Files.createTempDirectory("kmip-dev-template");
            DevServer.start(DevServerConfig.builder().dir(t).port(0).build()).close();
            template = t;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(t)));
        }
        java.nio.file.Files.createDirectories(dir);
        for (String f : List.of("ca.pem", "ca-key.pem", "server.pem", "client.pem")) {
            if (java.nio.file.Files.exists(dir.resolve(f))) {
                continue;
            }
            java.nio.file.Files.copy(template.resolve(f), dir.resolve(f), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    static void deleteTree(Path p) {
        try (java.util.stream.Stream<Path> all = java.nio.file.Files.walk(p)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }

    static Create.Request aes(int bits, int mask, String name) {
        return Create.Request.symmetricKey(CryptographicAlgorithm.AES, bits, mask, name);
    }

    static Create.Request aes(int bits, int mask, Attributes extra) {
        Attributes.Builder b = Attributes.builder().add(AttributeKey.CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm.AES)
                .add(AttributeKey.CRYPTOGRAPHIC_LENGTH, bits).add(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK, mask);
        extra.forEach(b::add);
        return Create.Request.of(dev.kmipjca.protocol.ObjectType.SYMMETRIC_KEY, b.build());
    }

    /** Creates an AES key and returns its identifier. */
    static String create(TestClient c, ProtocolVersion v, int bits, int mask) throws IOException {
        return c.ok(v, aes(bits, mask, (String) null), Create.Response.class).uniqueIdentifier().text();
    }

    /** Creates and activates an AES-256 key usable for everything. */
    static String activeKey(TestClient c, ProtocolVersion v) throws IOException {
        String uid = create(c, v, 256, KEK_MASK);
        c.ok(v, Activate.Request.of(uid), Activate.Response.class);
        return uid;
    }

    static Attributes attributes(TestClient c, ProtocolVersion v, String uid, String... names) throws IOException {
        return c.ok(v, GetAttributes.Request.of(uid, names), GetAttributes.Response.class).attributes();
    }

    static State state(TestClient c, ProtocolVersion v, String uid) throws IOException {
        return attributes(c, v, uid, "State").get(AttributeKey.STATE);
    }

    /** The raw key bytes of a key, fetched with Get. */
    static byte[] keyBytes(TestClient c, ProtocolVersion v, String uid) throws IOException {
        Get.Response r = c.ok(v, Get.Request.of(uid), Get.Response.class);
        KeyBlock b = ((SymmetricKey) r.object()).keyBlock();
        return b.keyValue().symmetricKey().toByteArray();
    }

    static UniqueId id(String uid) {
        return UniqueId.of(uid);
    }

    static Name name(String n) {
        return Name.of(n);
    }
}
