package dev.kmipjca.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Turns key/value text (files and flags) into builder calls, and settings back into text. */
final class SettingsParser {
    private SettingsParser() {
    }

    static KmipSettings fromMap(KmipSettingsBuilder b, Map<String, String> entries, Path baseDir)
            throws KmipSettingsException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String name = e.getKey().strip();
            if (!name.toLowerCase(Locale.ROOT).startsWith(Key.PREFIX)) {
                continue;
            }
            Key k = Key.byName(name);
            if (k == null) {
                problems.add(unknown(name, Key.closest(name, false), false));
            } else if (e.getValue() != null && !e.getValue().isBlank()) {
                apply(b, k, e.getValue(), baseDir, problems);
            }
        }
        return finish(b, problems);
    }

    static KmipSettings withFlags(KmipSettingsBuilder b, Map<String, String> flags, Path baseDir)
            throws KmipSettingsException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : flags.entrySet()) {
            String name = e.getKey().strip();
            String dashed = name.startsWith("--") ? name : "--" + name;
            String lower = dashed.toLowerCase(Locale.ROOT);
            if (!lower.startsWith(Key.FLAG_PREFIX) || lower.startsWith("--kmip.")) {
                continue;
            }
            Key k = Key.byFlag(dashed);
            String value = e.getValue() == null ? "" : e.getValue();
            if (k == null) {
                problems.add(unknown(dashed, Key.closest(dashed, true), true));
            } else if (!value.isBlank()) {
                apply(b, k, value, baseDir, problems);
            } else if (isBoolean(k)) {
                apply(b, k, "true", baseDir, problems);
            } else {
                problems.add(k.flag + " needs a value");
            }
        }
        return finish(b, problems);
    }

    private static KmipSettings finish(KmipSettingsBuilder b, List<String> problems) throws KmipSettingsException {
        try {
            KmipSettings s = b.build();
            if (problems.isEmpty()) {
                return s;
            }
            s.clearSecrets();
        } catch (KmipSettingsException e) {
            problems.addAll(e.problems());
        } finally {
            b.clearSecrets();
        }
        throw new KmipSettingsException(problems);
    }

    private static String unknown(String name, Key hint, boolean flag) {
        return "unknown setting " + name + (hint == null ? "" : "; did you mean " + (flag ? hint.flag : hint.key) + "?");
    }

    private static boolean isBoolean(Key k) {
        return k == Key.ROTATE_MASTER_KEY || k == Key.ACTIVATE_KEYS || k == Key.ALLOW_MASTER_KEY_FETCH;
    }

    /** Sets one key from text; a conversion failure is added as "key=value: rule". */
    static void apply(KmipSettingsBuilder b, Key k, String text, Path baseDir, List<String> problems) {
        String v = text.strip();
        try {
            switch (k) {
                case SERVER_NAME -> b.serverName(v);
                case PORT -> b.port(Values.integer(v));
                case SERVER_CA_FILE -> b.serverCAFile(path(v, baseDir));
                case CLIENT_CERTIFICATE_FILE -> b.clientCertificateFile(path(v, baseDir));
                case CLIENT_CERTIFICATE_PASSWORD -> {
                    char[] pw = text.toCharArray();
                    b.clientCertificatePassword(pw);
                    Arrays.fill(pw, '\0');
                }
                case KEY_IDENTIFIER -> b.keyIdentifier(v);
                case ROTATE_MASTER_KEY -> b.rotateMasterKey(Values.bool(v));
                case RETIRE_OLD_MASTER_KEY -> b.retireOldMasterKey(RetireOldMasterKey.parse(v));
                case CONNECT_RETRIES -> b.connectRetries(Values.integer(v));
                case CONNECT_TIMEOUT_MS -> b.connectTimeoutMS(Values.integer(v));
                case ACTIVATE_KEYS -> b.activateKeys(Values.bool(v));
                case KEY_STATE_POLLING_SECONDS -> b.keyStatePollingSeconds(Values.integer(v));
                case POOL_SIZE -> b.poolSize(Values.integer(v));
                case POOL_IDLE_SECONDS -> b.poolIdleSeconds(Values.integer(v));
                case PROTOCOL_VERSION_MIN -> b.protocolVersionMin(v);
                case PROTOCOL_VERSION_MAX -> b.protocolVersionMax(v);
                case MAX_RESPONSE_BYTES -> b.maxResponseBytes(Values.integer(v));
                case SERVER_COOLDOWN_SECONDS -> b.serverCooldownSeconds(Values.integer(v));
                case ALLOW_MASTER_KEY_FETCH -> b.allowMasterKeyFetch(Values.bool(v));
                case BULK_PROVIDER -> b.bulkProvider(BulkProvider.parse(v));
                case DATA_KEY_MAX_MESSAGES -> b.dataKeyMaxMessages(Values.longInteger(v));
                case DATA_KEY_MAX_BYTES -> b.dataKeyMaxBytes(Values.longInteger(v));
                case DATA_KEY_MAX_AGE_SECONDS -> b.dataKeyMaxAgeSeconds(Values.integer(v));
                case DATA_KEY_CACHE_SIZE -> b.dataKeyCacheSize(Values.integer(v));
                case DATA_KEY_CACHE_MAX_AGE_SECONDS -> b.dataKeyCacheMaxAgeSeconds(Values.integer(v));
            }
        } catch (IllegalArgumentException e) {
            String shown = k == Key.CLIENT_CERTIFICATE_PASSWORD ? "" : "=" + Values.show(v);
            problems.add(k.key + shown + ": " + e.getMessage());
        }
    }

    /** Resolves {@code text} against {@code baseDir} when it is relative. */
    private static Path path(String text, Path baseDir) {
        try {
            Path p = Path.of(text);
            return (p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p)).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("is not a valid path (" + e.getReason() + ")");
        }
    }

    static Map<String, String> toMap(KmipSettings s) {
        KmipSettings d = defaults();
        Map<String, String> all = values(s);
        Map<String, String> defaults = values(d);
        Map<String, String> out = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (!v.equals(defaults.get(k))) {
                out.put(k, v);
            }
        });
        return out;
    }

    static String describe(KmipSettings s, boolean passwordSet) {
        StringJoiner j = new StringJoiner(", ", "KmipSettings{", "}");
        values(s).forEach((k, v) -> j.add(k + "=" + v));
        j.add(Key.CLIENT_CERTIFICATE_PASSWORD.key + "=" + (passwordSet ? "<set>" : "<not set>"));
        return j.toString();
    }

    /** Every non-secret setting as text, in table order; unset paths are empty. */
    private static Map<String, String> values(KmipSettings s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Key.SERVER_NAME.key, s.serverName);
        m.put(Key.PORT.key, Integer.toString(s.port));
        m.put(Key.SERVER_CA_FILE.key, s.serverCAFile == null ? "" : s.serverCAFile.toString());
        m.put(Key.CLIENT_CERTIFICATE_FILE.key, s.clientCertificateFile == null ? "" : s.clientCertificateFile.toString());
        m.put(Key.KEY_IDENTIFIER.key, s.keyIdentifier);
        m.put(Key.ROTATE_MASTER_KEY.key, Boolean.toString(s.rotateMasterKey));
        m.put(Key.RETIRE_OLD_MASTER_KEY.key, s.retireOldMasterKey.settingValue());
        m.put(Key.CONNECT_RETRIES.key, Integer.toString(s.connectRetries));
        m.put(Key.CONNECT_TIMEOUT_MS.key, Integer.toString(s.connectTimeoutMS));
        m.put(Key.ACTIVATE_KEYS.key, Boolean.toString(s.activateKeys));
        m.put(Key.KEY_STATE_POLLING_SECONDS.key, Integer.toString(s.keyStatePollingSeconds));
        m.put(Key.POOL_SIZE.key, Integer.toString(s.poolSize));
        m.put(Key.POOL_IDLE_SECONDS.key, Integer.toString(s.poolIdleSeconds));
        m.put(Key.PROTOCOL_VERSION_MIN.key, s.protocolVersionMin.toString());
        m.put(Key.PROTOCOL_VERSION_MAX.key, s.protocolVersionMax.toString());
        m.put(Key.MAX_RESPONSE_BYTES.key, Integer.toString(s.maxResponseBytes));
        m.put(Key.SERVER_COOLDOWN_SECONDS.key, Integer.toString(s.serverCooldownSeconds));
        m.put(Key.ALLOW_MASTER_KEY_FETCH.key, Boolean.toString(s.allowMasterKeyFetch));
        m.put(Key.BULK_PROVIDER.key, s.bulkProvider.settingValue());
        m.put(Key.DATA_KEY_MAX_MESSAGES.key, Long.toString(s.dataKeyMaxMessages));
        m.put(Key.DATA_KEY_MAX_BYTES.key, Long.toString(s.dataKeyMaxBytes));
        m.put(Key.DATA_KEY_MAX_AGE_SECONDS.key, Integer.toString(s.dataKeyMaxAgeSeconds));
        m.put(Key.DATA_KEY_CACHE_SIZE.key, Integer.toString(s.dataKeyCacheSize));
        m.put(Key.DATA_KEY_CACHE_MAX_AGE_SECONDS.key, Integer.toString(s.dataKeyCacheMaxAgeSeconds));
        return m;
    }

    private static KmipSettings defaults() {
        try {
            return new KmipSettingsBuilder().build();
        } catch (KmipSettingsException e) {
            throw new IllegalStateException("the defaults break a rule: " + e.getMessage(), e);
        }
    }
}
