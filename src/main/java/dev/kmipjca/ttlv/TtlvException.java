package dev.kmipjca.ttlv;

/**
 * A TTLV input that breaks an encoding rule. Carries the byte offset where the problem was found, the
 * tag of the item being read (or -1 when no tag had been read yet) and what was wrong. The message
 * never contains value bytes.
 */
public final class TtlvException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final int tag;
    private final String reason;

    public TtlvException(String reason, long offset, int tag) {
        super(format(reason, offset, tag));
        this.reason = reason;
        this.offset = offset;
        this.tag = tag;
    }

    /** The byte offset, from the start of the decoded input, at which the problem lies. */
    public long offset() {
        return offset;
    }

    /** The tag of the offending item, or -1 when the header could not be read. */
    public int tag() {
        return tag;
    }

    /** What was wrong, without the offset and tag ("non-zero padding"). */
    public String reason() {
        return reason;
    }

    private static String format(String reason, long offset, int tag) {
        StringBuilder sb = new StringBuilder("invalid TTLV at offset ").append(offset);
        if (tag >= 0) {
            sb.append(", tag ").append(TagNames.describe(tag));
        }
        return sb.append(": ").append(reason).toString();
    }
}
