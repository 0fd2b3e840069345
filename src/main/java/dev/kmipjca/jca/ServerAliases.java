package dev.kmipjca.jca;

import dev.kmipjca.client.LocateFilter;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.ObjectType;
import dev.kmipjca.transport.BadResponseException;
import java.io.IOException;
import java.security.UnrecoverableKeyException;
import java.util.List;
import java.util.Locale;

/**
 * The reserved aliases that name keys on the server rather than entries of the file:
 * <ul>
 *   <li>{@code kmip:master}: the keystore's master key (listed by {@code aliases()});</li>
 *   <li>{@code kmip:uid:<Unique Identifier>}: any AES key on the server, by identifier (not listed);</li>
 *   <li>{@code kmip:name:<Name>}: any AES key on the server, by its Name attribute (not listed; Locate).</li>
 * </ul>
 * The prefixes are case-insensitive; the identifier and name after them are used as written. Aliases
 * starting with {@code kmip:} cannot be used for stored entries.
 */
final class ServerAliases {
    static final String PREFIX = "kmip:";
    static final String MASTER = "kmip:master";
    static final String UID = "kmip:uid:";
    static final String NAME = "kmip:name:";

    private ServerAliases() {
    }

    static boolean isReserved(String alias) {
        return alias.toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    static boolean isMaster(String alias) {
        return alias.equalsIgnoreCase(MASTER);
    }

    /**
     * The handle a reserved alias names, or null when there is no such key (or the alias is not one of
     * the three forms).
     *
     * @throws UnrecoverableKeyException when the key exists but is not an AES symmetric key, a name
     *                                   matches several keys, or the server cannot be asked
     */
    static ServerKeyHandle resolve(ServerLink link, String masterKeyId, String alias) throws UnrecoverableKeyException {
        String lower = alias.toLowerCase(Locale.ROOT);
        if (isMaster(alias)) {
            return masterKeyId == null ? null : new ServerKeyHandle(masterKeyId, "AES", 0, link);
        }
        String uid;
        if (lower.startsWith(UID) && alias.length() > UID.length()) {
            uid = alias.substring(UID.length());
        } else if (lower.startsWith(NAME) && alias.length() > NAME.length()) {
            uid = locate(link, alias.substring(NAME.length()), alias);
            if (uid == null) {
                return null;
            }
        } else {
            return null;
        }
        return byUid(link, uid, alias);
    }

    private static String locate(ServerLink link, String name, String alias) throws UnrecoverableKeyException {
        List<String> ids;
        try {
            ids = link.client.locate(LocateFilter.builder().name(name).objectType(ObjectType.SYMMETRIC_KEY).build())
                    .uniqueIdentifiers();
        } catch (KmipResultException | IOException | BadResponseException e) {
            throw unrecoverable(alias + ": could not look the name up on " + link.serversText() + ": " + e.getMessage(), e);
        }
        if (ids.size() > 1) {
            throw new UnrecoverableKeyException(alias + ": " + ids.size() + " keys on " + link.serversText()
                    + " have this name (" + String.join(", ", ids) + "); use kmip:uid:<identifier>");
        }
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static ServerKeyHandle byUid(ServerLink link, String uid, String alias) throws UnrecoverableKeyException {
        Attributes a;
        try {
            a = link.client.getAttributes(uid, "Object Type", "Cryptographic Algorithm", "Cryptographic Length");
        } catch (KmipResultException.ItemNotFound e) {
            return null;
        } catch (KmipResultException | IOException | BadResponseException e) {
            throw unrecoverable(alias + ": could not read the key's attributes on " + link.serversText() + ": "
                    + e.getMessage(), e);
        }
        ObjectType type = a.get(AttributeKey.OBJECT_TYPE);
        CryptographicAlgorithm alg = a.get(AttributeKey.CRYPTOGRAPHIC_ALGORITHM);
        if (!ObjectType.SYMMETRIC_KEY.equals(type) || !CryptographicAlgorithm.AES.equals(alg)) {
            throw new UnrecoverableKeyException(alias + " is a " + type + " (" + alg + ") on " + link.serversText()
                    + "; only AES symmetric keys can be used through key handles");
        }
        Integer bits = a.get(AttributeKey.CRYPTOGRAPHIC_LENGTH);
        return new ServerKeyHandle(uid, "AES", bits == null ? 0 : bits, link);
    }

    private static UnrecoverableKeyException unrecoverable(String message, Exception cause) {
        UnrecoverableKeyException e = new UnrecoverableKeyException(message);
        e.initCause(cause);
        return e;
    }
}
