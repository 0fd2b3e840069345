package dev.kmipjca.cli;

import dev.kmipjca.client.KmipClient;
import dev.kmipjca.protocol.RevocationReasonCode;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The state changes of {@code kmip-jca keys}: activate, revoke, destroy. Each prints one line on success. */
final class KeysLifecycle {
    private KeysLifecycle() {}

    /** What every state change has: the server options and the key's Unique Identifier. */
    abstract static class Change implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ServerOptions server;

        @Parameters(index = "0", paramLabel = "UID", description = "The key's Unique Identifier.")
        String uid;

        abstract String apply(KmipClient client) throws Exception;

        @Override
        public Integer call() throws Exception {
            check();
            try (KmipClient client = server.openClient()) {
                spec.commandLine().getOut().println(apply(client));
            }
            spec.commandLine().getOut().flush();
            return 0;
        }

        void check() {}
    }

    @Command(name = "activate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            header = "Activates a key.",
            description = {"Activates a Pre-Active key (Activate).", ""})
    static final class Activate extends Change {
        @Override
        String apply(KmipClient client) throws Exception {
            client.activate(uid);
            return "activated " + uid;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            header = "Revokes a key.",
            description = {"Revokes a key (Revoke): Cessation of Operation and most reasons move an Active key to"
                + " Deactivated; Key Compromise and CA Compromise move a key in any state to Compromised (with the"
                + " Compromise Occurrence Date, now unless --compromised-at is given).", ""})
    static final class Revoke extends Change {
        @Option(names = "--reason", paramLabel = "REASON", defaultValue = "Cessation of Operation",
                converter = ReasonConverter.class,
                description = "Revocation Reason Code: Unspecified, Key Compromise, CA Compromise, Affiliation Changed,"
                    + " Superseded, Cessation of Operation, Privilege Withdrawn (default: ${DEFAULT-VALUE}).")
        RevocationReasonCode reason;

        @Option(names = "--message", paramLabel = "TEXT", description = "Revocation Message.")
        String message;

        @Option(names = "--compromised-at", paramLabel = "INSTANT",
                description = "Compromise Occurrence Date for the compromise reasons, e.g. 2025-01-31T12:00:00Z.")
        Instant compromisedAt;

        @Override
        String apply(KmipClient client) throws Exception {
            boolean compromise = reason.equals(RevocationReasonCode.KEY_COMPROMISE)
                    || reason.equals(RevocationReasonCode.CA_COMPROMISE);
            client.revoke(uid, reason, message, compromise ? (compromisedAt != null ? compromisedAt : Instant.now()) : null);
            return "revoked " + uid + " (" + reason + ")";
        }
    }

    @Command(name = "destroy", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            header = "Destroys a key (needs --yes).",
            description = {"Destroys a key's material (Destroy); it cannot be undone, and data it protects can no"
                + " longer be decrypted. Requires --yes. Servers refuse to destroy an Active key: revoke it first.", ""})
    static final class Destroy extends Change {
        @Option(names = "--yes", description = "Confirm: destroy the key for good.")
        boolean yes;

        @Override
        void check() {
            if (!yes) {
                throw server.usage("destroying " + uid + " cannot be undone: add --yes to confirm");
            }
        }

        @Override
        String apply(KmipClient client) throws Exception {
            client.destroy(uid);
            return "destroyed " + uid;
        }
    }

    static final class ReasonConverter implements CommandLine.ITypeConverter<RevocationReasonCode> {
        @Override
        public RevocationReasonCode convert(String value) {
            RevocationReasonCode r = RevocationReasonCode.named(value);
            if (r == null) {
                throw new CommandLine.TypeConversionException("unknown Revocation Reason Code '" + value
                        + "' (e.g. 'Cessation of Operation', 'Key Compromise', 'Superseded')");
            }
            return r;
        }
    }
}
