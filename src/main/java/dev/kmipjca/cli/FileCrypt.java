package dev.kmipjca.cli;

import dev.kmipjca.KmipEnvelopes;
import dev.kmipjca.client.KmipClient;
import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.envelope.BulkProviderChoice;
import dev.kmipjca.envelope.Envelope;
import dev.kmipjca.envelope.KeyWrapException;
import dev.kmipjca.envelope.OverlappedEncryption;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kmip-jca encrypt} and {@code decrypt}: files in the segmented envelope form
 * (docs/envelope-format.md), streamed in constant memory. An output file is written to a temporary file
 * beside it and renamed on success, removed on failure (an existing file stays as it was); {@code -} is
 * standard input or output, which receives data as it goes, so a failure can follow part of the output.
 * Exit codes: 0 done, 1 a cryptographic, KMIP, credentials or I/O failure (the message starts with
 * which, {@link FileFailures}, and says when standard output received an incomplete result), 2 usage.
 */
final class FileCrypt {
    /** Standard input and output of the current {@link Main#run} (binary, for {@code -}). */
    record Stdio(InputStream in, PrintStream out) {}

    static final ThreadLocal<Stdio> STDIO = new ThreadLocal<>();
    static final int BUFFER_BYTES = 1 << 20;

    private FileCrypt() {
    }

    /** The options both commands share. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ServerOptions server;

        @Option(names = "--in", required = true, paramLabel = "FILE", description = "Input file, or - for standard input.")
        String in;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file, or - for standard"
                + " output. A file is written to a temporary file beside it and renamed when complete; on failure an"
                + " existing file is left as it was. Standard output receives data as it goes.")
        String out;

        @Option(names = "--aad", paramLabel = "TEXT", description = "Associated data (UTF-8): authenticated, not stored;"
                + " decryption needs the same text.")
        String aad;

        @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
        boolean quiet;

        @Option(names = "--no-warmup", hidden = true, description = "Do not warm up AES-GCM while connecting (for"
                + " measurements).")
        boolean noWarmup;

        abstract String verb();

        abstract Envelope envelope(KmipClient client, KmipSettings settings) throws Exception;

        abstract void transfer(Envelope e, InputStream from, OutputStream to, byte[] ad, Progress p)
                throws IOException, GeneralSecurityException, KeyWrapException;

        @Override
        public Integer call() throws Exception {
            KmipSettings settings = server.settings();
            long size = "-".equals(in) ? -1 : inputSize();
            Warmup warm = noWarmup || (size >= 0 && size < Warmup.WORTH_BYTES) ? null : Warmup.start(settings.bulkProvider());
            Stdio stdio = STDIO.get() != null ? STDIO.get() : new Stdio(System.in, System.out);
            byte[] ad = aad == null ? null : aad.getBytes(StandardCharsets.UTF_8);
            try {
                if (!overlapped(settings, size, stdio, ad)) {
                    try (KmipClient client = server.openClient(settings);
                         InputStream src = open(stdio);
                         FileOutput dst = FileOutput.open(out, stdio.out());
                         Envelope e = envelope(client, settings)) {
                        transfer(e, src, dst, ad, size);
                    }
                }
            } catch (Exception x) {
                throw FileFailures.describe(x, 0);
            } finally {
                if (warm != null) {
                    warm.stop();
                }
            }
            return 0;
        }

        /**
         * Encrypts or decrypts into {@code dst} and commits it: the body of {@link #call()} once the client,
         * the envelope and the files are open.
         */
        private void transfer(Envelope e, InputStream src, FileOutput dst, byte[] ad, long size) throws Exception {
            sayBulkProvider(e.bulkProvider());
            Progress p = Progress.forSize(size, quiet, spec.commandLine().getErr());
            try {
                transfer(e, src, dst.stream(), ad, p);
                dst.commit();
            } catch (Exception x) {
                throw FileFailures.describe(x, dst.stdoutBytes());
            } finally {
                p.done();
            }
        }

        /** With --verbose: which provider does the bulk AES-GCM, and why. */
        void sayBulkProvider(BulkProviderChoice bulk) {
            if (server.verbose) {
                spec.commandLine().getErr().println("kmip-jca " + verb() + ": bulk provider: " + bulk.description());
            }
        }

        /**
         * Where the command can, does its whole work with the data key wrapped while the body is written
         * (see {@link Encrypt}) and returns true; false when it cannot (the default).
         */
        boolean overlapped(KmipSettings settings, long size, Stdio stdio, byte[] ad) throws Exception {
            return false;
        }

        InputStream open(Stdio stdio) throws IOException {
            return "-".equals(in) ? stdio.in() : Files.newInputStream(Path.of(in));
        }

        private long inputSize() throws CommandFailure {
            if (Files.isDirectory(Path.of(in))) {
                throw new CommandFailure("I/O failure: --in " + in + " is a directory");
            }
            try {
                return Files.size(Path.of(in));
            } catch (NoSuchFileException x) {
                throw new CommandFailure("I/O failure: no such file: " + in);
            } catch (IOException x) {
                throw new CommandFailure("I/O failure: cannot read " + in + ": " + x.getMessage());
            }
        }
    }

    /** Copies {@code from} to {@code to} through a 1 MiB buffer, counting progress; the buffer is zeroed at the end. */
    static void copy(InputStream from, OutputStream to, Progress p) throws IOException {
        byte[] buf = new byte[BUFFER_BYTES];
        try {
            for (int n; (n = from.readNBytes(buf, 0, buf.length)) > 0; ) {
                to.write(buf, 0, n);
                p.advance(n);
            }
        } finally {
            Arrays.fill(buf, (byte) 0); // it held plaintext (once per command: no cost per byte)
        }
    }

    @Command(name = "encrypt", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            header = "Encrypts a file into an envelope under the keystore's master key.",
            description = {"Encrypts --in into a segmented envelope (docs/envelope-format.md) in --out, streaming in"
                + " constant memory. The data key is wrapped by the master key kmip.keyIdentifier on the KMIP server"
                + " (a keystore without one gets one, created there and recorded in the file).", "",
                "Exit status: 0 done; 1 a cryptographic, KMIP, credentials or I/O failure (the message starts with"
                + " which); 2 usage. With --out -, a failure can come after part of the envelope was written to"
                + " standard output: the message then says how many bytes, an incomplete envelope to discard.", ""})
    static final class Encrypt extends Base {
        @Override
        String verb() {
            return "encrypt";
        }

        @Override
        Envelope envelope(KmipClient client, KmipSettings settings) throws Exception {
            String id = settings.keyIdentifier();
            if (id == null || id.isBlank()) {
                id = MasterKeyOfKeystore.initialise(server, spec.commandLine().getErr());
            }
            return KmipEnvelopes.of(client, id.strip(), settings);
        }

        @Override
        void transfer(Envelope e, InputStream from, OutputStream to, byte[] ad, Progress p)
                throws IOException, KeyWrapException {
            try (OutputStream enc = e.encryptingStream(to, ad)) {
                copy(from, enc, p);
            }
        }

        /**
         * Into a file, with the master key known: the client is opened, and the data key wrapped, on another
         * thread while this one encrypts (OverlappedEncryption), so that a large file does not wait for the
         * TLS handshake and the round trip. The file is renamed into place only once the wrap is written.
         */
        @Override
        boolean overlapped(KmipSettings settings, long size, Stdio stdio, byte[] ad) throws Exception {
            String id = settings.keyIdentifier();
            if ("-".equals(out) || id == null || id.isBlank()) {
                return false;
            }
            String masterKeyId = id.strip();
            AtomicReference<KmipClient> client = new AtomicReference<>();
            Callable<Envelope> wrapping = () -> {
                KmipClient c = server.openClient(settings);
                client.set(c);
                return KmipEnvelopes.of(c, masterKeyId, settings);
            };
            try (InputStream src = open(stdio);
                 FileOutput dst = FileOutput.open(out, stdio.out());
                 OverlappedEncryption e = OverlappedEncryption.start(dst.channel(), masterKeyId, wrapping, settings, ad)) {
                sayBulkProvider(e.bulkProvider());
                Progress p = Progress.forSize(size, quiet, spec.commandLine().getErr());
                try {
                    copy(src, e.body(), p);
                    e.finish();
                    dst.commit();
                } finally {
                    p.done();
                }
            } finally {
                KmipClient c = client.get();
                if (c != null) {
                    c.close();
                }
            }
            return true;
        }
    }

    @Command(name = "decrypt", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            header = "Decrypts an envelope made by encrypt (or the KMIP-Envelope cipher).",
            description = {"Decrypts --in, an envelope of either form, into --out, streaming in constant memory. The"
                + " master key is the one the envelope names; the keystore gives the server. With a file for --out,"
                + " nothing is written to it unless the whole envelope verified. With --out -, plaintext goes to"
                + " standard output as its segments verify, before the end of the envelope is read, so a truncated or"
                + " altered envelope can fail after part of it was written: the exit status is then 1 and the"
                + " message says how many bytes"
                + " standard output received (an incomplete result: discard it).", "",
                "Exit status: 0 done; 1 a cryptographic, KMIP, credentials or I/O failure (the message starts with"
                + " which); 2 usage.", ""})
    static final class Decrypt extends Base {
        @Override
        String verb() {
            return "decrypt";
        }

        @Override
        Envelope envelope(KmipClient client, KmipSettings settings) {
            return KmipEnvelopes.of(client, null, settings);
        }

        @Override
        void transfer(Envelope e, InputStream from, OutputStream to, byte[] ad, Progress p)
                throws IOException, GeneralSecurityException, KeyWrapException {
            try (InputStream dec = e.decryptingStream(from, ad)) {
                copy(dec, to, p);
            }
            to.close();
        }
    }
}
