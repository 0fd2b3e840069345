package dev.kmipjca.config;

import java.util.Locale;

/** {@code kmip.retireOldMasterKey}: what master-key rotation does with the old key once the rotated file is written. */
public enum RetireOldMasterKey {
    /** Leave it as it is (Active): ciphertexts made under it still decrypt. The default. */
    KEEP("keep"),
    /** Revoke it with Cessation of Operation (Deactivated): servers still let it decrypt, not encrypt. */
    DEACTIVATE("deactivate"),
    /** Revoke it, then Destroy it: nothing wrapped only under it can be read again. */
    DESTROY("destroy");

    private final String settingValue;

    RetireOldMasterKey(String settingValue) {
        this.settingValue = settingValue;
    }

    /** The value as written in a settings file: {@code keep}, {@code deactivate} or {@code destroy}. */
    public String settingValue() {
        return settingValue;
    }

    /** Case-insensitive inverse of {@link #settingValue()}. */
    public static RetireOldMasterKey parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (RetireOldMasterKey r : values()) {
            if (r.settingValue.equals(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException("must be keep, deactivate or destroy");
    }
}
