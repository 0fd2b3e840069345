package dev.kmipjca.protocol;

import java.util.Locale;

/**
 * The server answered a batch item with a Result Status other than Success. Carries the operation
 * (when the response named it), the Result Status, the Result Reason (enum and raw number; unknown
 * reasons are kept) and the Result Message, plus the server that answered, which the client fills in
 * with {@link #setServer(String)}.
 *
 * <p>{@link #of} returns a subclass for the reasons callers commonly handle, so they can
 * {@code catch (KmipResultException.ItemNotFound e)}. The KMIP 2.x synonyms map to the same classes:
 * Object Not Found to {@link ItemNotFound}, Not Authorised to {@link PermissionDenied}, Wrong Key
 * Lifecycle State to {@link IllegalOperation}. Everything else is a plain KmipResultException; use
 * {@link #reason()}.
 */
public class KmipResultException extends KmipException {
    private static final long serialVersionUID = 1L;

    private final transient Operation operation;
    private final transient ResultStatus status;
    private final transient ResultReason reason;
    private final String resultMessage;
    private volatile String server;

    KmipResultException(Operation operation, ResultStatus status, ResultReason reason, String resultMessage) {
        super("KMIP result");
        this.operation = operation;
        this.status = status;
        this.reason = reason;
        this.resultMessage = resultMessage;
    }

    /** The exception for a failed batch item, of the subclass that matches the reason. */
    public static KmipResultException of(Operation operation, ResultStatus status, ResultReason reason, String message) {
        int r = reason == null ? -1 : reason.value();
        if (r == ResultReason.ITEM_NOT_FOUND.value() || r == ResultReason.OBJECT_NOT_FOUND.value()) {
            return new ItemNotFound(operation, status, reason, message);
        } else if (r == ResultReason.PERMISSION_DENIED.value() || r == ResultReason.NOT_AUTHORISED.value()) {
            return new PermissionDenied(operation, status, reason, message);
        } else if (r == ResultReason.OPERATION_NOT_SUPPORTED.value()) {
            return new OperationNotSupported(operation, status, reason, message);
        } else if (r == ResultReason.AUTHENTICATION_NOT_SUCCESSFUL.value()) {
            return new AuthenticationNotSuccessful(operation, status, reason, message);
        } else if (r == ResultReason.ILLEGAL_OPERATION.value() || r == ResultReason.WRONG_KEY_LIFECYCLE_STATE.value()) {
            return new IllegalOperation(operation, status, reason, message);
        } else if (r == ResultReason.INVALID_MESSAGE.value()) {
            return new InvalidMessage(operation, status, reason, message);
        } else if (r == ResultReason.CRYPTOGRAPHIC_FAILURE.value()) {
            return new CryptographicFailure(operation, status, reason, message);
        }
        return new KmipResultException(operation, status, reason, message);
    }

    /** The operation of the failed item, or null when the response did not name it. */
    public Operation operation() {
        return operation;
    }

    public ResultStatus status() {
        return status;
    }

    /** The Result Reason, or null when the server sent none. */
    public ResultReason reason() {
        return reason;
    }

    /** The raw Result Reason number, or -1 when the server sent none. */
    public int reasonValue() {
        return reason == null ? -1 : reason.value();
    }

    /** The server's Result Message, or null. */
    public String resultMessage() {
        return resultMessage;
    }

    /** The server that answered ("kms1.example.com:5696"), or null until the client sets it. */
    public String server() {
        return server;
    }

    public void setServer(String server) {
        this.server = server;
    }

    /** "KMIP Get failed: Item Not Found (0x00000001): no such key [server kms1:5696]". */
    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder("KMIP ").append(operation == null ? "request" : operation.toString());
        sb.append(status == ResultStatus.OPERATION_FAILED ? " failed" : " returned " + status);
        if (reason != null) {
            sb.append(": ").append(reason.isKnown() ? reason.name() : "unknown reason")
                    .append(String.format(Locale.ROOT, " (0x%08X)", reason.value()));
        }
        if (resultMessage != null && !resultMessage.isEmpty()) {
            sb.append(": ").append(resultMessage);
        }
        if (server != null) {
            sb.append(" [server ").append(server).append(']');
        }
        return sb.toString();
    }

    /** Item Not Found (1.x) or Object Not Found (2.x). */
    public static final class ItemNotFound extends KmipResultException {
        private static final long serialVersionUID = 1L;

        ItemNotFound(Operation o, ResultStatus s, ResultReason r, String m) {
            super(o, s, r, m);
        }
    }

    /** Permission Denied (1.x) or Not Authorised (2.x). */
    public static final class PermissionDenied extends KmipResultException {
        private static final long serialVersionUID = 1L;

        PermissionDenied(Operation o, ResultStatus s, ResultReason r, String m) {
            super(o, s, r, m);
        }
    }

    public static final class OperationNotSupported extends KmipResultException {
        private static final long serialVersionUID = 1L;

        OperationNotSupported(Operation o, ResultStatus s, ResultReason r, String m) {
            super(o, s, r, m);
        }
    }

    public static final class AuthenticationNotSuccessful extends KmipResultException {
        private static final long serialVersionUID = 1L;

        AuthenticationNotSuccessful(Operation o, ResultStatus s, ResultReason r, String m) {
            super(o, s, r, m);
        }
    }

    /** Illegal Operation (1.x) or Wrong Key Lifecycle State (2.x). */
    public static final class IllegalOperation extends KmipResultException {
        private static final long serialVersionUID = 1L;

        IllegalOperation(Operation o, ResultStatus s, ResultReason r, String m) {
            super(o, s, r, m);
        }
    }

    public static final class InvalidMessage extends KmipResultException {
        private static final long serialVersionUID = 1L;

        InvalidMessage(Operation o, ResultStatus s, ResultReason r, String m) {
            super(o, s, r, m);
        }
    }

    public static final class CryptographicFailure extends KmipResultException {
        private static final long serialVersionUID = 1L;

        CryptographicFailure(Operation o, ResultStatus s, ResultReason r, String m) {
            super(o, s, r, m);
        }
    }
}
