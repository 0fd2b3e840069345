package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * The Batch Error Continuation Option enumeration (KMIP 2.1 section 11; KMIP 1.4 section 9.1.3.2).
 * Unknown values are kept as raw numbers (see {@link KmipEnum}).
 */
public final class BatchErrorContinuationOption extends KmipEnum {
    private static final Values<BatchErrorContinuationOption> V = new Values<>(Tag.BATCH_ERROR_CONTINUATION_OPTION, BatchErrorContinuationOption::new);

    public static final BatchErrorContinuationOption CONTINUE = V.add(0x01, "Continue");
    public static final BatchErrorContinuationOption STOP = V.add(0x02, "Stop");
    public static final BatchErrorContinuationOption UNDO = V.add(0x03, "Undo");

    private BatchErrorContinuationOption(int value, String name) {
        super(value, name);
    }

    /** The value with this number; an unknown number is kept as it is. */
    public static BatchErrorContinuationOption of(int value) {
        return V.of(value);
    }

    /** The declared value with this name (case and punctuation ignored), or null. */
    public static BatchErrorContinuationOption named(String name) {
        return V.named(name);
    }

    /** The declared values, in numeric order. */
    public static List<BatchErrorContinuationOption> values() {
        return V.all();
    }
}
