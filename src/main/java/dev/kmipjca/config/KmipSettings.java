package dev.kmipjca.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The validated {@code kmip.*} settings (docs/configuration.md lists each key, default and rule).
 *
 * <p>Sources: a builder ({@link #builder()}), a properties file or map ({@link #load}, {@link #fromMap},
 * {@link #fromProperties}; keys that do not start with {@code kmip.} are ignored, unknown {@code kmip.}
 * keys are refused), and Percona-style command-line flags laid over a base ({@link #withFlags}). A
 * relative path is resolved against the directory of the file it was read from (the {@code baseDir}
 * argument). Every rule is checked when the object is built; a violation is a
 * {@link KmipSettingsException} naming the key, the value and the rule.
 *
 * <p>Instances are immutable except for {@link #clearSecrets()}. {@link #toString()} never shows the
 * password ({@code kmip.clientCertificatePassword=<set>}).
 */
public final class KmipSettings {
    public static final int DEFAULT_PORT = 5696;
    public static final int DEFAULT_CONNECT_RETRIES = 0;
    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 5000;
    public static final int DEFAULT_KEY_STATE_POLLING_SECONDS = 900;
    public static final int DEFAULT_POOL_SIZE = 4;
    public static final int DEFAULT_POOL_IDLE_SECONDS = 60;
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 << 20;
    public static final int DEFAULT_SERVER_COOLDOWN_SECONDS = 30;
    /** 2^24 messages per data key (their nonces are counted, so never repeat; SP 800-38D allows 2^32). */
    public static final long DEFAULT_DATA_KEY_MAX_MESSAGES = 1L << 24;
    /** 2^36 bytes (64 GiB) per data key. */
    public static final long DEFAULT_DATA_KEY_MAX_BYTES = 1L << 36;
    public static final int DEFAULT_DATA_KEY_MAX_AGE_SECONDS = 300;
    public static final int DEFAULT_DATA_KEY_CACHE_SIZE = 1000;
    public static final int DEFAULT_DATA_KEY_CACHE_MAX_AGE_SECONDS = 300;

    final String serverName;
    final List<ServerAddress> servers;
    final int port;
    final Path serverCAFile;
    final Path clientCertificateFile;
    private final char[] clientCertificatePassword;
    private volatile boolean secretsCleared;
    final String keyIdentifier;
    final boolean rotateMasterKey;
    final RetireOldMasterKey retireOldMasterKey;
    final int connectRetries;
    final int connectTimeoutMS;
    final boolean activateKeys;
    final int keyStatePollingSeconds;
    final int poolSize;
    final int poolIdleSeconds;
    final Version protocolVersionMin;
    final Version protocolVersionMax;
    final int maxResponseBytes;
    final int serverCooldownSeconds;
    final boolean allowMasterKeyFetch;
    final BulkProvider bulkProvider;
    final long dataKeyMaxMessages;
    final long dataKeyMaxBytes;
    final int dataKeyMaxAgeSeconds;
    final int dataKeyCacheSize;
    final int dataKeyCacheMaxAgeSeconds;

    KmipSettings(KmipSettingsBuilder b, List<ServerAddress> servers) {
        this.serverName = b.serverName;
        this.servers = List.copyOf(servers);
        this.port = b.port;
        this.serverCAFile = b.serverCAFile;
        this.clientCertificateFile = b.clientCertificateFile;
        this.clientCertificatePassword = b.clientCertificatePassword == null ? null : b.clientCertificatePassword.clone();
        this.keyIdentifier = b.keyIdentifier;
        this.rotateMasterKey = b.rotateMasterKey;
        this.retireOldMasterKey = b.retireOldMasterKey;
        this.connectRetries = b.connectRetries;
        this.connectTimeoutMS = b.connectTimeoutMS;
        this.activateKeys = b.activateKeys;
        this.keyStatePollingSeconds = b.keyStatePollingSeconds;
        this.poolSize = b.poolSize;
        this.poolIdleSeconds = b.poolIdleSeconds;
        this.protocolVersionMin = Version.parse(b.protocolVersionMin);
        this.protocolVersionMax = Version.parse(b.protocolVersionMax);
        this.maxResponseBytes = b.maxResponseBytes;
        this.serverCooldownSeconds = b.serverCooldownSeconds;
        this.allowMasterKeyFetch = b.allowMasterKeyFetch;
        this.bulkProvider = b.bulkProvider;
        this.dataKeyMaxMessages = b.dataKeyMaxMessages;
        this.dataKeyMaxBytes = b.dataKeyMaxBytes;
        this.dataKeyMaxAgeSeconds = b.dataKeyMaxAgeSeconds;
        this.dataKeyCacheSize = b.dataKeyCacheSize;
        this.dataKeyCacheMaxAgeSeconds = b.dataKeyCacheMaxAgeSeconds;
    }

    // ---- sources ----------------------------------------------------------------------------------

    /** A builder holding every default; {@code kmip.serverName} and the client certificate are unset. */
    public static KmipSettingsBuilder builder() {
        return new KmipSettingsBuilder();
    }

    /** A builder holding these settings, to change some of them (the password is copied). */
    public KmipSettingsBuilder toBuilder() {
        return new KmipSettingsBuilder(this);
    }

    /**
     * Reads a properties file (UTF-8). Relative paths in it resolve against the file's directory.
     *
     * @throws KmipSettingsException when the file cannot be read or a setting breaks a rule
     */
    public static KmipSettings load(Path file) throws KmipSettingsException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new KmipSettingsException("cannot read settings file " + file + ": " + e.getMessage());
        }
        Path dir = file.toAbsolutePath().getParent();
        return fromProperties(p, dir);
    }

    /** {@link #fromMap} over the string entries of {@code properties}. */
    public static KmipSettings fromProperties(Properties properties, Path baseDir) throws KmipSettingsException {
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        return fromMap(map, baseDir);
    }

    /**
     * Settings from {@code kmip.*} entries; other keys are ignored, an unknown {@code kmip.} key is
     * refused with the nearest known key as a hint. An empty value means the default.
     *
     * @param baseDir the directory relative paths resolve against (that of the file read)
     */
    public static KmipSettings fromMap(Map<String, String> entries, Path baseDir) throws KmipSettingsException {
        return SettingsParser.fromMap(builder(), entries, baseDir);
    }

    /**
     * These settings with command-line flags laid over them. Flags are named as in Percona Server
     * for MongoDB: {@code --kmipServerName}, {@code --kmipPort}, ... ({@link #flagName}); the leading
     * dashes may be omitted. A boolean flag with a null or empty value means true. Map keys that do
     * not start with {@code --kmip} or {@code kmip} (without a dot) are ignored.
     *
     * @param baseDir the directory relative paths resolve against (usually the working directory)
     */
    public KmipSettings withFlags(Map<String, String> flags, Path baseDir) throws KmipSettingsException {
        return SettingsParser.withFlags(toBuilder(), flags, baseDir);
    }

    /** Every known key, in the order of docs/configuration.md. */
    public static List<String> keys() {
        List<String> out = new ArrayList<>();
        for (Key k : Key.values()) {
            out.add(k.key);
        }
        return out;
    }

    /** The command-line flag of a key: {@code kmip.connectTimeoutMS} gives {@code --kmipConnectTimeoutMS}. */
    public static String flagName(String key) {
        Key k = Key.byName(key);
        if (k == null) {
            throw new IllegalArgumentException("unknown setting " + key);
        }
        return k.flag;
    }

    /**
     * Checks what connecting needs: at least one server and a client certificate file.
     *
     * @throws KmipSettingsException naming each missing setting
     */
    public void requireConnectable() throws KmipSettingsException {
        List<String> problems = new ArrayList<>();
        if (servers.isEmpty()) {
            problems.add(Key.SERVER_NAME.key + " is required: the KMIP server host names or IP addresses");
        }
        if (clientCertificateFile == null) {
            problems.add(Key.CLIENT_CERTIFICATE_FILE.key + " is required: a PEM file with the client key and certificate");
        }
        if (!problems.isEmpty()) {
            throw new KmipSettingsException(problems);
        }
    }

    // ---- values -----------------------------------------------------------------------------------

    /** {@code kmip.serverName}, in order, each with its port (its own, else {@link #port()}); may be empty. */
    public List<ServerAddress> servers() {
        return servers;
    }

    /** {@code kmip.port}: the port of every server that does not name its own. */
    public int port() {
        return port;
    }

    /** {@code kmip.serverCAFile}, absolute; empty means the JDK's default trust store. */
    public Optional<Path> serverCAFile() {
        return Optional.ofNullable(serverCAFile);
    }

    /** {@code kmip.clientCertificateFile}, absolute. */
    public Optional<Path> clientCertificateFile() {
        return Optional.ofNullable(clientCertificateFile);
    }

    public boolean hasClientCertificatePassword() {
        return clientCertificatePassword != null;
    }

    /**
     * A copy of {@code kmip.clientCertificatePassword} that the caller should zero when done, or null
     * when it is not set (then the keystore password applies).
     *
     * @throws IllegalStateException after {@link #clearSecrets()}
     */
    public char[] clientCertificatePassword() {
        if (secretsCleared) {
            throw new IllegalStateException("the password was cleared by clearSecrets()");
        }
        return clientCertificatePassword == null ? null : clientCertificatePassword.clone();
    }

    /** Zeroes the password held by this object; {@link #clientCertificatePassword()} fails afterwards. */
    public void clearSecrets() {
        secretsCleared = true;
        if (clientCertificatePassword != null) {
            Arrays.fill(clientCertificatePassword, '\0');
        }
    }

    /** {@code kmip.keyIdentifier}; empty when the master key is still to be created. */
    public String keyIdentifier() {
        return keyIdentifier;
    }

    /** {@code kmip.rotateMasterKey}: acted on only when KeyStore.load opens a keystore file ({@link #refuseRotateMasterKey}). */
    public boolean rotateMasterKey() {
        return rotateMasterKey;
    }

    /**
     * Refuses {@code kmip.rotateMasterKey=true} where it cannot take effect (a provider configuration
     * file, a command-line flag), instead of ignoring it.
     *
     * @param where where it was set, e.g. {@code "in the KMIP provider's configuration file /etc/app.kmip"}
     * @throws KmipSettingsException when it is true: the message says where it is read and how to rotate
     */
    public void refuseRotateMasterKey(String where) throws KmipSettingsException {
        if (rotateMasterKey) {
            throw new KmipSettingsException(Key.ROTATE_MASTER_KEY.key + "=true " + where + ": the setting is read"
                    + " only from a keystore file, when KeyStore.load opens it (docs/rotation.md, \"Three ways in\");"
                    + " remove it here and rotate with java -jar kmip-jca.jar rotate --keystore FILE or"
                    + " dev.kmipjca.KmipRotation.rotate");
        }
    }

    /** {@code kmip.retireOldMasterKey}: what rotation does with the old master key once the file is written. */
    public RetireOldMasterKey retireOldMasterKey() {
        return retireOldMasterKey;
    }

    /** {@code kmip.connectRetries}: attempts per server are this plus one. */
    public int connectRetries() {
        return connectRetries;
    }

    /** {@code kmip.connectTimeoutMS}: bound on connect, handshake and each response, in milliseconds. */
    public int connectTimeoutMS() {
        return connectTimeoutMS;
    }

    public boolean activateKeys() {
        return activateKeys;
    }

    /** {@code kmip.keyStatePollingSeconds}; -1 means never. */
    public int keyStatePollingSeconds() {
        return keyStatePollingSeconds;
    }

    /** {@code kmip.poolSize}: most connections open to one server at a time. */
    public int poolSize() {
        return poolSize;
    }

    /** {@code kmip.poolIdleSeconds}: an idle connection older than this is closed instead of reused. */
    public int poolIdleSeconds() {
        return poolIdleSeconds;
    }

    public Version protocolVersionMin() {
        return protocolVersionMin;
    }

    public Version protocolVersionMax() {
        return protocolVersionMax;
    }

    /** {@code kmip.maxResponseBytes}: the largest response message accepted, header included. */
    public int maxResponseBytes() {
        return maxResponseBytes;
    }

    /** {@code kmip.serverCooldownSeconds}: how long a failed server is skipped; 0 never skips. */
    public int serverCooldownSeconds() {
        return serverCooldownSeconds;
    }

    public boolean allowMasterKeyFetch() {
        return allowMasterKeyFetch;
    }

    public BulkProvider bulkProvider() {
        return bulkProvider;
    }

    /** {@code kmip.dataKeyMaxMessages}: most messages (or streams) encrypted under one data key. */
    public long dataKeyMaxMessages() {
        return dataKeyMaxMessages;
    }

    /** {@code kmip.dataKeyMaxBytes}: most plaintext bytes encrypted under one data key. */
    public long dataKeyMaxBytes() {
        return dataKeyMaxBytes;
    }

    /** {@code kmip.dataKeyMaxAgeSeconds}: a data key is not used to encrypt once it is this old. */
    public int dataKeyMaxAgeSeconds() {
        return dataKeyMaxAgeSeconds;
    }

    /** {@code kmip.dataKeyCacheSize}: most unwrapped data keys kept for decryption; 0 keeps none. */
    public int dataKeyCacheSize() {
        return dataKeyCacheSize;
    }

    /** {@code kmip.dataKeyCacheMaxAgeSeconds}: an unwrapped data key is dropped once it is this old. */
    public int dataKeyCacheMaxAgeSeconds() {
        return dataKeyCacheMaxAgeSeconds;
    }

    /**
     * The settings that differ from their defaults, as {@code kmip.*} key/value text, in table order;
     * paths are absolute. The password is never included.
     */
    public Map<String, String> toMap() {
        return SettingsParser.toMap(this);
    }

    /** Every setting as {@code key=value}; the password shows as {@code <set>} or {@code <not set>}. */
    @Override
    public String toString() {
        return SettingsParser.describe(this, clientCertificatePassword != null);
    }

    // ---- nested types -----------------------------------------------------------------------------

    /** A KMIP protocol version bound, {@code major.minor}: 1.0, 1.1, 1.2, 1.3, 1.4, 2.0 or 2.1. */
    public record Version(int major, int minor) implements Comparable<Version> {
        static final List<String> KNOWN = List.of("1.0", "1.1", "1.2", "1.3", "1.4", "2.0", "2.1");

        static Version parse(String text) {
            String t = text.strip();
            if (!KNOWN.contains(t)) {
                throw new IllegalArgumentException("must be one of " + String.join(", ", KNOWN));
            }
            return new Version(t.charAt(0) - '0', t.charAt(2) - '0');
        }

        @Override
        public int compareTo(Version o) {
            return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
        }

        @Override
        public String toString() {
            return major + "." + minor;
        }
    }
}
