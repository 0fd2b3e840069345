package dev.kmipjca;

import dev.kmipjca.config.RetireOldMasterKey;
import dev.kmipjca.jca.KeystoreRotation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Rotates the master key of a KMIP keystore file, online: a new master key on the server (Re-key where
 * served, else Create like the old key), the keystore key re-wrapped under it, the file written
 * atomically, and then the old key retired as asked. Every entry and every envelope made under the old
 * key stays readable as long as the old key can decrypt on the server. See {@code docs/rotation.md}.
 *
 * <pre>{@code
 * KmipRotation.Result r = KmipRotation.rotate(Path.of("app.kmip"), password, KmipRotation.Options.defaults());
 * }</pre>
 */
public final class KmipRotation {
    private KmipRotation() {
    }

    /**
     * @param retire         what to do with the old master key once the file is written; null: the file's
     *                       {@code kmip.retireOldMasterKey} (default {@code keep})
     * @param newKeystoreKey also replace the keystore key and re-encrypt every entry under the new one
     */
    public record Options(RetireOldMasterKey retire, boolean newKeystoreKey) {
        /** The file's retirement setting, the same keystore key. */
        public static Options defaults() {
            return new Options(null, false);
        }
    }

    /** The master key before and after, whether Re-key made the new one, and what was done with the old one. */
    public record Result(String oldMasterKeyId, String newMasterKeyId, boolean reKeyed, RetireOldMasterKey retired) {
    }

    /**
     * Rotates the keystore file's master key.
     *
     * @param password the keystore password (decrypts an encrypted client key), or null
     * @throws IOException naming what failed. Before the file is written nothing changes but a new, unused key
     *                     on the server; when only the retirement fails, the file is already rotated
     */
    public static Result rotate(Path keystore, char[] password, Options options) throws IOException {
        Objects.requireNonNull(keystore, "keystore");
        Options o = options == null ? Options.defaults() : options;
        KeystoreRotation.Result r = KeystoreRotation.rotate(keystore, password, o.retire(), o.newKeystoreKey());
        return new Result(r.oldMasterKeyId(), r.newMasterKeyId(), r.reKeyed(), r.retired());
    }
}
