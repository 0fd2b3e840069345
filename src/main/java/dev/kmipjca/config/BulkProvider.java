package dev.kmipjca.config;

import java.util.Locale;

/** {@code kmip.bulkProvider}: which JCA provider encrypts bulk data locally. */
public enum BulkProvider {
    /** ACCP (AWS-LC) when it is on the class path, else SunJCE. */
    AUTO("auto"),
    /** The JDK's SunJCE (AES-NI). */
    SUNJCE("SunJCE"),
    /** Amazon Corretto Crypto Provider; loading fails when it is not installed. */
    ACCP("ACCP");

    private final String settingValue;

    BulkProvider(String settingValue) {
        this.settingValue = settingValue;
    }

    /** The value as written in a settings file: {@code auto}, {@code SunJCE} or {@code ACCP}. */
    public String settingValue() {
        return settingValue;
    }

    /** Case-insensitive inverse of {@link #settingValue()}. */
    static BulkProvider parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (BulkProvider p : values()) {
            if (p.settingValue.toLowerCase(Locale.ROOT).equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("must be auto, SunJCE or ACCP");
    }
}
