package dev.kmipjca.server;

import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.ResultReason;

/**
 * A batch item that fails: the Result Reason and Result Message the server answers with. The
 * factories pick the KMIP 2.x reason where the request's version has one and the 1.x reason
 * otherwise. Messages name what was wrong and never carry key bytes.
 */
final class KmipFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ResultReason reason;

    KmipFailure(ResultReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    ResultReason reason() {
        return reason;
    }

    static KmipFailure notFound(String uid) {
        return new KmipFailure(ResultReason.ITEM_NOT_FOUND, "no object with Unique Identifier " + uid);
    }

    static KmipFailure invalidField(String message) {
        return new KmipFailure(ResultReason.INVALID_FIELD, message);
    }

    static KmipFailure missing(String message) {
        return new KmipFailure(ResultReason.MISSING_DATA, message);
    }

    static KmipFailure notSupported(String message) {
        return new KmipFailure(ResultReason.FEATURE_NOT_SUPPORTED, message);
    }

    static KmipFailure illegal(String message) {
        return new KmipFailure(ResultReason.ILLEGAL_OPERATION, message);
    }

    static KmipFailure permission(String message) {
        return new KmipFailure(ResultReason.PERMISSION_DENIED, message);
    }

    static KmipFailure crypto(String message) {
        return new KmipFailure(ResultReason.CRYPTOGRAPHIC_FAILURE, message);
    }

    /** The object's state does not allow the operation: Wrong Key Lifecycle State (2.x), Permission Denied (1.x). */
    static KmipFailure wrongState(ProtocolVersion v, String message) {
        return new KmipFailure(v.isKmip2() ? ResultReason.WRONG_KEY_LIFECYCLE_STATE : ResultReason.PERMISSION_DENIED,
                message);
    }

    /** The usage mask lacks a bit: Incompatible Cryptographic Usage Mask (2.x), Permission Denied (1.x). */
    static KmipFailure usage(ProtocolVersion v, String message) {
        return new KmipFailure(v.isKmip2() ? ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK
                : ResultReason.PERMISSION_DENIED, message);
    }

    /** A read-only attribute: Attribute Read Only (2.x), Invalid Field (1.x). */
    static KmipFailure readOnly(ProtocolVersion v, String attribute) {
        return new KmipFailure(v.isKmip2() ? ResultReason.ATTRIBUTE_READ_ONLY : ResultReason.INVALID_FIELD,
                "attribute " + attribute + " is read-only");
    }

    /** An attribute or instance the object lacks: Attribute Not Found (2.x), Item Not Found (1.x). */
    static KmipFailure attributeNotFound(ProtocolVersion v, String message) {
        return new KmipFailure(v.isKmip2() ? ResultReason.ATTRIBUTE_NOT_FOUND : ResultReason.ITEM_NOT_FOUND, message);
    }

    /** A key whose Sensitive attribute is true leaves the server only wrapped: Sensitive (1.4+). */
    static KmipFailure sensitive(ProtocolVersion v, String uid) {
        return new KmipFailure(v.isAtLeast(ProtocolVersion.V1_4) ? ResultReason.SENSITIVE
                : ResultReason.PERMISSION_DENIED, "object " + uid + " is Sensitive: it can only be exported wrapped");
    }

    /** A key whose Extractable attribute is false never leaves the server: Not Extractable (1.4+). */
    static KmipFailure notExtractable(ProtocolVersion v, String uid) {
        return new KmipFailure(v.isAtLeast(ProtocolVersion.V1_4) ? ResultReason.NOT_EXTRACTABLE
                : ResultReason.PERMISSION_DENIED, "object " + uid + " is not Extractable");
    }

    /** The key material is gone: Object Destroyed (2.x), Item Not Found (1.x). */
    static KmipFailure destroyed(ProtocolVersion v, String uid) {
        return new KmipFailure(v.isKmip2() ? ResultReason.OBJECT_DESTROYED : ResultReason.ITEM_NOT_FOUND,
                "object " + uid + " was destroyed");
    }
}
