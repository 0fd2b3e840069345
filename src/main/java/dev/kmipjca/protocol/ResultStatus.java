package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Result Status enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2).
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class ResultStatus extends KmipEnum {
    private static final Values<ResultStatus> V = new Values<>(Tag.RESULT_STATUS, ResultStatus::new);

    public static final ResultStatus SUCCESS = V.add(0x00, "Success");
    public static final ResultStatus OPERATION_FAILED = V.add(0x01, "Operation Failed");
    public static final ResultStatus OPERATION_PENDING = V.add(0x02, "Operation Pending");
    public static final ResultStatus OPERATION_UNDONE = V.add(0x03, "Operation Undone");

    private ResultStatus(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static ResultStatus of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static ResultStatus named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<ResultStatus> values() {
        return V.all();
    }
}
