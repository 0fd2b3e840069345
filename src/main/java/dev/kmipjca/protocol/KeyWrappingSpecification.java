package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.ATTRIBUTE_NAME;
import static dev.kmipjca.ttlv.Tag.ENCODING_OPTION;
import static dev.kmipjca.ttlv.Tag.ENCRYPTION_KEY_INFORMATION;
import static dev.kmipjca.ttlv.Tag.MAC_SIGNATURE_KEY_INFORMATION;
import static dev.kmipjca.ttlv.Tag.WRAPPING_METHOD;

import java.util.List;

/** The Key Wrapping Specification of a Get request: how the server should wrap the key it returns. */
public record KeyWrappingSpecification(
        @TtlvField(value = WRAPPING_METHOD, required = true) WrappingMethod wrappingMethod,
        @TtlvField(ENCRYPTION_KEY_INFORMATION) KeyInformation encryptionKeyInformation,
        @TtlvField(MAC_SIGNATURE_KEY_INFORMATION) KeyInformation macSignatureKeyInformation,
        @TtlvField(ATTRIBUTE_NAME) List<String> attributeNames,
        @TtlvField(value = ENCODING_OPTION, since = "1.1") EncodingOption encodingOption) {

    public KeyWrappingSpecification {
        attributeNames = Lists.copy(attributeNames);
    }
}
