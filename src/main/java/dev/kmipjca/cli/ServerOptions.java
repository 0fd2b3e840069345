package dev.kmipjca.cli;

import dev.kmipjca.client.KmipClient;
import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.config.KmipSettingsException;
import dev.kmipjca.transport.CredentialsException;
import dev.kmipjca.transport.KmipTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of every command that talks to a KMIP server: a keystore file whose {@code kmip.*}
 * settings are read ({@code --keystore}), its password in keytool's three forms ({@code --storepass},
 * {@code --storepass:env VAR}, {@code --storepass:file FILE}), {@code --verbose}, and one
 * {@code --kmip*} flag per setting ({@link KmipSettings#flagName}), which override the file.
 * Without {@code --keystore} the flags alone must suffice. A picocli mixin; the flags are added to
 * each command that mixes it in by {@link #addKmipFlags}, from the settings table, so that every
 * setting has its flag.
 */
final class ServerOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--keystore", paramLabel = "FILE",
            description = "Keystore file (kmip.* settings; e.g. the development server's client.kmip).")
    Path keystore;

    @Option(names = "--storepass", paramLabel = "PASS", description = "Keystore password: decrypts an encrypted"
            + " client key when kmip.clientCertificatePassword is not set.")
    String storepass;

    @Option(names = "--storepass:env", paramLabel = "VAR", description = "Read the keystore password from this"
            + " environment variable.")
    String storepassEnv;

    @Option(names = "--storepass:file", paramLabel = "FILE", description = "Read the keystore password from the first"
            + " line of this file.")
    Path storepassFile;

    @Option(names = {"-v", "--verbose"}, description = "Print the stack trace of a failure (encrypt and decrypt: also"
            + " the bulk AES-GCM provider and why).")
    boolean verbose;

    /** The {@code --kmip*} flags given, by flag name, in order; the last of a repeated flag wins; "" for no value. */
    final Map<String, String> flags = new LinkedHashMap<>();

    /**
     * Adds one option per {@code kmip.*} setting to {@code command}, storing into {@code target}. They are
     * listed together in the help's footer rather than one by one.
     */
    static void addKmipFlags(CommandSpec command, ServerOptions target) {
        StringBuilder line = new StringBuilder("  ");
        StringBuilder footer = new StringBuilder();
        for (String key : KmipSettings.keys()) {
            String flag = KmipSettings.flagName(key);
            command.addOption(OptionSpec.builder(flag).arity("0..1").paramLabel("VALUE").type(String.class).hidden(true)
                    .setter(new CommandLine.Model.ISetter() {
                        @Override
                        public <T> T set(T value) {
                            if (value != null) { // picocli sets null when it resets options before parsing
                                target.flags.put(flag, value.toString()); // "" when given without a value
                            }
                            return null;
                        }
                    }).build());
            if (line.length() + flag.length() > 78) {
                footer.append(line.toString().stripTrailing()).append("%n");
                line.setLength(0);
                line.append("  ");
            }
            line.append(flag).append(' ');
        }
        footer.append(line.toString().stripTrailing()).append("%n");
        command.usageMessage().footer("%nSettings flags (--kmipName VALUE overrides kmip.name of the keystore file;"
                + " see docs/configuration.md):%n" + footer);
    }

    /**
     * The settings: the keystore file's, with the flags laid over them (relative paths in flags resolve
     * against the working directory). A missing file, an unknown flag value or a rule broken is a usage
     * error; so is a configuration that cannot reach a server.
     */
    KmipSettings settings() {
        try {
            KmipSettings base = keystore == null ? KmipSettings.builder().build() : KmipSettings.load(keystore);
            KmipSettings s = base.withFlags(flags, Path.of("").toAbsolutePath());
            refuseRotateFlag(s);
            s.requireConnectable();
            return s;
        } catch (KmipSettingsException e) {
            throw new ParameterException(mixee.commandLine(), (keystore == null ? "" : "--keystore " + keystore + ": ")
                    + e.getMessage() + (keystore == null ? " (give --keystore FILE or the --kmip* flags)" : ""));
        }
    }

    /**
     * {@code --kmipRotateMasterKey} (true) is refused: nothing a command does loads a keystore that it could
     * rotate and write back ({@code rotate} is the command for that). The keystore file's own setting is
     * left alone: it takes effect when the JCA loads that file.
     */
    void refuseRotateFlag(KmipSettings s) {
        if (!flags.containsKey(KmipSettings.flagName("kmip.rotateMasterKey"))) {
            return;
        }
        try {
            s.refuseRotateMasterKey("given as " + KmipSettings.flagName("kmip.rotateMasterKey")); // the flag wins over the file
        } catch (KmipSettingsException e) {
            throw usage(e.getMessage());
        }
    }

    /** The keystore password from one of its three options, or null; the caller zeroes it. */
    char[] password() {
        List<Object> given = Arrays.asList(storepass, storepassEnv, storepassFile);
        if (given.stream().filter(o -> o != null).count() > 1) {
            throw usage("give only one of --storepass, --storepass:env and --storepass:file");
        }
        if (storepass != null) {
            return storepass.toCharArray();
        }
        if (storepassEnv != null) {
            String v = System.getenv(storepassEnv);
            if (v == null) {
                throw usage("--storepass:env " + storepassEnv + ": the environment variable is not set");
            }
            return v.toCharArray();
        }
        if (storepassFile != null) {
            try {
                List<String> lines = Files.readAllLines(storepassFile, StandardCharsets.UTF_8);
                return lines.isEmpty() ? new char[0] : lines.get(0).toCharArray();
            } catch (IOException e) {
                throw usage("--storepass:file " + storepassFile + ": cannot read it (" + e.getMessage() + ")");
            }
        }
        return null;
    }

    /** A client for {@link #settings()}, owning its transport (nothing is connected yet). */
    KmipClient openClient() throws CredentialsException {
        return openClient(settings());
    }

    /** A client for {@code s}, owning its transport; zeroes the passwords. */
    KmipClient openClient(KmipSettings s) throws CredentialsException {
        char[] pw = password();
        try {
            return KmipClient.open(s, pw);
        } catch (KmipSettingsException e) {
            throw usage(e.getMessage());
        } finally {
            if (pw != null) {
                Arrays.fill(pw, '\0');
            }
            s.clearSecrets();
        }
    }

    /** A transport for {@code settings} (connecting nothing yet); the passwords are zeroed here. */
    KmipTransport openTransport(KmipSettings settings) throws CredentialsException {
        char[] pw = password();
        try {
            return KmipTransport.open(settings, pw);
        } catch (KmipSettingsException e) {
            throw usage(e.getMessage());
        } finally {
            if (pw != null) {
                Arrays.fill(pw, '\0');
            }
            settings.clearSecrets();
        }
    }

    ParameterException usage(String message) {
        return new ParameterException(mixee.commandLine(), message);
    }
}
