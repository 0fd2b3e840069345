package dev.kmipjca.cli;

import static dev.kmipjca.protocol.CryptographicUsageMask.DECRYPT;
import static dev.kmipjca.protocol.CryptographicUsageMask.ENCRYPT;
import static dev.kmipjca.protocol.CryptographicUsageMask.UNWRAP_KEY;
import static dev.kmipjca.protocol.CryptographicUsageMask.WRAP_KEY;

import dev.kmipjca.client.KmipClient;
import dev.kmipjca.client.ObjectSpec;
import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kmip-jca keys create --name NAME}: a new AES key on the server; prints its Unique Identifier. */
@Command(name = "create", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "Creates an AES key on the server and prints its Unique Identifier.",
        description = {"Creates an AES key on the server (usage Encrypt, Decrypt, Wrap Key, Unwrap Key: a master key)"
            + " and activates it, unless --no-activate is given or kmip.activateKeys is false.",
            "Prints the new key's Unique Identifier alone on standard output.", ""})
final class KeysCreate implements Callable<Integer> {
    static final int MASTER_KEY_USAGE = ENCRYPT | DECRYPT | WRAP_KEY | UNWRAP_KEY;

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The key's Name attribute.")
    String name;

    @Option(names = "--size", paramLabel = "BITS", defaultValue = "256",
            description = "Key length: 128, 192 or 256 bits (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--no-activate", description = "Leave the key Pre-Active.")
    boolean noActivate;

    @Override
    public Integer call() throws Exception {
        if (size != 128 && size != 192 && size != 256) {
            throw server.usage("--size must be 128, 192 or 256, not " + size);
        }
        if (name.isBlank()) {
            throw server.usage("--name must not be empty");
        }
        KmipSettings settings = server.settings();
        PrintWriter out = spec.commandLine().getOut();
        try (KmipClient client = server.openClient(settings)) {
            String uid = client.create(CryptographicAlgorithm.AES, size, ObjectSpec.of(name, MASTER_KEY_USAGE));
            out.println(uid);
            out.flush();
            boolean activate = !noActivate && settings.activateKeys();
            if (activate) {
                client.activate(uid);
            }
            spec.commandLine().getErr().println("created AES-" + size + " key \"" + name + "\" ("
                    + (activate ? "Active" : "Pre-Active") + ")");
        }
        return 0;
    }
}
