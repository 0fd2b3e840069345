package dev.kmipjca.jca;

import dev.kmipjca.client.ObjectSpec;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.CryptographicUsageMask;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.ObjectType;
import dev.kmipjca.protocol.State;
import dev.kmipjca.transport.BadResponseException;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** Creating and checking master keys and other keys on the server. */
final class MasterKeys {
    static final int KEK_MASK = CryptographicUsageMask.ENCRYPT | CryptographicUsageMask.DECRYPT
            | CryptographicUsageMask.WRAP_KEY | CryptographicUsageMask.UNWRAP_KEY;
    private static final System.Logger LOG = System.getLogger("dev.kmipjca.jca");
    private static final SecureRandom RANDOM = new SecureRandom();

    private MasterKeys() {
    }

    /** "kmip-jca master 2026-11-27T22:03:03Z 9f3a01bc". */
    static String newName(String kind) {
        byte[] r = new byte[4];
        RANDOM.nextBytes(r);
        return "kmip-jca " + kind + " " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + HexFormat.of().formatHex(r);
    }

    /**
     * Creates an AES key (usage Encrypt, Decrypt, Wrap Key, Unwrap Key) and activates it when
     * {@code activate}; returns its Unique Identifier.
     */
    static String create(ServerLink link, String name, int bits, boolean activate) throws IOException {
        String uid;
        try {
            uid = link.client.create(CryptographicAlgorithm.AES, bits, ObjectSpec.of(name, KEK_MASK));
        } catch (KmipResultException | BadResponseException e) {
            throw new IOException("could not create an AES-" + bits + " key on the KMIP server " + link.serversText()
                    + ": " + e.getMessage(), e);
        }
        if (activate) {
            try {
                link.client.activate(uid);
                link.states.observed(uid, State.ACTIVE.toString()); // its first encryption reads no State
            } catch (KmipResultException | BadResponseException e) {
                throw new IOException("created key " + uid + " (Name " + name + ") but could not activate it on "
                        + link.serversText() + ": " + e.getMessage(), e);
            }
        }
        LOG.log(System.Logger.Level.INFO, "created " + (activate ? "and activated " : "") + "AES-" + bits + " key " + uid
                + " (Name \"" + name + "\") on " + link.serversText());
        return uid;
    }

    /** Checks that {@code id} names an Active AES symmetric key, with a message that says what is wrong. */
    static void requireActiveAes(ServerLink link, String id) throws IOException {
        Attributes a;
        try {
            a = link.client.getAttributes(id, "Object Type", "Cryptographic Algorithm", "State");
        } catch (KmipResultException.ItemNotFound e) {
            throw new IOException("kmip.keyIdentifier=" + id + ": the KMIP server " + link.serversText()
                    + " has no such key (or this client may not use it): " + e.getMessage(), e);
        } catch (KmipResultException | BadResponseException e) {
            throw new IOException("kmip.keyIdentifier=" + id + ": could not read the key's attributes on "
                    + link.serversText() + ": " + e.getMessage(), e);
        }
        ObjectType type = a.get(AttributeKey.OBJECT_TYPE);
        CryptographicAlgorithm alg = a.get(AttributeKey.CRYPTOGRAPHIC_ALGORITHM);
        State state = a.get(AttributeKey.STATE);
        if (state != null) {
            link.states.observed(id, state.toString());
        }
        if (!ObjectType.SYMMETRIC_KEY.equals(type) || !CryptographicAlgorithm.AES.equals(alg)) {
            throw new IOException("kmip.keyIdentifier=" + id + " names a " + type + " (" + alg + ") on "
                    + link.serversText() + "; the master key must be an AES symmetric key");
        }
        if (!State.ACTIVE.equals(state)) {
            throw new IOException("kmip.keyIdentifier=" + id + " is " + state + " on " + link.serversText()
                    + "; the master key must be Active (activate it on the server, or use another key)");
        }
    }

    /** The key's Initial Date, or null when it cannot be read. */
    static Instant initialDate(ServerLink link, String id) {
        try {
            return link.client.getAttributes(id, "Initial Date").get(AttributeKey.INITIAL_DATE);
        } catch (KmipResultException | IOException | BadResponseException | RuntimeException e) {
            return null;
        }
    }
}
