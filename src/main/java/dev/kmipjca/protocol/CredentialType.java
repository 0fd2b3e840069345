package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Credential Type enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2).
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class CredentialType extends KmipEnum {
    private static final Values<CredentialType> V = new Values<>(Tag.CREDENTIAL_TYPE, CredentialType::new);

    public static final CredentialType USERNAME_AND_PASSWORD = V.add(0x01, "Username and Password");
    public static final CredentialType DEVICE = V.add(0x02, "Device");
    public static final CredentialType ATTESTATION = V.add(0x03, "Attestation");
    public static final CredentialType ONE_TIME_PASSWORD = V.add(0x04, "One Time Password");
    public static final CredentialType HASHED_PASSWORD = V.add(0x05, "Hashed Password");
    public static final CredentialType TICKET = V.add(0x06, "Ticket");

    private CredentialType(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static CredentialType of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static CredentialType named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<CredentialType> values() {
        return V.all();
    }
}
