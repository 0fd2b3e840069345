package dev.kmipjca.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Builds {@link KmipSettings}. Setters take typed values and check nothing; {@link #build()} checks
 * every rule at once and reports all violations in one {@link KmipSettingsException}. Not thread-safe.
 */
public final class KmipSettingsBuilder {
    /** NIST SP 800-38D 8.3: at most 2^32 messages under one key. */
    static final long MAX_DATA_KEY_MESSAGES = 1L << 32;
    /** 2^48 bytes = 2^44 blocks; AES-GCM's bound (blocks^2 / 2^129) stays below 2^-41. */
    static final long MAX_DATA_KEY_BYTES = 1L << 48;
    static final int MAX_AGE_SECONDS = 86_400;
    static final int MAX_CACHE_SIZE = 100_000;

    String serverName = "";
    int port = KmipSettings.DEFAULT_PORT;
    Path serverCAFile;
    Path clientCertificateFile;
    char[] clientCertificatePassword;
    String keyIdentifier = "";
    boolean rotateMasterKey;
    RetireOldMasterKey retireOldMasterKey = RetireOldMasterKey.KEEP;
    int connectRetries = KmipSettings.DEFAULT_CONNECT_RETRIES;
    int connectTimeoutMS = KmipSettings.DEFAULT_CONNECT_TIMEOUT_MS;
    boolean activateKeys = true;
    int keyStatePollingSeconds = KmipSettings.DEFAULT_KEY_STATE_POLLING_SECONDS;
    int poolSize = KmipSettings.DEFAULT_POOL_SIZE;
    int poolIdleSeconds = KmipSettings.DEFAULT_POOL_IDLE_SECONDS;
    String protocolVersionMin = "1.0";
    String protocolVersionMax = "2.1";
    int maxResponseBytes = KmipSettings.DEFAULT_MAX_RESPONSE_BYTES;
    int serverCooldownSeconds = KmipSettings.DEFAULT_SERVER_COOLDOWN_SECONDS;
    boolean allowMasterKeyFetch;
    BulkProvider bulkProvider = BulkProvider.AUTO;
    long dataKeyMaxMessages = KmipSettings.DEFAULT_DATA_KEY_MAX_MESSAGES;
    long dataKeyMaxBytes = KmipSettings.DEFAULT_DATA_KEY_MAX_BYTES;
    int dataKeyMaxAgeSeconds = KmipSettings.DEFAULT_DATA_KEY_MAX_AGE_SECONDS;
    int dataKeyCacheSize = KmipSettings.DEFAULT_DATA_KEY_CACHE_SIZE;
    int dataKeyCacheMaxAgeSeconds = KmipSettings.DEFAULT_DATA_KEY_CACHE_MAX_AGE_SECONDS;

    KmipSettingsBuilder() {
    }

    KmipSettingsBuilder(KmipSettings s) {
        serverName = s.serverName;
        port = s.port;
        serverCAFile = s.serverCAFile;
        clientCertificateFile = s.clientCertificateFile;
        clientCertificatePassword = s.clientCertificatePassword();
        keyIdentifier = s.keyIdentifier;
        rotateMasterKey = s.rotateMasterKey;
        retireOldMasterKey = s.retireOldMasterKey;
        connectRetries = s.connectRetries;
        connectTimeoutMS = s.connectTimeoutMS;
        activateKeys = s.activateKeys;
        keyStatePollingSeconds = s.keyStatePollingSeconds;
        poolSize = s.poolSize;
        poolIdleSeconds = s.poolIdleSeconds;
        protocolVersionMin = s.protocolVersionMin.toString();
        protocolVersionMax = s.protocolVersionMax.toString();
        maxResponseBytes = s.maxResponseBytes;
        serverCooldownSeconds = s.serverCooldownSeconds;
        allowMasterKeyFetch = s.allowMasterKeyFetch;
        bulkProvider = s.bulkProvider;
        dataKeyMaxMessages = s.dataKeyMaxMessages;
        dataKeyMaxBytes = s.dataKeyMaxBytes;
        dataKeyMaxAgeSeconds = s.dataKeyMaxAgeSeconds;
        dataKeyCacheSize = s.dataKeyCacheSize;
        dataKeyCacheMaxAgeSeconds = s.dataKeyCacheMaxAgeSeconds;
    }

    /** {@code kmip.serverName}: comma-separated hosts, IPv4, IPv6 ({@code ::1} or {@code [::1]}), each optionally {@code :port}. */
    public KmipSettingsBuilder serverName(String commaSeparated) {
        this.serverName = Objects.requireNonNull(commaSeparated, "serverName").strip();
        return this;
    }

    public KmipSettingsBuilder port(int port) {
        this.port = port;
        return this;
    }

    /** A relative path resolves against the working directory; null means the JDK trust store. */
    public KmipSettingsBuilder serverCAFile(Path file) {
        this.serverCAFile = file == null ? null : file.toAbsolutePath().normalize();
        return this;
    }

    /** A relative path resolves against the working directory. */
    public KmipSettingsBuilder clientCertificateFile(Path file) {
        this.clientCertificateFile = file == null ? null : file.toAbsolutePath().normalize();
        return this;
    }

    /** Copies the password (the caller may zero its array); null or empty means not set. */
    public KmipSettingsBuilder clientCertificatePassword(char[] password) {
        clearSecrets();
        this.clientCertificatePassword = password == null || password.length == 0 ? null : password.clone();
        return this;
    }

    public KmipSettingsBuilder keyIdentifier(String id) {
        this.keyIdentifier = Objects.requireNonNull(id, "keyIdentifier").strip();
        return this;
    }

    public KmipSettingsBuilder rotateMasterKey(boolean rotate) {
        this.rotateMasterKey = rotate;
        return this;
    }

    public KmipSettingsBuilder connectRetries(int retries) {
        this.connectRetries = retries;
        return this;
    }

    public KmipSettingsBuilder connectTimeoutMS(int millis) {
        this.connectTimeoutMS = millis;
        return this;
    }

    public KmipSettingsBuilder retireOldMasterKey(RetireOldMasterKey retire) {
        this.retireOldMasterKey = Objects.requireNonNull(retire, "retireOldMasterKey");
        return this;
    }

    public KmipSettingsBuilder activateKeys(boolean activate) {
        this.activateKeys = activate;
        return this;
    }

    public KmipSettingsBuilder keyStatePollingSeconds(int seconds) {
        this.keyStatePollingSeconds = seconds;
        return this;
    }

    public KmipSettingsBuilder poolSize(int size) {
        this.poolSize = size;
        return this;
    }

    public KmipSettingsBuilder poolIdleSeconds(int seconds) {
        this.poolIdleSeconds = seconds;
        return this;
    }

    /** "1.0" to "2.1". */
    public KmipSettingsBuilder protocolVersionMin(String version) {
        this.protocolVersionMin = Objects.requireNonNull(version, "protocolVersionMin").strip();
        return this;
    }

    /** "1.0" to "2.1". */
    public KmipSettingsBuilder protocolVersionMax(String version) {
        this.protocolVersionMax = Objects.requireNonNull(version, "protocolVersionMax").strip();
        return this;
    }

    public KmipSettingsBuilder maxResponseBytes(int bytes) {
        this.maxResponseBytes = bytes;
        return this;
    }

    public KmipSettingsBuilder serverCooldownSeconds(int seconds) {
        this.serverCooldownSeconds = seconds;
        return this;
    }

    public KmipSettingsBuilder allowMasterKeyFetch(boolean allow) {
        this.allowMasterKeyFetch = allow;
        return this;
    }

    public KmipSettingsBuilder bulkProvider(BulkProvider provider) {
        this.bulkProvider = Objects.requireNonNull(provider, "bulkProvider");
        return this;
    }

    public KmipSettingsBuilder dataKeyMaxMessages(long messages) {
        this.dataKeyMaxMessages = messages;
        return this;
    }

    public KmipSettingsBuilder dataKeyMaxBytes(long bytes) {
        this.dataKeyMaxBytes = bytes;
        return this;
    }

    public KmipSettingsBuilder dataKeyMaxAgeSeconds(int seconds) {
        this.dataKeyMaxAgeSeconds = seconds;
        return this;
    }

    public KmipSettingsBuilder dataKeyCacheSize(int entries) {
        this.dataKeyCacheSize = entries;
        return this;
    }

    public KmipSettingsBuilder dataKeyCacheMaxAgeSeconds(int seconds) {
        this.dataKeyCacheMaxAgeSeconds = seconds;
        return this;
    }

    /** Zeroes the password copy this builder holds. */
    public void clearSecrets() {
        if (clientCertificatePassword != null) {
            Arrays.fill(clientCertificatePassword, '\0');
            clientCertificatePassword = null;
        }
    }

    /**
     * Checks every rule and builds the settings.
     *
     * @throws KmipSettingsException listing every violation
     */
    public KmipSettings build() throws KmipSettingsException {
        List<String> problems = new ArrayList<>();
        check(problems);
        int defaultPort = port >= 1 && port <= 65535 ? port : KmipSettings.DEFAULT_PORT;
        List<ServerAddress> servers = serverName.isEmpty() ? List.of()
                : ServerNames.parse(serverName, defaultPort, problems);
        if (!problems.isEmpty()) {
            throw new KmipSettingsException(problems);
        }
        return new KmipSettings(this, servers);
    }

    private void check(List<String> p) {
        range(p, Key.PORT, port, 1, 65535);
        file(p, Key.SERVER_CA_FILE, serverCAFile);
        file(p, Key.CLIENT_CERTIFICATE_FILE, clientCertificateFile);
        atLeast(p, Key.CONNECT_RETRIES, connectRetries, 0);
        atLeast(p, Key.CONNECT_TIMEOUT_MS, connectTimeoutMS, 1000);
        if (keyStatePollingSeconds != -1 && keyStatePollingSeconds < 1) {
            p.add(Key.KEY_STATE_POLLING_SECONDS.key + "=" + keyStatePollingSeconds + ": must be -1 (off) or at least 1");
        }
        range(p, Key.POOL_SIZE, poolSize, 1, 1024);
        atLeast(p, Key.POOL_IDLE_SECONDS, poolIdleSeconds, 1);
        boolean minOk = version(p, Key.PROTOCOL_VERSION_MIN, protocolVersionMin);
        boolean maxOk = version(p, Key.PROTOCOL_VERSION_MAX, protocolVersionMax);
        if (minOk && maxOk && KmipSettings.Version.parse(protocolVersionMin)
                .compareTo(KmipSettings.Version.parse(protocolVersionMax)) > 0) {
            p.add(Key.PROTOCOL_VERSION_MIN.key + "=" + protocolVersionMin + ": must not be above "
                    + Key.PROTOCOL_VERSION_MAX.key + "=" + protocolVersionMax);
        }
        range(p, Key.MAX_RESPONSE_BYTES, maxResponseBytes, 1024, 1 << 30);
        atLeast(p, Key.SERVER_COOLDOWN_SECONDS, serverCooldownSeconds, 0);
        range(p, Key.DATA_KEY_MAX_MESSAGES, dataKeyMaxMessages, 1, MAX_DATA_KEY_MESSAGES);
        range(p, Key.DATA_KEY_MAX_BYTES, dataKeyMaxBytes, 1, MAX_DATA_KEY_BYTES);
        range(p, Key.DATA_KEY_MAX_AGE_SECONDS, dataKeyMaxAgeSeconds, 1, MAX_AGE_SECONDS);
        range(p, Key.DATA_KEY_CACHE_SIZE, dataKeyCacheSize, 0, MAX_CACHE_SIZE);
        range(p, Key.DATA_KEY_CACHE_MAX_AGE_SECONDS, dataKeyCacheMaxAgeSeconds, 1, MAX_AGE_SECONDS);
    }

    private static void range(List<String> p, Key k, long v, long min, long max) {
        if (v < min || v > max) {
            p.add(k.key + "=" + v + ": must be from " + min + " to " + max);
        }
    }

    private static void atLeast(List<String> p, Key k, int v, int min) {
        if (v < min) {
            p.add(k.key + "=" + v + ": must be at least " + min);
        }
    }

    private static boolean version(List<String> p, Key k, String v) {
        try {
            KmipSettings.Version.parse(v);
            return true;
        } catch (IllegalArgumentException e) {
            p.add(k.key + "=" + Values.show(v) + ": " + e.getMessage());
            return false;
        }
    }

    private static void file(List<String> p, Key k, Path f) {
        if (f == null) {
            return;
        }
        String prefix = k.key + "=" + f + ": ";
        if (!Files.exists(f)) {
            p.add(prefix + "file does not exist");
        } else if (!Files.isRegularFile(f)) {
            p.add(prefix + "is not a regular file");
        } else if (!Files.isReadable(f)) {
            p.add(prefix + "file is not readable by this process");
        }
    }
}
