package dev.kmipjca.cli;

import dev.kmipjca.config.KmipSettingsException;
import dev.kmipjca.protocol.KmipException;
import dev.kmipjca.transport.BadResponseException;
import dev.kmipjca.transport.CredentialsException;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * What a command prints when it fails: one line, {@code kmip-jca keys create: KMIP Create failed: ...},
 * and exit code 1; the stack trace only with {@code --verbose}. Usage errors (exit code 2) are
 * picocli's {@code ParameterException}s and do not come here.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
    static final int EXIT_FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + describe(e));
        if (verbose(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return EXIT_FAILURE;
    }

    /** One line naming what went wrong; the exception's class only when its message alone would not say. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        boolean ours = e instanceof KmipException || e instanceof BadResponseException
                || e instanceof CredentialsException || e instanceof KmipSettingsException || e instanceof CommandFailure
                || (e instanceof IOException && e.getClass().getName().startsWith("dev.kmipjca."));
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName()
                : ours ? message : e.getClass().getSimpleName() + ": " + message;
        return text.replaceAll("\\s*\\R\\s*", "; ");
    }

    /** Whether {@code --verbose} was given to the command that ran. */
    static boolean verbose(ParseResult parsed) {
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        return leaf.hasMatchedOption("--verbose");
    }
}
