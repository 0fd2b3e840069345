package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Result Reason enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2).
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class ResultReason extends KmipEnum {
    private static final Values<ResultReason> V = new Values<>(Tag.RESULT_REASON, ResultReason::new);

    public static final ResultReason ITEM_NOT_FOUND = V.add(0x01, "Item Not Found");
    public static final ResultReason RESPONSE_TOO_LARGE = V.add(0x02, "Response Too Large");
    public static final ResultReason AUTHENTICATION_NOT_SUCCESSFUL = V.add(0x03, "Authentication Not Successful");
    public static final ResultReason INVALID_MESSAGE = V.add(0x04, "Invalid Message");
    public static final ResultReason OPERATION_NOT_SUPPORTED = V.add(0x05, "Operation Not Supported");
    public static final ResultReason MISSING_DATA = V.add(0x06, "Missing Data");
    public static final ResultReason INVALID_FIELD = V.add(0x07, "Invalid Field");
    public static final ResultReason FEATURE_NOT_SUPPORTED = V.add(0x08, "Feature Not Supported");
    public static final ResultReason OPERATION_CANCELED_BY_REQUESTER = V.add(0x09, "Operation Canceled By Requester");
    public static final ResultReason CRYPTOGRAPHIC_FAILURE = V.add(0x0A, "Cryptographic Failure");
    public static final ResultReason ILLEGAL_OPERATION = V.add(0x0B, "Illegal Operation");
    public static final ResultReason PERMISSION_DENIED = V.add(0x0C, "Permission Denied");
    public static final ResultReason OBJECT_ARCHIVED = V.add(0x0D, "Object Archived");
    public static final ResultReason INDEX_OUT_OF_BOUNDS = V.add(0x0E, "Index Out of Bounds");
    public static final ResultReason APPLICATION_NAMESPACE_NOT_SUPPORTED = V.add(0x0F, "Application Namespace Not Supported");
    public static final ResultReason KEY_FORMAT_TYPE_NOT_SUPPORTED = V.add(0x10, "Key Format Type Not Supported");
    public static final ResultReason KEY_COMPRESSION_TYPE_NOT_SUPPORTED = V.add(0x11, "Key Compression Type Not Supported");
    public static final ResultReason ENCODING_OPTION_ERROR = V.add(0x12, "Encoding Option Error");
    public static final ResultReason KEY_VALUE_NOT_PRESENT = V.add(0x13, "Key Value Not Present");
    public static final ResultReason ATTESTATION_REQUIRED = V.add(0x14, "Attestation Required");
    public static final ResultReason ATTESTATION_FAILED = V.add(0x15, "Attestation Failed");
    public static final ResultReason SENSITIVE = V.add(0x16, "Sensitive");
    public static final ResultReason NOT_EXTRACTABLE = V.add(0x17, "Not Extractable");
    public static final ResultReason OBJECT_ALREADY_EXISTS = V.add(0x18, "Object Already Exists");
    public static final ResultReason INVALID_TICKET = V.add(0x19, "Invalid Ticket");
    public static final ResultReason USAGE_LIMIT_EXCEEDED = V.add(0x1A, "Usage Limit Exceeded");
    public static final ResultReason NUMERIC_RANGE = V.add(0x1B, "Numeric Range");
    public static final ResultReason INVALID_DATA_TYPE = V.add(0x1C, "Invalid Data Type");
    public static final ResultReason READ_ONLY_ATTRIBUTE = V.add(0x1D, "Read Only Attribute");
    public static final ResultReason MULTI_VALUED_ATTRIBUTE = V.add(0x1E, "Multi Valued Attribute");
    public static final ResultReason UNSUPPORTED_ATTRIBUTE = V.add(0x1F, "Unsupported Attribute");
    public static final ResultReason ATTRIBUTE_INSTANCE_NOT_FOUND = V.add(0x20, "Attribute Instance Not Found");
    public static final ResultReason ATTRIBUTE_NOT_FOUND = V.add(0x21, "Attribute Not Found");
    public static final ResultReason ATTRIBUTE_READ_ONLY = V.add(0x22, "Attribute Read Only");
    public static final ResultReason ATTRIBUTE_SINGLE_VALUED = V.add(0x23, "Attribute Single Valued");
    public static final ResultReason BAD_CRYPTOGRAPHIC_PARAMETERS = V.add(0x24, "Bad Cryptographic Parameters");
    public static final ResultReason BAD_PASSWORD = V.add(0x25, "Bad Password");
    public static final ResultReason CODEC_ERROR = V.add(0x26, "Codec Error");
    public static final ResultReason ILLEGAL_OBJECT_TYPE = V.add(0x28, "Illegal Object Type");
    public static final ResultReason INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK = V.add(0x29, "Incompatible Cryptographic Usage Mask");
    public static final ResultReason INTERNAL_SERVER_ERROR = V.add(0x2A, "Internal Server Error");
    public static final ResultReason INVALID_ASYNCHRONOUS_CORRELATION_VALUE = V.add(0x2B, "Invalid Asynchronous Correlation Value");
    public static final ResultReason INVALID_ATTRIBUTE = V.add(0x2C, "Invalid Attribute");
    public static final ResultReason INVALID_ATTRIBUTE_VALUE = V.add(0x2D, "Invalid Attribute Value");
    public static final ResultReason INVALID_CORRELATION_VALUE = V.add(0x2E, "Invalid Correlation Value");
    public static final ResultReason INVALID_CSR = V.add(0x2F, "Invalid CSR");
    public static final ResultReason INVALID_OBJECT_TYPE = V.add(0x30, "Invalid Object Type");
    public static final ResultReason KEY_WRAP_TYPE_NOT_SUPPORTED = V.add(0x32, "Key Wrap Type Not Supported");
    public static final ResultReason MISSING_INITIALIZATION_VECTOR = V.add(0x34, "Missing Initialization Vector");
    public static final ResultReason NON_UNIQUE_NAME_ATTRIBUTE = V.add(0x35, "Non Unique Name Attribute");
    public static final ResultReason OBJECT_DESTROYED = V.add(0x36, "Object Destroyed");
    public static final ResultReason OBJECT_NOT_FOUND = V.add(0x37, "Object Not Found");
    public static final ResultReason NOT_AUTHORISED = V.add(0x39, "Not Authorised");
    public static final ResultReason SERVER_LIMIT_EXCEEDED = V.add(0x3A, "Server Limit Exceeded");
    public static final ResultReason UNKNOWN_ENUMERATION = V.add(0x3B, "Unknown Enumeration");
    public static final ResultReason UNKNOWN_MESSAGE_EXTENSION = V.add(0x3C, "Unknown Message Extension");
    public static final ResultReason UNKNOWN_TAG = V.add(0x3D, "Unknown Tag");
    public static final ResultReason UNSUPPORTED_CRYPTOGRAPHIC_PARAMETERS = V.add(0x3E, "Unsupported Cryptographic Parameters");
    public static final ResultReason UNSUPPORTED_PROTOCOL_VERSION = V.add(0x3F, "Unsupported Protocol Version");
    public static final ResultReason WRAPPING_OBJECT_ARCHIVED = V.add(0x40, "Wrapping Object Archived");
    public static final ResultReason WRAPPING_OBJECT_DESTROYED = V.add(0x41, "Wrapping Object Destroyed");
    public static final ResultReason WRAPPING_OBJECT_NOT_FOUND = V.add(0x42, "Wrapping Object Not Found");
    public static final ResultReason WRONG_KEY_LIFECYCLE_STATE = V.add(0x43, "Wrong Key Lifecycle State");
    public static final ResultReason PROTECTION_STORAGE_UNAVAILABLE = V.add(0x44, "Protection Storage Unavailable");
    public static final ResultReason PKCS_11_CODEC_ERROR = V.add(0x45, "PKCS#11 Codec Error");
    public static final ResultReason PKCS_11_INVALID_FUNCTION = V.add(0x46, "PKCS#11 Invalid Function");
    public static final ResultReason PKCS_11_INVALID_INTERFACE = V.add(0x47, "PKCS#11 Invalid Interface");
    public static final ResultReason PRIVATE_PROTECTION_STORAGE_UNAVAILABLE = V.add(0x48, "Private Protection Storage Unavailable");
    public static final ResultReason PUBLIC_PROTECTION_STORAGE_UNAVAILABLE = V.add(0x49, "Public Protection Storage Unavailable");
    public static final ResultReason UNKNOWN_OBJECT_GROUP = V.add(0x4A, "Unknown Object Group");
    public static final ResultReason CONSTRAINT_VIOLATION = V.add(0x4B, "Constraint Violation");
    public static final ResultReason DUPLICATE_PROCESS_REQUEST = V.add(0x4C, "Duplicate Process Request");
    public static final ResultReason GENERAL_FAILURE = V.add(0x100, "General Failure");

    private ResultReason(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static ResultReason of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static ResultReason named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<ResultReason> values() {
        return V.all();
    }
}
