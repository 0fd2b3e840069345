package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.BLOCK_CIPHER_MODE;
import static dev.kmipjca.ttlv.Tag.COUNTER_LENGTH;
import static dev.kmipjca.ttlv.Tag.CRYPTOGRAPHIC_ALGORITHM;
import static dev.kmipjca.ttlv.Tag.DIGITAL_SIGNATURE_ALGORITHM;
import static dev.kmipjca.ttlv.Tag.FIXED_FIELD_LENGTH;
import static dev.kmipjca.ttlv.Tag.HASHING_ALGORITHM;
import static dev.kmipjca.ttlv.Tag.INITIAL_COUNTER_VALUE;
import static dev.kmipjca.ttlv.Tag.INVOCATION_FIELD_LENGTH;
import static dev.kmipjca.ttlv.Tag.IV_LENGTH;
import static dev.kmipjca.ttlv.Tag.KEY_ROLE_TYPE;
import static dev.kmipjca.ttlv.Tag.MASK_GENERATOR;
import static dev.kmipjca.ttlv.Tag.MASK_GENERATOR_HASHING_ALGORITHM;
import static dev.kmipjca.ttlv.Tag.PADDING_METHOD;
import static dev.kmipjca.ttlv.Tag.P_SOURCE;
import static dev.kmipjca.ttlv.Tag.RANDOM_IV;
import static dev.kmipjca.ttlv.Tag.SALT_LENGTH;
import static dev.kmipjca.ttlv.Tag.TAG_LENGTH;
import static dev.kmipjca.ttlv.Tag.TRAILER_FIELD;

/**
 * Cryptographic Parameters (every field optional, in the spec's order). IV Length is in bits and Tag
 * Length in bytes, as the spec says. Build with {@link #builder()}.
 */
public record CryptographicParameters(
        @TtlvField(BLOCK_CIPHER_MODE) BlockCipherMode blockCipherMode,
        @TtlvField(PADDING_METHOD) PaddingMethod paddingMethod,
        @TtlvField(HASHING_ALGORITHM) HashingAlgorithm hashingAlgorithm,
        @TtlvField(KEY_ROLE_TYPE) KeyRoleType keyRoleType,
        @TtlvField(value = DIGITAL_SIGNATURE_ALGORITHM, since = "1.2") DigitalSignatureAlgorithm digitalSignatureAlgorithm,
        @TtlvField(value = CRYPTOGRAPHIC_ALGORITHM, since = "1.2") CryptographicAlgorithm cryptographicAlgorithm,
        @TtlvField(value = RANDOM_IV, since = "1.2") Boolean randomIv,
        @TtlvField(value = IV_LENGTH, since = "1.2") Integer ivLength,
        @TtlvField(value = TAG_LENGTH, since = "1.2") Integer tagLength,
        @TtlvField(value = FIXED_FIELD_LENGTH, since = "1.2") Integer fixedFieldLength,
        @TtlvField(value = INVOCATION_FIELD_LENGTH, since = "1.2") Integer invocationFieldLength,
        @TtlvField(value = COUNTER_LENGTH, since = "1.2") Integer counterLength,
        @TtlvField(value = INITIAL_COUNTER_VALUE, since = "1.2") Integer initialCounterValue,
        @TtlvField(value = SALT_LENGTH, since = "1.4") Integer saltLength,
        @TtlvField(value = MASK_GENERATOR, since = "1.4") MaskGenerator maskGenerator,
        @TtlvField(value = MASK_GENERATOR_HASHING_ALGORITHM, since = "1.4") HashingAlgorithm maskGeneratorHashingAlgorithm,
        @TtlvField(value = P_SOURCE, since = "1.4") Bytes pSource,
        @TtlvField(value = TRAILER_FIELD, since = "1.4") Integer trailerField) {

    public static Builder builder() {
        return new Builder();
    }

    /** Sets the fields one by one; unset fields are absent. */
    public static final class Builder {
        private BlockCipherMode mode;
        private PaddingMethod padding;
        private HashingAlgorithm hashing;
        private KeyRoleType keyRole;
        private DigitalSignatureAlgorithm signature;
        private CryptographicAlgorithm algorithm;
        private Boolean randomIv;
        private Integer ivLength;
        private Integer tagLength;
        private Integer fixedField;
        private Integer invocationField;
        private Integer counterLength;
        private Integer initialCounter;
        private Integer saltLength;
        private MaskGenerator maskGenerator;
        private HashingAlgorithm mgfHashing;
        private Bytes pSource;
        private Integer trailerField;

        private Builder() {}

        public Builder blockCipherMode(BlockCipherMode v) { mode = v; return this; }
        public Builder paddingMethod(PaddingMethod v) { padding = v; return this; }
        public Builder hashingAlgorithm(HashingAlgorithm v) { hashing = v; return this; }
        public Builder keyRoleType(KeyRoleType v) { keyRole = v; return this; }
        public Builder digitalSignatureAlgorithm(DigitalSignatureAlgorithm v) { signature = v; return this; }
        public Builder cryptographicAlgorithm(CryptographicAlgorithm v) { algorithm = v; return this; }
        public Builder randomIv(Boolean v) { randomIv = v; return this; }
        /** In bits. */
        public Builder ivLength(Integer v) { ivLength = v; return this; }
        /** In bytes. */
        public Builder tagLength(Integer v) { tagLength = v; return this; }
        public Builder fixedFieldLength(Integer v) { fixedField = v; return this; }
        public Builder invocationFieldLength(Integer v) { invocationField = v; return this; }
        public Builder counterLength(Integer v) { counterLength = v; return this; }
        public Builder initialCounterValue(Integer v) { initialCounter = v; return this; }
        public Builder saltLength(Integer v) { saltLength = v; return this; }
        public Builder maskGenerator(MaskGenerator v) { maskGenerator = v; return this; }
        public Builder maskGeneratorHashingAlgorithm(HashingAlgorithm v) { mgfHashing = v; return this; }
        public Builder pSource(Bytes v) { pSource = v; return this; }
        public Builder trailerField(Integer v) { trailerField = v; return this; }

        public CryptographicParameters build() {
            return new CryptographicParameters(mode, padding, hashing, keyRole, signature, algorithm, randomIv,
                    ivLength, tagLength, fixedField, invocationField, counterLength, initialCounter, saltLength,
                    maskGenerator, mgfHashing, pSource, trailerField);
        }
    }
}
