package dev.kmipjca.client;

import dev.kmipjca.config.ServerAddress;
import dev.kmipjca.protocol.RequestBatchItem;
import dev.kmipjca.protocol.RequestMessage;
import dev.kmipjca.protocol.ResponseBatchItem;
import dev.kmipjca.protocol.ResponseMessage;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.StringJoiner;
import jdk.jfr.FlightRecorder;

/**
 * Observes one round trip: a {@link RoundTripEvent} for JFR and a one-line DEBUG summary on the
 * {@code dev.kmipjca.client} logger: operations, server, version, request and response sizes, duration
 * and result. Never payload bytes, identifiers or key material.
 */
final class Trace {
    static final System.Logger LOG = System.getLogger("dev.kmipjca.client");

    /**
     * Null unless JFR has started: the first {@code jdk.jfr.Event} object a JVM creates costs 300-500 ms
     * of JFR initialisation even when nothing records, which a short command-line run cannot afford.
     * A recording started later (for example with {@code jcmd PID JFR.start}) sees the round trips
     * that begin after it.
     */
    private final RoundTripEvent event = FlightRecorder.isInitialized() ? new RoundTripEvent() : null;
    private final String operations;
    private final ServerAddress server;
    private final String version;
    private final long start = System.nanoTime();

    Trace(RequestMessage request, ServerAddress server) {
        this.operations = operations(request);
        this.server = server;
        this.version = request.version().toString();
        if (event != null) {
            event.begin();
        }
    }

    void succeeded(int requestBytes, int responseBytes, ResponseMessage response) {
        String result = "Success";
        String reason = "";
        for (ResponseBatchItem item : response.batchItems()) {
            if (!item.isSuccess()) {
                result = item.resultStatus().toString();
                reason = item.resultReason() == null ? "" : item.resultReason().toString();
                break;
            }
        }
        finish(requestBytes, responseBytes, result, reason);
    }

    void failed(int requestBytes, byte[] response, String what, Exception e) {
        finish(requestBytes, response == null ? 0 : response.length, what, e.getClass().getSimpleName());
    }

    private void finish(int requestBytes, int responseBytes, String result, String reason) {
        if (event != null) {
            commit(requestBytes, responseBytes, result, reason);
        }
        if (LOG.isLoggable(Level.DEBUG)) {
            double ms = (System.nanoTime() - start) / 1e6;
            LOG.log(Level.DEBUG, String.format(Locale.ROOT, "KMIP %s to %s (KMIP %s): %d B sent, %d B received in %.1f ms: %s%s",
                    operations, server, version, requestBytes, responseBytes, ms, result,
                    reason.isEmpty() ? "" : " (" + reason + ")"));
        }
    }

    private void commit(int requestBytes, int responseBytes, String result, String reason) {
        event.end();
        if (event.shouldCommit()) {
            event.operation = operations;
            event.server = server.toString();
            event.protocolVersion = version;
            event.requestBytes = requestBytes;
            event.responseBytes = responseBytes;
            event.result = result;
            event.reason = reason;
            event.commit();
        }
    }

    static String operations(RequestMessage request) {
        StringJoiner j = new StringJoiner("+");
        for (RequestBatchItem item : request.batchItems()) {
            j.add(item.operation().toString());
        }
        return j.toString();
    }
}
