package dev.kmipjca.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kmip-jca keys}: the keys on the KMIP server (list, create, show, activate, revoke, destroy). */
@Command(name = "keys", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "Lists, creates, shows, activates, revokes and destroys keys on the KMIP server.",
        description = {"Manages keys on the KMIP server: the objects the client identity owns (or may see).",
            "Each subcommand takes --keystore FILE and/or the --kmip* flags; run 'kmip-jca keys COMMAND --help'.", ""},
        commandListHeading = "%nCommands:%n",
        subcommands = {KeysList.class, KeysCreate.class, KeysShow.class, KeysLifecycle.Activate.class,
            KeysLifecycle.Revoke.class, KeysLifecycle.Destroy.class})
final class KeysCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
