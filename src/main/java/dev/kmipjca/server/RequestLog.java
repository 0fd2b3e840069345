package dev.kmipjca.server;

import dev.kmipjca.protocol.Locate;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.ResponsePayload;
import dev.kmipjca.protocol.UniqueId;
import java.lang.System.Logger.Level;
import java.lang.reflect.RecordComponent;

/**
 * One log line per request message (System.Logger {@code dev.kmipjca.server}, level INFO): version,
 * client identity, and for each batch item its operation, the Unique Identifier it acted on and its
 * result. Nothing else of the message is logged: no key bytes, data, IVs or attribute values.
 */
final class RequestLog {
    static final System.Logger LOG = System.getLogger("dev.kmipjca.server");

    private RequestLog() {}

    static Line start(Identity identity) {
        return new Line(identity);
    }

    /** The Unique Identifier a response payload names ("3 found" for Locate), or null. */
    static String uidOf(ResponsePayload p) {
        if (p instanceof Locate.Response l) {
            return l.uniqueIdentifiers().size() + " found";
        }
        if (p instanceof Record) {
            for (RecordComponent c : p.getClass().getRecordComponents()) {
                if (c.getName().equals("uniqueIdentifier") && c.getType() == UniqueId.class) {
                    try {
                        Object id = c.getAccessor().invoke(p);
                        return id == null ? null : id.toString();
                    } catch (ReflectiveOperationException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    /** The line of one request, written by {@link #write()}. */
    static final class Line {
        private final Identity identity;
        private final StringBuilder items = new StringBuilder();
        private ProtocolVersion version;

        private Line(Identity identity) {
            this.identity = identity;
        }

        void version(ProtocolVersion v) {
            this.version = v;
        }

        void item(Operation op, String uid, String result) {
            if (items.length() > 0) {
                items.append("; ");
            }
            items.append(op == null ? "message" : op.toString());
            if (uid != null) {
                items.append(" uid=").append(uid);
            }
            items.append(" -> ").append(result);
        }

        void error(Operation op, Throwable e) {
            LOG.log(Level.WARNING, "internal error in " + (op == null ? "request" : op.toString()) + " from "
                    + identity, e);
        }

        void write() {
            LOG.log(Level.INFO, "KMIP " + (version == null ? "?" : version) + " " + identity + ": " + items);
        }
    }
}
