package dev.kmipjca.cli;

import dev.kmipjca.client.KmipClient;
import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.envelope.EnvelopeFormatException;
import dev.kmipjca.envelope.EnvelopeHeader;
import dev.kmipjca.envelope.KeyWrapException;
import dev.kmipjca.envelope.KeyWrapService;
import dev.kmipjca.envelope.KmipKeyWrapService;
import dev.kmipjca.envelope.MasterKeyStates;
import dev.kmipjca.envelope.StateCheckedKeyWrapService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kmip-jca rewrap}: re-wraps envelopes' data keys under the keystore's current master key. Only
 * the header changes; the body is streamed through byte for byte.
 */
@Command(name = "rewrap", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "Re-wraps envelopes' data keys under the keystore's current master key.",
        description = {"Reads each envelope's header, unwraps its data key under the master key the header names,"
            + " wraps it under the keystore's kmip.keyIdentifier and writes the new header followed by the"
            + " unchanged body. In place and in --dir mode each file is replaced atomically.",
            "Prints a summary: rewrapped, already current, failed. Exit status 1 when any file failed.", ""})
final class RewrapCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--out", paramLabel = "OUT", description = "With --in: write the re-wrapped envelope here.")
    Path out;

    static final class Target {
        @Option(names = "--in", paramLabel = "IN", required = true, description = "One envelope file.")
        Path in;

        @Option(names = "--dir", paramLabel = "DIR", required = true,
                description = "Every regular file under DIR, recursively, in place.")
        Path dir;
    }

    @Option(names = "--in-place", description = "With --in: replace IN atomically.")
    boolean inPlace;

    @Override
    public Integer call() throws Exception {
        if (target.in != null && (out == null) == !inPlace) {
            throw server.usage("with --in give exactly one of --out OUT and --in-place");
        }
        if (target.dir != null && (out != null || inPlace)) {
            throw server.usage("--dir rewraps in place; --out and --in-place go with --in");
        }
        KmipSettings settings = server.settings();
        String master = settings.keyIdentifier().strip();
        if (master.isEmpty()) {
            throw new CommandFailure("the keystore's kmip.keyIdentifier is empty: there is no master key to re-wrap under");
        }
        boolean fetch = settings.allowMasterKeyFetch();
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (KmipClient client = server.openClient(settings);
             KmipKeyWrapService wrap = new KmipKeyWrapService(client, fetch)) {
            Rewrapper r = new Rewrapper(new StateCheckedKeyWrapService(wrap, new MasterKeyStates(client,
                    settings.keyStatePollingSeconds(), Clock.systemUTC())), master);
            if (target.in != null) {
                boolean changed = inPlace ? r.inPlace(target.in) : r.copy(target.in, out);
                o.println((changed ? "rewrapped " : "already current (copied) ") + target.in
                        + (inPlace ? "" : " -> " + out) + " under master key " + master);
                o.flush();
                return 0;
            }
            List<Path> files;
            try (Stream<Path> s = Files.walk(target.dir)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            int rewrapped = 0;
            int current = 0;
            int failed = 0;
            boolean terminal = System.console() != null;
            for (int i = 0; i < files.size(); i++) {
                Path f = files.get(i);
                if (terminal) {
                    err.print("\r" + (i + 1) + "/" + files.size() + " " + f.getFileName());
                    err.flush();
                }
                try {
                    if (r.inPlace(f)) {
                        rewrapped++;
                    } else {
                        current++;
                    }
                } catch (IOException | GeneralSecurityException | KeyWrapException e) {
                    failed++;
                    err.println((terminal ? "\n" : "") + "failed: " + f + ": " + Failures.describe(e));
                }
            }
            if (terminal) {
                err.println();
            }
            o.printf("%d rewrapped, %d already current, %d failed (master key %s)%n", rewrapped, current, failed, master);
            o.flush();
            err.flush();
            return failed == 0 ? 0 : Failures.EXIT_FAILURE;
        }
    }

    /** Re-wraps one envelope stream to another; false when the header already names the master key. */
    record Rewrapper(KeyWrapService wrap, String master) {
        boolean rewrap(InputStream in, OutputStream out)
                throws IOException, EnvelopeFormatException, GeneralSecurityException, KeyWrapException {
            EnvelopeHeader h = EnvelopeHeader.read(in);
            boolean changed = !h.masterKeyId().equals(master);
            out.write((changed ? h.rewrap(wrap, master) : h).toByteArray());
            in.transferTo(out);
            return changed;
        }

        boolean copy(Path in, Path out)
                throws IOException, EnvelopeFormatException, GeneralSecurityException, KeyWrapException {
            try (InputStream i = Files.newInputStream(in)) {
                return AtomicFiles.write(out, os -> rewrap(i, os));
            }
        }

        /** Rewrites {@code file} atomically when its header names another master key. */
        boolean inPlace(Path file) throws IOException, EnvelopeFormatException, GeneralSecurityException, KeyWrapException {
            try (InputStream i = Files.newInputStream(file)) {
                EnvelopeHeader h = EnvelopeHeader.read(i);
                if (h.masterKeyId().equals(master)) {
                    return false;
                }
                EnvelopeHeader fresh = h.rewrap(wrap, master);
                return AtomicFiles.write(file, os -> {
                    os.write(fresh.toByteArray());
                    i.transferTo(os);
                    return true;
                });
            }
        }
    }
}
