package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.CRYPTOGRAPHIC_PARAMETERS;
import static dev.kmipjca.ttlv.Tag.UNIQUE_IDENTIFIER;

/**
 * Encryption Key Information or MAC/Signature Key Information (the two structures share this shape):
 * the key that wrapped, or is to wrap, a Key Value, and how.
 */
public record KeyInformation(
        @TtlvField(value = UNIQUE_IDENTIFIER, required = true) UniqueId uniqueIdentifier,
        @TtlvField(CRYPTOGRAPHIC_PARAMETERS) CryptographicParameters cryptographicParameters) {}
