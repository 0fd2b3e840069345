package dev.kmipjca.ttlv;

/** The TTLV item types of KMIP 1.0 to 2.1 (KMIP 1.4 section 9.1.1.2, KMIP 2.1 section 9.1.1.2). */
public enum ItemType {
    STRUCTURE(0x01, -1),
    INTEGER(0x02, 4),
    LONG_INTEGER(0x03, 8),
    BIG_INTEGER(0x04, -1),
    ENUMERATION(0x05, 4),
    BOOLEAN(0x06, 8),
    TEXT_STRING(0x07, -1),
    BYTE_STRING(0x08, -1),
    DATE_TIME(0x09, 8),
    INTERVAL(0x0A, 4),
    /** Microseconds since the epoch; KMIP 2.0 and later only. */
    DATE_TIME_EXTENDED(0x0B, 8);

    private static final ItemType[] BY_CODE = new ItemType[0x0C];

    static {
        for (ItemType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final int fixedLength;

    ItemType(int code, int fixedLength) {
        this.code = code;
        this.fixedLength = fixedLength;
    }

    /** The type byte on the wire. */
    public int code() {
        return code;
    }

    /** The Length that the spec fixes for this type, or -1 when the length varies. */
    public int fixedLength() {
        return fixedLength;
    }

    /** The type for a wire code, or null when the code names no type. */
    public static ItemType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** The name the KMIP specification uses ("Text String"). */
    public String displayName() {
        return switch (this) {
            case STRUCTURE -> "Structure";
            case INTEGER -> "Integer";
            case LONG_INTEGER -> "Long Integer";
            case BIG_INTEGER -> "Big Integer";
            case ENUMERATION -> "Enumeration";
            case BOOLEAN -> "Boolean";
            case TEXT_STRING -> "Text String";
            case BYTE_STRING -> "Byte String";
            case DATE_TIME -> "Date-Time";
            case INTERVAL -> "Interval";
            case DATE_TIME_EXTENDED -> "Date-Time Extended";
        };
    }
}
