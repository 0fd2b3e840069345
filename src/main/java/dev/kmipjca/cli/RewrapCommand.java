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
import java.util.function.BooleanSupplier;
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
            + " unchanged body. In place and in --dir mode each file is replaced atomically (flushed, renamed,"
            + " directory flushed; permissions kept; symbolic links kept and their files replaced), or not at all"
            + " where the file system cannot rename atomically.",
            "--dir shows a progress bar when standard error is a terminal (not with --quiet) and prints a summary:"
            + " rewrapped, already current, failed. Exit status 1 when any file failed.", ""})
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
                description = "Every regular file under DIR, recursively, in place (a symbolic link: the file it"
                        + " points to, once; leftover temporary files of ours, .NAME.N.tmp and .NAME.N.part, skipped).")
        Path dir;
    }

    @Option(names = "--in-place", description = "With --in: replace IN atomically.")
    boolean inPlace;

    @Option(names = {"-q", "--quiet"}, description = "With --dir: no progress bar.")
    boolean quiet;

    /** Whether standard error is a terminal (the progress bar); replaced in tests. */
    BooleanSupplier terminal = Terminal::stderrIsTerminal;
    /** The file-system steps of in-place writes; replaced in tests. */
    AtomicFiles.Steps steps = AtomicFiles.REAL;

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
                    settings.keyStatePollingSeconds(), Clock.systemUTC())), master, steps);
            if (target.in != null) {
                boolean changed = inPlace ? r.inPlace(target.in) : r.copy(target.in, out);
                o.println((changed ? "rewrapped " : "already current (copied) ") + target.in
                        + (inPlace ? "" : " -> " + out) + " under master key " + master);
                o.flush();
                return 0;
            }
            return directory(r, o, err);
        }
    }

    /** {@code --dir}: every regular file under it, in place, with a progress bar and a summary. */
    private int directory(Rewrapper r, PrintWriter o, PrintWriter err) throws IOException {
        Listing files = Listing.of(target.dir);
        int rewrapped = 0;
        int current = 0;
        int failed = 0;
        Progress p = Progress.forFiles(files.files().size(), quiet, terminal.getAsBoolean(), err, System::nanoTime);
        for (Path f : files.files()) {
            try {
                if (r.inPlace(f)) {
                    rewrapped++;
                } else {
                    current++;
                }
            } catch (IOException | GeneralSecurityException | KeyWrapException e) {
                failed++;
                p.clear();
                err.println("failed: " + f + ": " + Failures.describe(e));
                err.flush();
            }
            p.advance(1);
        }
        p.done();
        int skipped = files.temporary();
        o.printf("%d rewrapped, %d already current, %d failed%s (master key %s)%n", rewrapped, current, failed,
                skipped == 0 ? "" : ", " + skipped + " temporary file" + (skipped == 1 ? "" : "s") + " skipped",
                r.master());
        o.flush();
        err.flush();
        return failed == 0 ? 0 : Failures.EXIT_FAILURE;
    }

    /**
     * The files {@code --dir} rewraps: regular files (and symbolic links to them: the file linked to is
     * rewrapped, once however many links name it), sorted, without the temporary files that an interrupted
     * write of ours left ({@link AtomicFiles#isTemporary}), which are counted instead.
     */
    record Listing(List<Path> files, int temporary) {
        static Listing of(Path dir) throws IOException {
            List<Path> all;
            try (Stream<Path> s = Files.walk(dir)) {
                all = s.filter(Files::isRegularFile).sorted().toList();
            }
            List<Path> files = new java.util.ArrayList<>();
            java.util.Set<Path> seen = new java.util.HashSet<>();
            int temporary = 0;
            for (Path f : all) {
                if (AtomicFiles.isTemporary(f)) {
                    temporary++;
                } else if (seen.add(f.toRealPath())) {
                    files.add(f);
                }
            }
            return new Listing(List.copyOf(files), temporary);
        }
    }

    /** Re-wraps one envelope stream to another; false when the header already names the master key. */
    record Rewrapper(KeyWrapService wrap, String master, AtomicFiles.Steps steps) {
        Rewrapper(KeyWrapService wrap, String master) {
            this(wrap, master, AtomicFiles.REAL);
        }

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
                return AtomicFiles.write(out, os -> rewrap(i, os), steps);
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
                }, steps);
            }
        }
    }
}
