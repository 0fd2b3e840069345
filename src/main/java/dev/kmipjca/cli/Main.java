package dev.kmipjca.cli;

import java.io.PrintStream;

/** {@code java -jar kmip-jca.jar <command>}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.println("Usage: java -jar kmip-jca.jar <command> [options]");
            out.println();
            out.println("kmip-jca: a JCA provider whose master keys live on a KMIP server.");
            out.println("Commands arrive with the client, server and keystore; see README.md.");
            return args.length == 0 ? 2 : 0;
        }
        err.println("Unknown command: " + args[0]);
        err.println("Run with --help for the list of commands.");
        return 2;
    }
}
