package dev.kmipjca.jca;

import dev.kmipjca.client.ObjectSpec;
import dev.kmipjca.config.RetireOldMasterKey;
import dev.kmipjca.keystore.KeystoreContents;
import dev.kmipjca.keystore.KeystoreException;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.RevocationReasonCode;
import dev.kmipjca.protocol.State;
import dev.kmipjca.transport.BadResponseException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Master-key rotation of a keystore file: a new master key on the server (Re-key where the server
 * serves it, else Create with the old key's algorithm, length and usage mask and a new Name), the
 * keystore key re-wrapped under it (or, on request, replaced and every entry re-encrypted), the file
 * written atomically with the new {@code kmip.keyIdentifier} and the old key in its history, and only
 * then the old key retired as {@code kmip.retireOldMasterKey} says. See {@code docs/rotation.md}.
 */
public final class KeystoreRotation {
    private static final System.Logger LOG = System.getLogger("dev.kmipjca.jca");

    /** What a rotation did. {@code reKeyed}: the new key came from Re-key (else from Create). */
    public record Result(String oldMasterKeyId, String newMasterKeyId, boolean reKeyed, RetireOldMasterKey retired) {
        public Result {
            Objects.requireNonNull(oldMasterKeyId, "oldMasterKeyId");
            Objects.requireNonNull(newMasterKeyId, "newMasterKeyId");
        }
    }

    /** Retires the old master key; a seam for tests. */
    interface Retirer {
        void retire(ServerLink link, String oldId, String newId, RetireOldMasterKey how) throws IOException;
    }

    private KeystoreRotation() {
    }

    /**
     * Rotates the master key of an initialised keystore file and writes the file.
     *
     * @param password       the keystore password (decrypts an encrypted client key), or null
     * @param retire         what to do with the old key; null: the file's {@code kmip.retireOldMasterKey}
     * @param newKeystoreKey also replace the keystore key and re-encrypt every entry
     * @throws IOException naming what failed; when the old key's retirement fails the file is already rotated
     */
    public static Result rotate(Path keystore, char[] password, RetireOldMasterKey retire, boolean newKeystoreKey)
            throws IOException {
        return rotate(keystore, password, retire, newKeystoreKey, KeystoreRotation::retireOld);
    }

    static Result rotate(Path keystore, char[] password, RetireOldMasterKey retire, boolean newKeystoreKey,
            Retirer retirer) throws IOException {
        Path file = keystore.toAbsolutePath().normalize();
        Engines engines = new Engines(null);
        try {
            KeystoreLoader.Loaded l = KeystoreLoader.load(engines, KeystoreIo.read(file), file.getParent(), password, false);
            if (l.contents() == null) {
                throw new IOException(file + " is not initialised yet (no master key wraps it): load and store it once"
                        + " before rotating");
            }
            try (KeystoreContents c = l.contents()) {
                RetireOldMasterKey how = retire != null ? retire : l.settings().retireOldMasterKey();
                c.setting("kmip.rotateMasterKey").filter(v -> !v.isBlank())
                        .ifPresent(v -> c.setSetting("kmip.rotateMasterKey", "false"));
                return rotate(l.link(), c, file, how, newKeystoreKey, retirer);
            }
        } finally {
            engines.closeAll();
        }
    }

    /** The new master key made and the keystore key wrapped under it, in memory; nothing written yet. */
    record Prepared(String oldId, String newId, boolean reKeyed) {}

    /** Writes rotated contents: the file, atomically, or the caller's stream. */
    interface Writer {
        void write(KeystoreContents c) throws IOException;
    }

    /** Rotates {@code c}, writes it to {@code file} atomically, then retires the old key with {@code retirer}. */
    static Result rotate(ServerLink link, KeystoreContents c, Path file, RetireOldMasterKey retire,
            boolean newKeystoreKey, Retirer retirer) throws IOException {
        Prepared p = prepare(link, c, newKeystoreKey);
        c.writeAtomically(file);
        return finish(link, p, file.toString(), retire, retirer);
    }

    /**
     * Steps 1 and 2: a new master key on the server, and the keystore key wrapped under it (or replaced,
     * every entry re-encrypted). On failure {@code c} is unchanged (at worst an unused key is left on the server).
     */
    static Prepared prepare(ServerLink link, KeystoreContents c, boolean newKeystoreKey) throws IOException {
        String oldId = c.masterKeyId();
        boolean[] reKeyed = new boolean[1];
        String newId = newMasterKey(link, oldId, reKeyed);
        try {
            if (newKeystoreKey) {
                c.rotateKeystoreKey(link.checkedWrapService, newId);
            } else {
                c.rewrap(link.checkedWrapService, newId);
            }
        } catch (KeystoreException e) {
            throw new IOException("created master key " + newId + " on " + link.serversText() + " but could not wrap"
                    + " the keystore key under it (the keystore still uses " + oldId + "): " + e.getMessage(), e);
        }
        return new Prepared(oldId, newId, reKeyed[0]);
    }

    /** Step 4, once the rotated keystore is written to {@code where}: the old key retired as {@code how} says. */
    static Result finish(ServerLink link, Prepared p, String where, RetireOldMasterKey how, Retirer retirer)
            throws IOException {
        LOG.log(System.Logger.Level.INFO, "rotated " + where + " from master key " + p.oldId() + " to " + p.newId()
                + " on " + link.serversText() + (p.reKeyed() ? " (Re-key)" : " (Create)"));
        retirer.retire(link, p.oldId(), p.newId(), how);
        return new Result(p.oldId(), p.newId(), p.reKeyed(), how);
    }

    /**
     * Retires with {@link #retireOld}, but a failure is one WARNING instead of an exception: used where the
     * rotation was not asked for by a call that can report it (rotate-on-load, a store that rotates), since
     * the keystore is already rotated and written. The old key is left as the failed request left it.
     */
    static Retirer warningOnFailure() {
        return (link, oldId, newId, how) -> {
            try {
                retireOld(link, oldId, newId, how);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, e.getMessage());
            }
        };
    }

    /** Re-key when the server serves it, else Create like the old key; the new key is Active. */
    static String newMasterKey(ServerLink link, String oldId, boolean[] reKeyed) throws IOException {
        boolean activate = link.settings.activateKeys();
        if (servesReKey(link)) {
            try {
                String id = link.client.reKey(oldId);
                reKeyed[0] = true;
                State s = link.client.getAttributes(id, "State").get(AttributeKey.STATE);
                if (State.PRE_ACTIVE.equals(s)) {
                    activateOrExplain(link, id, activate);
                }
                LOG.log(System.Logger.Level.INFO, "re-keyed master key " + oldId + " to " + id + " on " + link.serversText());
                return id;
            } catch (KmipResultException.OperationNotSupported e) {
                LOG.log(System.Logger.Level.DEBUG, "Re-key not served after all; creating the new master key");
            } catch (KmipResultException | BadResponseException e) {
                throw new IOException("could not re-key master key " + oldId + " on " + link.serversText() + ": "
                        + e.getMessage(), e);
            }
        }
        Attributes a;
        try {
            a = link.client.getAttributes(oldId, "Cryptographic Algorithm", "Cryptographic Length",
                    "Cryptographic Usage Mask");
        } catch (KmipResultException | BadResponseException e) {
            throw new IOException("could not read the attributes of master key " + oldId + " on " + link.serversText()
                    + ": " + e.getMessage(), e);
        }
        CryptographicAlgorithm alg = a.get(AttributeKey.CRYPTOGRAPHIC_ALGORITHM);
        Integer bits = a.get(AttributeKey.CRYPTOGRAPHIC_LENGTH);
        Integer mask = a.get(AttributeKey.CRYPTOGRAPHIC_USAGE_MASK);
        String name = MasterKeys.newName("master");
        String id;
        try {
            id = link.client.create(alg == null ? CryptographicAlgorithm.AES : alg, bits == null ? 256 : bits,
                    ObjectSpec.of(name, mask == null ? MasterKeys.KEK_MASK : mask));
        } catch (KmipResultException | BadResponseException e) {
            throw new IOException("could not create the new master key on " + link.serversText() + ": " + e.getMessage(), e);
        }
        activateOrExplain(link, id, activate);
        LOG.log(System.Logger.Level.INFO, "created master key " + id + " (Name \"" + name + "\") to replace " + oldId
                + " on " + link.serversText());
        return id;
    }

    private static boolean servesReKey(ServerLink link) {
        try {
            return link.client.probeReKey();
        } catch (KmipResultException | IOException | BadResponseException | RuntimeException e) {
            return false;
        }
    }

    private static void activateOrExplain(ServerLink link, String id, boolean activate) throws IOException {
        if (!activate) {
            throw new IOException("the new master key " + id + " on " + link.serversText() + " is Pre-Active and"
                    + " kmip.activateKeys=false: activate it on the server, then rotate again; the keystore is unchanged");
        }
        try {
            link.client.activate(id);
        } catch (KmipResultException | BadResponseException e) {
            throw new IOException("created master key " + id + " but could not activate it on " + link.serversText()
                    + "; the keystore is unchanged: " + e.getMessage(), e);
        }
    }

    /** keep: nothing; deactivate: Revoke (Cessation of Operation); destroy: Revoke, then Destroy. */
    static void retireOld(ServerLink link, String oldId, String newId, RetireOldMasterKey how) throws IOException {
        if (how == RetireOldMasterKey.KEEP) {
            return;
        }
        try {
            link.client.revoke(oldId, RevocationReasonCode.CESSATION_OF_OPERATION, "kmip-jca: rotated to " + newId, null);
            if (how == RetireOldMasterKey.DESTROY) {
                link.client.destroy(oldId);
            }
            LOG.log(System.Logger.Level.INFO, (how == RetireOldMasterKey.DESTROY ? "revoked and destroyed" : "revoked")
                    + " the old master key " + oldId + " on " + link.serversText());
        } catch (KmipResultException | BadResponseException | IOException e) {
            throw retirementFailed(oldId, newId, how, e);
        }
    }

    static IOException retirementFailed(String oldId, String newId, RetireOldMasterKey how, Exception e) {
        return new IOException("the keystore is rotated to master key " + newId + " and written, but retiring the old"
                + " master key " + oldId + " (kmip.retireOldMasterKey=" + how.settingValue() + ") failed: "
                + e.getMessage() + "; retire it on the server by hand (java -jar kmip-jca.jar keys revoke/destroy)", e);
    }
}
