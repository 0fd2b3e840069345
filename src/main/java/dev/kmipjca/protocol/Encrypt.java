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

/**
 * Encrypt (KMIP 1.2 and later): the server encrypts Data under a key it holds. With Random IV set in
 * the Cryptographic Parameters the server picks the IV and returns it; for AEAD modes the tag comes
 * back in Authenticated Encryption Tag (1.4). Streaming fields are 1.3.
 */
public final class Encrypt {
    private Encrypt() {}

    public record Request(
            @TtlvField(UNIQUE_IDENTIFIER) UniqueId uniqueIdentifier,
            @TtlvField(CRYPTOGRAPHIC_PARAMETERS) CryptographicParameters cryptographicParameters,
            @TtlvField(DATA) Bytes data,
            @TtlvField(IV_COUNTER_NONCE) Bytes ivCounterNonce,
            @TtlvField(value = CORRELATION_VALUE, since = "1.3") Bytes correlationValue,
            @TtlvField(value = INIT_INDICATOR, since = "1.3") Boolean initIndicator,
            @TtlvField(value = FINAL_INDICATOR, since = "1.3") Boolean finalIndicator,
            @TtlvField(value = AUTHENTICATED_ENCRYPTION_ADDITIONAL_DATA, since = "1.4") Bytes additionalData)
            implements RequestPayload {

        /** A one-shot request: key, parameters, plaintext, IV (null to let Random IV decide), AAD (or null). */
        public static Request of(UniqueId key, CryptographicParameters parameters, Bytes data, Bytes iv, Bytes aad) {
            return new Request(key, parameters, data, iv, null, null, null, aad);
        }
    }

    public record Response(
            @TtlvField(value = UNIQUE_IDENTIFIER, required = true) UniqueId uniqueIdentifier,
            @TtlvField(DATA) Bytes data,
            @TtlvField(IV_COUNTER_NONCE) Bytes ivCounterNonce,
            @TtlvField(value = CORRELATION_VALUE, since = "1.3") Bytes correlationValue,
            @TtlvField(value = AUTHENTICATED_ENCRYPTION_TAG, since = "1.4") Bytes tag,
            @TtlvField.Extensions List<Ttlv> extensions) implements ResponsePayload {
        public Response {
            extensions = Lists.copy(extensions);
        }

        /** Without extensions. */
        public Response(UniqueId uniqueIdentifier, Bytes data, Bytes ivCounterNonce, Bytes correlationValue, Bytes tag) {
            this(uniqueIdentifier, data, ivCounterNonce, correlationValue, tag, List.of());
        }
    }
}
