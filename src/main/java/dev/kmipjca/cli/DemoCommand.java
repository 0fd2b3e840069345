package dev.kmipjca.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kmip-jca demo}: the whole story against an in-process development server, in seconds. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "The whole story against an embedded KMIP server, in seconds.",
        description = {"Shows kmip-jca end to end in a few seconds, with nothing but a JDK: starts the development"
            + " KMIP server in a temporary directory on a free loopback port, connects to it with the client.kmip it"
            + " generated, creates a master key on the server, wraps a locally generated data key with it on the"
            + " server, encrypts a message locally with AES-256-GCM, unwraps and decrypts, encrypts with KmipEnvelopes,"
            + " rotates a KMIP keystore file's master key with KmipRotation (Re-key; the old key stays in the file's"
            + " history), re-wraps an envelope made before the rotation (only its header changes), then stops the"
            + " server and removes the files.",
            "Every step checks its result; the exit status is 0 only when all passed.", ""})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--keep", description = "Keep the temporary directory (certificates, client.kmip, app.kmip,"
            + " the wrapped data key, the encrypted message, the envelope) and print its path.")
    boolean keep;

    @Option(names = {"-v", "--verbose"}, description = "Show the server's request log and stack traces of failures.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        Logger quiet = Logger.getLogger("dev.kmipjca");
        Level before = quiet.getLevel();
        if (!verbose) {
            quiet.setLevel(Level.WARNING);
        }
        try {
            Path dir = Files.createTempDirectory("kmip-jca-demo-");
            var out = spec.commandLine().getOut();
            out.println("kmip-jca demo: master key on a KMIP server, data encrypted locally. Working in " + dir);
            return Demo.run(DemoSteps.story(), DemoSteps.closing(), new DemoContext(dir, keep), out, verbose);
        } finally {
            quiet.setLevel(before);
        }
    }
}
