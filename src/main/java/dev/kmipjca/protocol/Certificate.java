package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;

/** A Certificate object: Certificate Type (X.509) and the DER bytes. */
public record Certificate(
        @TtlvField(value = Tag.CERTIFICATE_TYPE, required = true) CertificateType certificateType,
        @TtlvField(value = Tag.CERTIFICATE_VALUE, required = true) Bytes certificateValue) implements ManagedObject {

    public static Certificate x509(byte[] der) {
        return new Certificate(CertificateType.X_509, Bytes.of(der));
    }

    @Override
    public ObjectType objectType() {
        return ObjectType.CERTIFICATE;
    }
}
