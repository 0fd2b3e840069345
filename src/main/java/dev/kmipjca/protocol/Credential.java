package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.CREDENTIAL_TYPE;
import static dev.kmipjca.ttlv.Tag.CREDENTIAL_VALUE;
import static dev.kmipjca.ttlv.Tag.PASSWORD;
import static dev.kmipjca.ttlv.Tag.USERNAME;

import dev.kmipjca.ttlv.ItemType;
import dev.kmipjca.ttlv.Ttlv;
import java.util.ArrayList;
import java.util.List;

/**
 * A Credential of the request header's Authentication. The Credential Value's shape depends on the
 * type, so it is kept as its item; {@link #usernamePassword} builds the common one. {@code toString}
 * redacts the value (the TTLV printer hides everything under Credential Value).
 */
public record Credential(
        @TtlvField(value = CREDENTIAL_TYPE, required = true) CredentialType type,
        @TtlvField(value = CREDENTIAL_VALUE, required = true) Ttlv value) {

    /** Username and Password credential (the password may be null). */
    public static Credential usernamePassword(String username, String password) {
        List<Ttlv> fields = new ArrayList<>();
        fields.add(Ttlv.text(USERNAME, username));
        if (password != null) {
            fields.add(Ttlv.text(PASSWORD, password));
        }
        return new Credential(CredentialType.USERNAME_AND_PASSWORD, Ttlv.structure(CREDENTIAL_VALUE, fields));
    }

    /** The Username of a Username and Password credential, or null. */
    public String username() {
        Ttlv u = value.isStructure() ? value.child(USERNAME) : null;
        return u != null && u.type() == ItemType.TEXT_STRING ? u.asText() : null;
    }

    /** The Password of a Username and Password credential, or null. */
    public String password() {
        Ttlv p = value.isStructure() ? value.child(PASSWORD) : null;
        return p != null && p.type() == ItemType.TEXT_STRING ? p.asText() : null;
    }

    @Override
    public String toString() {
        return "Credential[type=" + type + ", value=<redacted>]";
    }
}
