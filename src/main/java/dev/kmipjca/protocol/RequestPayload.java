package dev.kmipjca.protocol;

/** The Request Payload of a batch item: one of the {@code *.Request} records, or a {@link RawPayload}. */
public interface RequestPayload {}
