package dev.kmipjca.cli;

import dev.kmipjca.client.KmipClient;
import dev.kmipjca.client.LocateFilter;
import dev.kmipjca.protocol.Attribute;
import dev.kmipjca.protocol.Attributes;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kmip-jca keys show UID | --name NAME}: every attribute of a key. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "Prints the attributes of a key.",
        description = {"Prints every attribute of the key with this Unique Identifier, or of each key with this"
            + " Name (Get Attributes). Never prints key material.", ""})
final class KeysShow implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Parameters(arity = "0..1", paramLabel = "UID", description = "The key's Unique Identifier.")
    String uid;

    @Option(names = "--name", paramLabel = "NAME", description = "Show the keys with this Name instead.")
    String name;

    @Override
    public Integer call() throws Exception {
        if ((uid == null) == (name == null)) {
            throw server.usage("give either a UID or --name NAME");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (KmipClient client = server.openClient()) {
            List<String> ids = uid != null ? List.of(uid) : client.locate(LocateFilter.byName(name)).uniqueIdentifiers();
            if (ids.isEmpty()) {
                throw new CommandFailure("no key named \"" + name + "\" (or none this client may see)");
            }
            for (int i = 0; i < ids.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                Attributes attributes = client.getAttributes(ids.get(i));
                out.println("key " + ids.get(i));
                for (Attribute a : attributes) {
                    out.println("  " + AttributeText.line(a));
                }
            }
        }
        out.flush();
        return 0;
    }
}
