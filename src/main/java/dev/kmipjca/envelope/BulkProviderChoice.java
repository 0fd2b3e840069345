package dev.kmipjca.envelope;

import java.security.Provider;
import java.util.Objects;

/**
 * Which JCA provider does an envelope's bulk AES-256-GCM, and why: the answer of
 * {@link BulkProviders#select} and of {@link Envelope#bulkProvider()}. The envelope format does not
 * depend on it: what one provider writes, the other reads.
 *
 * @param name the short name: {@code ACCP}, {@code SunJCE}, or the {@link Provider#getName()} of a
 *     provider given to {@link EnvelopeBuilder#bulkProvider(Provider)}
 * @param version the provider's version (for ACCP also the AWS-LC version)
 * @param reason why it was chosen, for logs and {@code check} output; when ACCP was passed over, why
 * @param provider the provider instance the bulk {@code Cipher}s come from (not registered with the JCA)
 */
public record BulkProviderChoice(String name, String version, String reason, Provider provider) {
    public BulkProviderChoice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(provider, "provider");
    }

    /** True for Amazon Corretto Crypto Provider. */
    public boolean isAccp() {
        return BulkProviders.ACCP.equals(name);
    }

    /** One line: {@code ACCP 2.5.0 (AWS-LC v1.47.0): kmip.bulkProvider=auto and ACCP passed its self-tests}. */
    public String description() {
        return name + " " + version + ": " + reason;
    }

    @Override
    public String toString() {
        return "BulkProviderChoice[" + description() + "]";
    }
}
