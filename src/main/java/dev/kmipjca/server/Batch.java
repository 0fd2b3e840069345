package dev.kmipjca.server;

import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.UniqueId;
import dev.kmipjca.protocol.UniqueIdentifierPlaceholder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * The state one request message's batch items share: the version, the client, the store, the
 * current time, and the ID Placeholder. The placeholder is per batch (unlike PyKMIP, whose
 * placeholder is global): an item whose payload omits the Unique Identifier (or, in KMIP 2.x, gives
 * the ID Placeholder enumeration) uses the identifier of the previous successful item of the same
 * message; the 2.x enumerations Create, Register, Re-key and Locate name the identifier that the
 * last such operation of the batch produced.
 */
final class Batch {
    final ProtocolVersion version;
    final Identity identity;
    final ObjectStore store;
    final ServerInfo info;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private String placeholder;
    private final Map<UniqueIdentifierPlaceholder, String> produced = new HashMap<>();

    Batch(ProtocolVersion version, Identity identity, ObjectStore store, ServerInfo info) {
        this.version = version;
        this.identity = identity;
        this.store = store;
        this.info = info;
    }

    /** The time of this request, in whole seconds (the resolution of a Date-Time). */
    Instant now() {
        return now;
    }

    /** The identifier an item refers to: its own, or the placeholder's. */
    String resolve(UniqueId id) {
        if (id == null || UniqueIdentifierPlaceholder.ID_PLACEHOLDER.equals(id.placeholder())) {
            if (placeholder == null) {
                throw KmipFailure.missing("no Unique Identifier, and no earlier item of this batch produced one");
            }
            return placeholder;
        }
        if (id.isText()) {
            return id.text();
        }
        if (id.placeholder() != null) {
            String uid = produced.get(id.placeholder());
            if (uid == null) {
                throw KmipFailure.missing("no earlier " + id.placeholder() + " in this batch produced an identifier");
            }
            return uid;
        }
        throw KmipFailure.invalidField("Unique Identifier as a batch index (Integer) is not supported; send the"
                + " text identifier or an ID Placeholder");
    }

    /** The object {@code id} names, if this client may see it; brings date-driven state changes up to date. */
    StoredObject object(UniqueId id) {
        String uid = resolve(id);
        StoredObject o = store.get(uid);
        if (o == null || !o.visibleTo(identity)) {
            throw KmipFailure.notFound(uid);
        }
        return Lifecycle.isDue(o, now) ? store.update(uid, x -> Lifecycle.applyDates(x, now)) : o;
    }

    /** Records the identifier an item produced or acted on, for later items of the batch. */
    void produced(Operation op, String uid) {
        placeholder = uid;
        UniqueIdentifierPlaceholder p = op.equals(Operation.CREATE) ? UniqueIdentifierPlaceholder.CREATE
                : op.equals(Operation.REGISTER) ? UniqueIdentifierPlaceholder.REGISTER
                : op.equals(Operation.REKEY) ? UniqueIdentifierPlaceholder.REKEY
                : op.equals(Operation.LOCATE) ? UniqueIdentifierPlaceholder.LOCATE : null;
        if (p != null) {
            produced.put(p, uid);
        }
    }
}
