package dev.kmipjca.envelope;

import dev.kmipjca.client.KmipClient;
import dev.kmipjca.envelope.KeyWrapException.Kind;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.transport.BadResponseException;
import java.io.IOException;

/** Turns client failures into {@link KeyWrapException}s. */
final class Failures {
    private Failures() {
    }

    static KeyWrapException map(KmipResultException e, String id, Operation op) {
        int r = e.reasonValue();
        Kind kind;
        if (e instanceof KmipResultException.ItemNotFound || r == ResultReason.OBJECT_DESTROYED.value()) {
            kind = Kind.KEY_NOT_FOUND;
        } else if (op.equals(Operation.DECRYPT) && (e instanceof KmipResultException.CryptographicFailure
                || r == ResultReason.GENERAL_FAILURE.value())) {
            kind = Kind.AUTHENTICATION_FAILED; // PyKMIP answers a wrong GCM tag with General Failure
        } else if (e instanceof KmipResultException.PermissionDenied || e instanceof KmipResultException.IllegalOperation
                || r == ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK.value()) {
            kind = Kind.KEY_NOT_USABLE;
        } else {
            kind = Kind.OTHER;
        }
        String what = kind == Kind.AUTHENTICATION_FAILED ? "the wrapped key or its associated data does not"
                + " authenticate under master key " + id : "master key " + id;
        return new KeyWrapException(kind, id, what + ": " + e.getMessage(), e);
    }

    static KeyWrapException unavailable(String id, String what, Exception e) {
        return new KeyWrapException(Kind.UNAVAILABLE, id, "could not " + what + " with master key " + id + ": "
                + e.getMessage(), e);
    }

    /** "the KMIP server S does not support Encrypt (Query ...; a probe ...)" or the version problem. */
    static String whyUnsupported(KmipClient client, Operation op, Exception cause) {
        String server = client.servers().toString();
        if (cause instanceof UnsupportedOperationException) {
            return "the KMIP server " + server + " cannot do AES-GCM " + op + " at the negotiated protocol version ("
                    + cause.getMessage() + "); allow KMIP 1.4 or later with kmip.protocolVersionMax";
        }
        String detail;
        try {
            var caps = client.capabilities();
            server = caps.server().toString();
            detail = "Query " + (caps.supports(op) ? "lists it" : "does not list it") + ", a probe says "
                    + (client.probe(op) ? "served" : "Operation Not Supported");
        } catch (KmipResultException | IOException | BadResponseException | RuntimeException e) {
            detail = "the server answered Operation Not Supported";
        }
        return "the KMIP server " + server + " does not support " + op + " (" + detail + ")";
    }
}
