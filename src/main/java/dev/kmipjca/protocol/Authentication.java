package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.CREDENTIAL;

import java.util.List;

/** The Authentication of a request header: one Credential (repeatable from KMIP 1.2). */
public record Authentication(@TtlvField(value = CREDENTIAL, required = true) List<Credential> credentials) {
    public Authentication {
        credentials = Lists.copy(credentials);
    }

    public static Authentication of(Credential credential) {
        return new Authentication(List.of(credential));
    }
}
