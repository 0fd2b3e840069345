package dev.kmipjca.cli;

import dev.kmipjca.KmipRotation;
import dev.kmipjca.config.RetireOldMasterKey;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kmip-jca rotate --keystore FILE}: rotates the keystore's master key (see docs/rotation.md). */
@Command(name = "rotate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "Rotates the master key of a KMIP keystore file.",
        description = {"Makes a new master key on the server (Re-key where the server serves it, else Create like the"
            + " old key), re-wraps the keystore key under it, writes the file atomically with the new"
            + " kmip.keyIdentifier and the old key in its history, and only then retires the old key"
            + " (--retire, default: the file's kmip.retireOldMasterKey, itself keep by default).",
            "Prints: rotated FILE from master key OLD to NEW.", ""})
final class RotateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Option(names = "--retire", paramLabel = "keep|deactivate|destroy", converter = RetireConverter.class,
            description = "What to do with the old master key once the file is written: keep (old ciphertexts decrypt),"
                    + " deactivate (Revoke, Cessation of Operation) or destroy (Revoke, then Destroy).")
    RetireOldMasterKey retire;

    @Option(names = "--new-keystore-key", description = "Also replace the keystore key and re-encrypt every entry.")
    boolean newKeystoreKey;

    @Override
    public Integer call() throws Exception {
        if (server.keystore == null) {
            throw server.usage("rotate needs --keystore FILE");
        }
        server.settings(); // the file's settings checked, --kmipRotateMasterKey refused
        if (!server.flags.isEmpty()) {
            // KmipRotation loads the keystore from its file, with the file's settings: a flag would be ignored
            throw server.usage("rotate uses the keystore file's kmip.* settings as written, so "
                    + String.join(", ", server.flags.keySet()) + " would not be applied; edit the file's settings"
                    + " instead (the old key's retirement is --retire)");
        }
        char[] pw = server.password();
        try {
            KmipRotation.Result r = KmipRotation.rotate(server.keystore, pw,
                    new KmipRotation.Options(retire, newKeystoreKey));
            spec.commandLine().getOut().printf("rotated %s from master key %s to %s (%s; old key: %s)%n",
                    server.keystore, r.oldMasterKeyId(), r.newMasterKeyId(), r.reKeyed() ? "Re-key" : "Create",
                    r.retired().settingValue());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IOException e) {
            throw new CommandFailure(e.getMessage());
        } finally {
            if (pw != null) {
                Arrays.fill(pw, '\0');
            }
        }
    }

    static final class RetireConverter implements picocli.CommandLine.ITypeConverter<RetireOldMasterKey> {
        @Override
        public RetireOldMasterKey convert(String value) {
            try {
                return RetireOldMasterKey.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "': " + e.getMessage());
            }
        }
    }
}
