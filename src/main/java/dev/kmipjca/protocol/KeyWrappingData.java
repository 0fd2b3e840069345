package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.ENCODING_OPTION;
import static dev.kmipjca.ttlv.Tag.ENCRYPTION_KEY_INFORMATION;
import static dev.kmipjca.ttlv.Tag.IV_COUNTER_NONCE;
import static dev.kmipjca.ttlv.Tag.MAC_SIGNATURE;
import static dev.kmipjca.ttlv.Tag.MAC_SIGNATURE_KEY_INFORMATION;
import static dev.kmipjca.ttlv.Tag.WRAPPING_METHOD;

/** The Key Wrapping Data of a Key Block whose Key Value is wrapped. */
public record KeyWrappingData(
        @TtlvField(value = WRAPPING_METHOD, required = true) WrappingMethod wrappingMethod,
        @TtlvField(ENCRYPTION_KEY_INFORMATION) KeyInformation encryptionKeyInformation,
        @TtlvField(MAC_SIGNATURE_KEY_INFORMATION) KeyInformation macSignatureKeyInformation,
        @TtlvField(MAC_SIGNATURE) Bytes macSignature,
        @TtlvField(IV_COUNTER_NONCE) Bytes ivCounterNonce,
        @TtlvField(value = ENCODING_OPTION, since = "1.1") EncodingOption encodingOption) {}
