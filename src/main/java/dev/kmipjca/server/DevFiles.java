package dev.kmipjca.server;

import dev.kmipjca.transport.CredentialsException;
import dev.kmipjca.transport.DevPki;
import dev.kmipjca.transport.DevPkiFiles;
import dev.kmipjca.transport.PemCredentials;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The credentials in the server's directory, created on first start and reused later:
 * <ul>
 *   <li>{@code ca.pem}: a throwaway CA (EC P-256), and {@code ca-key.pem} its key (0600), kept so
 *       that later starts can issue more certificates;</li>
 *   <li>{@code server.pem}: the server's RSA 2048 key and chain (0600), SAN localhost, 127.0.0.1, ::1
 *       and the host the server listens on; reissued when a later start uses a host it lacks;</li>
 *   <li>{@code client.pem}: a client key and chain (CN kmip-client, EKU clientAuth, 0600), and
 *       {@code client-NAME.pem} for each further identity.</li>
 * </ul>
 */
final class DevFiles {
    static final String CA = "ca.pem";
    static final String CA_KEY = "ca-key.pem";
    static final String SERVER = "server.pem";
    static final String DEFAULT_CLIENT = "kmip-client";

    final Path dir;
    final DevPki.Issued ca;
    final PemCredentials server;

    private DevFiles(Path dir, DevPki.Issued ca, PemCredentials server) {
        this.dir = dir;
        this.ca = ca;
        this.server = server;
    }

    static DevFiles prepare(Path dir, String host) throws IOException {
        createPrivateDirectory(dir);
        DevPki.Issued ca = loadOrCreateCa(dir);
        Path serverFile = dir.resolve(SERVER);
        if (!Files.exists(serverFile) || !covers(load(serverFile).leaf(), host)) {
            List<String> dns = new ArrayList<>(List.of("localhost"));
            List<String> ips = new ArrayList<>(List.of("127.0.0.1", "::1"));
            if (!isWildcard(host) && !dns.contains(host.toLowerCase(Locale.ROOT)) && !covers(ips, host)) {
                (isIpLiteral(host) ? ips : dns).add(host);
            }
            DevPki.Issued s = DevPki.issueServer(ca, "kmip-jca development server", dns, ips, DevPki.KeyKind.RSA_2048);
            DevPkiFiles.writeKeyAndChain(serverFile, s.privateKey(), s.chain(), DevPkiFiles.KeyFormat.PKCS8, null);
        }
        DevFiles files = new DevFiles(dir, ca, load(serverFile));
        files.identity(DEFAULT_CLIENT, clientPem(null));
        return files;
    }

    /** {@code client.pem} for the default identity, {@code client-NAME.pem} for another. */
    static String clientPem(String name) {
        return name == null ? "client.pem" : "client-" + name + ".pem";
    }

    /** Issues the client certificate {@code file} for CN {@code name} unless it exists. */
    Path identity(String name, String file) throws IOException {
        DevServerConfig.checkIdentity(name);
        Path f = dir.resolve(file);
        if (!Files.exists(f)) {
            DevPki.Issued c = DevPki.issueClient(ca, name, true, DevPki.KeyKind.EC_P256);
            DevPkiFiles.writeKeyAndChain(f, c.privateKey(), c.chain(), DevPkiFiles.KeyFormat.PKCS8, null);
        }
        return f;
    }

    private static DevPki.Issued loadOrCreateCa(Path dir) throws IOException {
        Path caFile = dir.resolve(CA);
        Path keyFile = dir.resolve(CA_KEY);
        if (Files.exists(caFile) && Files.exists(keyFile)) {
            PemCredentials c = load(keyFile);
            return new DevPki.Issued(c.leaf(), new KeyPair(c.leaf().getPublicKey(), c.privateKey()), List.of(c.leaf()));
        }
        DevPki.Issued ca = DevPki.createCa("kmip-jca development CA (throwaway)", DevPki.KeyKind.EC_P256);
        DevPkiFiles.writeKeyAndChain(keyFile, ca.privateKey(), ca.chain(), DevPkiFiles.KeyFormat.PKCS8, null);
        DevPkiFiles.writeCertificates(caFile, ca.chain());
        return ca;
    }

    private static PemCredentials load(Path file) throws IOException {
        try {
            return PemCredentials.load(file, null);
        } catch (CredentialsException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    static boolean isIpLiteral(String host) {
        return host.matches("[0-9.]+") || host.indexOf(':') >= 0;
    }

    /** Whether the certificate names {@code host} (wildcard hosts need localhost only). */
    private static boolean covers(X509Certificate cert, String host) throws IOException {
        String wanted = isWildcard(host) ? "localhost" : host;
        try {
            List<String> names = new ArrayList<>();
            if (cert.getSubjectAlternativeNames() != null) {
                for (List<?> san : cert.getSubjectAlternativeNames()) {
                    names.add(String.valueOf(san.get(1)));
                }
            }
            return names.stream().anyMatch(n -> n.equalsIgnoreCase(wanted)) || covers(names, wanted);
        } catch (CertificateParsingException e) {
            throw new IOException("cannot read the names of " + SERVER, e);
        }
    }

    private static boolean covers(List<String> names, String host) {
        if (!isIpLiteral(host)) {
            return false;
        }
        for (String n : names) {
            try {
                if (isIpLiteral(n) && InetAddress.getByName(n).equals(InetAddress.getByName(host))) {
                    return true;
                }
            } catch (IOException e) {
                // not an address
            }
        }
        return false;
    }
}
