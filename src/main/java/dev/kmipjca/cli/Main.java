package dev.kmipjca.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar kmip-jca.jar <command>}. Each command is a small class of its own, listed in
 * {@link #commands()}; add new ones there. Exit codes: 0 success, 1 failure (one line on standard
 * error, see {@link Failures}), 2 usage error (unknown option, missing or bad argument, no command).
 */
@Command(name = "kmip-jca", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A JCA provider whose master keys live on a KMIP server.%n",
        commandListHeading = "%nCommands:%n",
        footer = "%nRun 'kmip-jca COMMAND --help' for the options of a command.")
public final class Main implements Callable<Integer> {
    /** Set by {@link #main}: the process exists only for the command, so signals end it with status 0. */
    static volatile boolean standalone;

    @Spec
    CommandSpec spec;

    /** The subcommands, in the order --help lists them. */
    static List<Object> commands() {
        return List.of(new DemoCommand(), new ServerCommand(), new CheckCommand(), new KeysCommand(),
                new FileCrypt.Encrypt(), new FileCrypt.Decrypt(), new RotateCommand(), new RewrapCommand());
    }

    /**
     * The subcommands to build: only the one named by the first argument when there is one (picocli
     * builds a command's whole model by reflection, which costs a short run about a tenth of a second
     * per command), else all of them, for the top-level usage and its errors.
     */
    static List<Object> selected(String[] args) {
        List<Object> all = commands();
        if (args.length > 0) {
            for (Object c : all) {
                if (c.getClass().getAnnotation(Command.class).name().equals(args[0])) {
                    return List.of(c);
                }
            }
        }
        return all;
    }

    public static void main(String[] args) {
        standalone = true;
        if (args.length > 0 && !"server".equals(args[0])) {
            Preload.start(args); // a second core loads what the command will need while picocli parses
        }
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command line and returns its exit code; output goes to {@code out}, messages to {@code err}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, with {@code in} as standard input ({@code -}). */
    static int run(String[] args, java.io.InputStream in, PrintStream out, PrintStream err) {
        FileCrypt.STDIO.set(new FileCrypt.Stdio(in, out));
        try {
            return execute(args, out, err);
        } finally {
            FileCrypt.STDIO.remove();
        }
    }

    private static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cmd = new CommandLine(new Main());
        for (Object c : selected(args)) {
            cmd.addSubcommand(c);
        }
        addKmipFlags(cmd);
        cmd.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cmd.setExecutionExceptionHandler(new Failures());
        return cmd.execute(args);
    }

    /** Gives every command that mixes in {@link ServerOptions} its {@code --kmip*} flags. */
    private static void addKmipFlags(CommandLine cmd) {
        for (CommandLine.Model.CommandSpec mixin : cmd.getCommandSpec().mixins().values()) {
            if (mixin.userObject() instanceof ServerOptions options) {
                ServerOptions.addKmipFlags(cmd.getCommandSpec(), options);
            }
        }
        cmd.getSubcommands().values().forEach(Main::addKmipFlags);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"kmip-jca " + (v == null ? "development build" : v)};
        }
    }
}
