package dev.kmipjca.cli;

import dev.kmipjca.KmipEnvelopes;
import dev.kmipjca.client.KmipClient;
import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.envelope.Envelope;
import dev.kmipjca.envelope.KeyWrapException;
import dev.kmipjca.envelope.OverlappedEncryption;
import dev.kmipjca.transport.CredentialsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kmip-jca encrypt} and {@code decrypt}: files in the segmented envelope form
 * (docs/envelope-format.md), streamed in constant memory. The output is written to a temporary file
 * beside it and renamed on success, removed on failure; {@code -} is standard input or output. Exit
 * codes: 0 done, 1 a cryptographic or I/O failure (the message says which), 2 usage.
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
                + " output. Written to a temporary file beside it and renamed when complete.")
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
            } catch (GeneralSecurityException x) {
                throw new CommandFailure("cryptographic failure: " + x.getMessage());
            } catch (KeyWrapException x) {
                throw new CommandFailure("cryptographic failure: the master key " + x.masterKeyId() + " could not be used ("
                        + x.kind() + "): " + x.getMessage());
            } catch (NoSuchFileException x) {
                throw new CommandFailure("I/O failure: no such file: " + x.getFile());
            } catch (IOException x) {
                throw new CommandFailure("I/O failure: " + Failures.describe(x));
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
            if (server.verbose) {
                spec.commandLine().getErr().println("kmip-jca " + verb() + ": bulk provider: "
                        + e.bulkProvider().description());
            }
            Progress p = Progress.forSize(size, quiet, spec.commandLine().getErr());
            try {
                transfer(e, src, dst.stream(), ad, p);
            } catch (IOException x) {
                throw failure(x);
            } finally {
                p.done();
            }
            dst.commit();
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
            try {
                return Files.size(Path.of(in));
            } catch (NoSuchFileException x) {
                throw new CommandFailure("I/O failure: no such file: " + in);
            } catch (IOException x) {
                throw new CommandFailure("I/O failure: cannot read " + in + ": " + x.getMessage());
            }
        }

        /**
         * An IOException from the envelope streams whose cause is cryptographic becomes that cause, as does
         * one that carries a failure to open the client on the wrap thread ({@link Encrypt}).
         */
        Exception failure(IOException x) {
            Throwable c = x.getCause();
            if (c instanceof GeneralSecurityException || c instanceof KeyWrapException || c instanceof CommandFailure
                    || c instanceof CredentialsException) {
                return (Exception) c;
            }
            return x;
        }
    }

    /** Copies {@code from} to {@code to} through a 1 MiB buffer, counting progress. */
    static void copy(InputStream from, OutputStream to, Progress p) throws IOException {
        byte[] buf = new byte[BUFFER_BYTES];
        for (int n; (n = from.readNBytes(buf, 0, buf.length)) > 0; ) {
            to.write(buf, 0, n);
            p.advance(n);
        }
    }

    @Command(name = "encrypt", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            header = "Encrypts a file into an envelope under the keystore's master key.",
            description = {"Encrypts --in into a segmented envelope (docs/envelope-format.md) in --out, streaming in"
                + " constant memory. The data key is wrapped by the master key kmip.keyIdentifier on the KMIP server"
                + " (a keystore without one gets one, created there and recorded in the file).", ""})
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
                if (server.verbose) {
                    spec.commandLine().getErr().println("kmip-jca encrypt: bulk provider: "
                            + e.bulkProvider().description());
                }
                Progress p = Progress.forSize(size, quiet, spec.commandLine().getErr());
                try {
                    copy(src, e.body(), p);
                    e.finish();
                } catch (IOException x) {
                    throw failure(x);
                } finally {
                    p.done();
                }
                dst.commit();
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
                + " master key is the one the envelope names; the keystore gives the server. Nothing is left in --out"
                + " unless the whole envelope verified.", ""})
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
