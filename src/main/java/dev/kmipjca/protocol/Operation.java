package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Operation enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2).
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class Operation extends KmipEnum {
    private static final Values<Operation> V = new Values<>(Tag.OPERATION, Operation::new);

    public static final Operation CREATE = V.add(0x01, "Create");
    public static final Operation CREATE_KEY_PAIR = V.add(0x02, "Create Key Pair");
    public static final Operation REGISTER = V.add(0x03, "Register");
    public static final Operation REKEY = V.add(0x04, "Re-key");
    public static final Operation DERIVE_KEY = V.add(0x05, "Derive Key");
    public static final Operation CERTIFY = V.add(0x06, "Certify");
    public static final Operation RECERTIFY = V.add(0x07, "Re-certify");
    public static final Operation LOCATE = V.add(0x08, "Locate");
    public static final Operation CHECK = V.add(0x09, "Check");
    public static final Operation GET = V.add(0x0A, "Get");
    public static final Operation GET_ATTRIBUTES = V.add(0x0B, "Get Attributes");
    public static final Operation GET_ATTRIBUTE_LIST = V.add(0x0C, "Get Attribute List");
    public static final Operation ADD_ATTRIBUTE = V.add(0x0D, "Add Attribute");
    public static final Operation MODIFY_ATTRIBUTE = V.add(0x0E, "Modify Attribute");
    public static final Operation DELETE_ATTRIBUTE = V.add(0x0F, "Delete Attribute");
    public static final Operation OBTAIN_LEASE = V.add(0x10, "Obtain Lease");
    public static final Operation GET_USAGE_ALLOCATION = V.add(0x11, "Get Usage Allocation");
    public static final Operation ACTIVATE = V.add(0x12, "Activate");
    public static final Operation REVOKE = V.add(0x13, "Revoke");
    public static final Operation DESTROY = V.add(0x14, "Destroy");
    public static final Operation ARCHIVE = V.add(0x15, "Archive");
    public static final Operation RECOVER = V.add(0x16, "Recover");
    public static final Operation VALIDATE = V.add(0x17, "Validate");
    public static final Operation QUERY = V.add(0x18, "Query");
    public static final Operation CANCEL = V.add(0x19, "Cancel");
    public static final Operation POLL = V.add(0x1A, "Poll");
    public static final Operation NOTIFY = V.add(0x1B, "Notify");
    public static final Operation PUT = V.add(0x1C, "Put");
    public static final Operation REKEY_KEY_PAIR = V.add(0x1D, "Re-key Key Pair");
    public static final Operation DISCOVER_VERSIONS = V.add(0x1E, "Discover Versions");
    public static final Operation ENCRYPT = V.add(0x1F, "Encrypt");
    public static final Operation DECRYPT = V.add(0x20, "Decrypt");
    public static final Operation SIGN = V.add(0x21, "Sign");
    public static final Operation SIGNATURE_VERIFY = V.add(0x22, "Signature Verify");
    public static final Operation MAC = V.add(0x23, "MAC");
    public static final Operation MAC_VERIFY = V.add(0x24, "MAC Verify");
    public static final Operation RNG_RETRIEVE = V.add(0x25, "RNG Retrieve");
    public static final Operation RNG_SEED = V.add(0x26, "RNG Seed");
    public static final Operation HASH = V.add(0x27, "Hash");
    public static final Operation CREATE_SPLIT_KEY = V.add(0x28, "Create Split Key");
    public static final Operation JOIN_SPLIT_KEY = V.add(0x29, "Join Split Key");
    public static final Operation IMPORT = V.add(0x2A, "Import");
    public static final Operation EXPORT = V.add(0x2B, "Export");
    public static final Operation LOG = V.add(0x2C, "Log");
    public static final Operation LOGIN = V.add(0x2D, "Login");
    public static final Operation LOGOUT = V.add(0x2E, "Logout");
    public static final Operation DELEGATED_LOGIN = V.add(0x2F, "Delegated Login");
    public static final Operation ADJUST_ATTRIBUTE = V.add(0x30, "Adjust Attribute");
    public static final Operation SET_ATTRIBUTE = V.add(0x31, "Set Attribute");
    public static final Operation SET_ENDPOINT_ROLE = V.add(0x32, "Set Endpoint Role");
    public static final Operation PKCS_11 = V.add(0x33, "PKCS#11");
    public static final Operation INTEROP = V.add(0x34, "Interop");
    public static final Operation REPROVISION = V.add(0x35, "Re-Provision");
    public static final Operation SET_DEFAULTS = V.add(0x36, "Set Defaults");
    public static final Operation SET_CONSTRAINTS = V.add(0x37, "Set Constraints");
    public static final Operation GET_CONSTRAINTS = V.add(0x38, "Get Constraints");
    public static final Operation QUERY_ASYNCHRONOUS_REQUESTS = V.add(0x39, "Query Asynchronous Requests");
    public static final Operation PROCESS = V.add(0x3A, "Process");
    public static final Operation PING = V.add(0x3B, "Ping");

    private Operation(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static Operation of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static Operation named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<Operation> values() {
        return V.all();
    }
}
