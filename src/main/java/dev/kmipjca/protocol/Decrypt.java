package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.AUTHENTICATED_ENCRYPTION_ADDITIONAL_DATA;
import static dev.kmipjca.ttlv.Tag.AUTHENTICATED_ENCRYPTION_TAG;
import static dev.kmipjca.ttlv.Tag.CORRELATION_VALUE;
import static dev.kmipjca.ttlv.Tag.CRYPTOGRAPHIC_PARAMETERS;
import static dev.kmipjca.ttlv.Tag.DATA;
import static dev.kmipjca.ttlv.Tag.FINAL_INDICATOR;
import static dev.kmipjca.ttlv.Tag.INIT_INDICATOR;
import static dev.kmipjca.ttlv.Tag.IV_COUNTER_NONCE;
import static dev.kmipjca.ttlv.Tag.UNIQUE_IDENTIFIER;

import dev.kmipjca.ttlv.Ttlv;
import java.util.List;

/** Decrypt (KMIP 1.2 and later): as Encrypt, plus the Authenticated Encryption Tag to check (1.4). */
public final class Decrypt {
    private Decrypt() {}

    public record Request(
            @TtlvField(UNIQUE_IDENTIFIER) UniqueId uniqueIdentifier,
            @TtlvField(CRYPTOGRAPHIC_PARAMETERS) CryptographicParameters cryptographicParameters,
            @TtlvField(DATA) Bytes data,
            @TtlvField(IV_COUNTER_NONCE) Bytes ivCounterNonce,
            @TtlvField(value = CORRELATION_VALUE, since = "1.3") Bytes correlationValue,
            @TtlvField(value = INIT_INDICATOR, since = "1.3") Boolean initIndicator,
            @TtlvField(value = FINAL_INDICATOR, since = "1.3") Boolean finalIndicator,
            @TtlvField(value = AUTHENTICATED_ENCRYPTION_ADDITIONAL_DATA, since = "1.4") Bytes additionalData,
            @TtlvField(value = AUTHENTICATED_ENCRYPTION_TAG, since = "1.4") Bytes tag) implements RequestPayload {

        /** A one-shot request: key, parameters, ciphertext, IV, AAD and tag (null when not used). */
        public static Request of(UniqueId key, CryptographicParameters parameters, Bytes data, Bytes iv, Bytes aad,
                Bytes tag) {
            return new Request(key, parameters, data, iv, null, null, null, aad, tag);
        }
    }

    /** The plaintext; the caller wipes it ({@link Bytes#wipe()}) when done. */
    public record Response(
            @TtlvField(value = UNIQUE_IDENTIFIER, required = true) UniqueId uniqueIdentifier,
            @TtlvField(DATA) Bytes data,
            @TtlvField(value = CORRELATION_VALUE, since = "1.3") Bytes correlationValue,
            @TtlvField.Extensions List<Ttlv> extensions) implements ResponsePayload {
        public Response {
            extensions = Lists.copy(extensions);
        }

        /** Without extensions. */
        public Response(UniqueId uniqueIdentifier, Bytes data, Bytes correlationValue) {
            this(uniqueIdentifier, data, correlationValue, List.of());
        }
    }
}
