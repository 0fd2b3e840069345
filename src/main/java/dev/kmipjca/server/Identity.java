package dev.kmipjca.server;

import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The authenticated client of a connection: the subject of its TLS client certificate. Objects are
 * owned by {@link #subject()} (the full distinguished name, RFC 2253); {@link #name()} is the common
 * name, used in logs.
 */
record Identity(String subject, String name) {

    static Identity of(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName();
        return new Identity(subject, commonName(subject));
    }

    /** The first CN of a distinguished name, or the whole name when it has none. */
    static String commonName(String subject) {
        try {
            for (Rdn rdn : new LdapName(subject).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return subject;
        }
        return subject;
    }

    @Override
    public String toString() {
        return name;
    }
}
