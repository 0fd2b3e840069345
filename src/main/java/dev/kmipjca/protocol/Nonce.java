package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.NONCE_ID;
import static dev.kmipjca.ttlv.Tag.NONCE_VALUE;

/** The Nonce structure (attestation, KMIP 1.2 and later). */
public record Nonce(
        @TtlvField(value = NONCE_ID, required = true) Bytes id,
        @TtlvField(value = NONCE_VALUE, required = true) Bytes value) {}
