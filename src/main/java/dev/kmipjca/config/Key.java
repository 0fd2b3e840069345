package dev.kmipjca.config;

import java.util.Locale;

/**
 * The table of every {@code kmip.*} setting: its key and its command-line flag. The flag is the key
 * with the {@code kmip.} prefix replaced by {@code --kmip} and the next letter upper-cased, as Percona
 * Server for MongoDB names its options ({@code kmip.serverName} is {@code --kmipServerName}).
 */
enum Key {
    SERVER_NAME("kmip.serverName"),
    PORT("kmip.port"),
    SERVER_CA_FILE("kmip.serverCAFile"),
    CLIENT_CERTIFICATE_FILE("kmip.clientCertificateFile"),
    CLIENT_CERTIFICATE_PASSWORD("kmip.clientCertificatePassword"),
    KEY_IDENTIFIER("kmip.keyIdentifier"),
    ROTATE_MASTER_KEY("kmip.rotateMasterKey"),
    RETIRE_OLD_MASTER_KEY("kmip.retireOldMasterKey"),
    CONNECT_RETRIES("kmip.connectRetries"),
    CONNECT_TIMEOUT_MS("kmip.connectTimeoutMS"),
    ACTIVATE_KEYS("kmip.activateKeys"),
    KEY_STATE_POLLING_SECONDS("kmip.keyStatePollingSeconds"),
    POOL_SIZE("kmip.poolSize"),
    POOL_IDLE_SECONDS("kmip.poolIdleSeconds"),
    PROTOCOL_VERSION_MIN("kmip.protocolVersionMin"),
    PROTOCOL_VERSION_MAX("kmip.protocolVersionMax"),
    MAX_RESPONSE_BYTES("kmip.maxResponseBytes"),
    SERVER_COOLDOWN_SECONDS("kmip.serverCooldownSeconds"),
    ALLOW_MASTER_KEY_FETCH("kmip.allowMasterKeyFetch"),
    BULK_PROVIDER("kmip.bulkProvider"),
    DATA_KEY_MAX_MESSAGES("kmip.dataKeyMaxMessages"),
    DATA_KEY_MAX_BYTES("kmip.dataKeyMaxBytes"),
    DATA_KEY_MAX_AGE_SECONDS("kmip.dataKeyMaxAgeSeconds"),
    DATA_KEY_CACHE_SIZE("kmip.dataKeyCacheSize"),
    DATA_KEY_CACHE_MAX_AGE_SECONDS("kmip.dataKeyCacheMaxAgeSeconds");

    static final String PREFIX = "kmip.";
    static final String FLAG_PREFIX = "--kmip";

    final String key;
    final String flag;

    Key(String key) {
        this.key = key;
        String rest = key.substring(PREFIX.length());
        this.flag = FLAG_PREFIX + Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    }

    /** The key named exactly {@code name}, or null. */
    static Key byName(String name) {
        for (Key k : values()) {
            if (k.key.equals(name)) {
                return k;
            }
        }
        return null;
    }

    /** The key whose flag is {@code flag} ({@code --kmipPort}; the dashes may be omitted), or null. */
    static Key byFlag(String flag) {
        String f = flag.startsWith("--") ? flag : "--" + flag;
        for (Key k : values()) {
            if (k.flag.equals(f)) {
                return k;
            }
        }
        return null;
    }

    /**
     * The known key closest to an unknown one, for "did you mean" hints: a case-insensitive match or
     * an edit distance of at most 3; null when nothing is close.
     */
    static Key closest(String unknown, boolean flags) {
        Key best = null;
        int bestDistance = Integer.MAX_VALUE;
        String u = unknown.toLowerCase(Locale.ROOT);
        for (Key k : values()) {
            int d = distance(u, (flags ? k.flag : k.key).toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return bestDistance <= 3 ? best : null;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
