package dev.kmipjca.protocol;

/** The Response Payload of a batch item: one of the {@code *.Response} records, or a {@link RawPayload}. */
public interface ResponsePayload {}
