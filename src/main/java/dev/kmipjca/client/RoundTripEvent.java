package dev.kmipjca.client;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JFR event per KMIP round trip ({@code dev.kmipjca.RoundTrip}). Its duration is the event's own
 * timing (begin before the request is written, end after the response is read). It carries no payload
 * bytes, identifiers or key material. Record it with {@code jfr} or {@code RecordingStream}:
 * {@code stream.enable("dev.kmipjca.RoundTrip")}.
 */
@Name(RoundTripEvent.NAME)
@Label("KMIP Round Trip")
@Category({"KMIP", "Client"})
@Description("One KMIP request message and its response")
@StackTrace(false)
final class RoundTripEvent extends Event {
    static final String NAME = "dev.kmipjca.RoundTrip";

    @Label("Operation")
    @Description("The operation, or the operations of a batch joined by '+'")
    String operation;

    @Label("Server")
    String server;

    @Label("Protocol Version")
    String protocolVersion;

    @Label("Request Bytes")
    @DataAmount
    long requestBytes;

    @Label("Response Bytes")
    @DataAmount
    long responseBytes;

    @Label("Result")
    @Description("Success, Operation Failed, or the failure of the exchange (I/O failure, bad response)")
    String result;

    @Label("Reason")
    @Description("The Result Reason of the first failed item, or the kind of exchange failure; empty on success")
    String reason;
}
