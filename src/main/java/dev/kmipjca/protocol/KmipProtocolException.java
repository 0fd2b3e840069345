package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.TagNames;

/**
 * A message that is well-formed TTLV but not a valid KMIP message: wrong top-level item, a missing
 * required field, a duplicate field, a field of the wrong type, a Batch Count that does not match.
 * Names the tag of the field at fault and what was wrong. {@link #resultReason()} is the Result Reason
 * a server answers with (Invalid Message, Invalid Field or Missing Data).
 */
public final class KmipProtocolException extends KmipException {
    private static final long serialVersionUID = 1L;

    private final int tag;
    private final String problem;
    private final transient ResultReason resultReason;

    /**
     * @param where   the structure being decoded ("Request Header"), or null
     * @param tag     the tag of the field at fault, or -1
     * @param problem what was wrong ("duplicate field")
     */
    public KmipProtocolException(String where, int tag, String problem, ResultReason resultReason) {
        super(format(where, tag, problem));
        this.tag = tag;
        this.problem = problem;
        this.resultReason = resultReason;
    }

    static KmipProtocolException invalidMessage(String where, int tag, String problem) {
        return new KmipProtocolException(where, tag, problem, ResultReason.INVALID_MESSAGE);
    }

    static KmipProtocolException invalidField(String where, int tag, String problem) {
        return new KmipProtocolException(where, tag, problem, ResultReason.INVALID_FIELD);
    }

    static KmipProtocolException missing(String where, int tag) {
        return new KmipProtocolException(where, tag, "missing required field", ResultReason.MISSING_DATA);
    }

    /** The tag of the field at fault, or -1. */
    public int tag() {
        return tag;
    }

    /** What was wrong, without the location ("duplicate field"). */
    public String problem() {
        return problem;
    }

    /** The Result Reason a server should answer with. */
    public ResultReason resultReason() {
        return resultReason;
    }

    private static String format(String where, int tag, String problem) {
        StringBuilder sb = new StringBuilder("invalid KMIP message");
        if (where != null) {
            sb.append(" in ").append(where);
        }
        if (tag >= 0) {
            sb.append(", field ").append(TagNames.label(tag));
        }
        return sb.append(": ").append(problem).toString();
    }
}
