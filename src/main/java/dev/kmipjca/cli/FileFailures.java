package dev.kmipjca.cli;

import dev.kmipjca.envelope.KeyWrapException;
import dev.kmipjca.protocol.KmipException;
import dev.kmipjca.transport.BadResponseException;
import dev.kmipjca.transport.CredentialsException;
import dev.kmipjca.transport.OutcomeUnknownException;
import dev.kmipjca.transport.ServersUnavailableException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;

/**
 * How {@code encrypt} and {@code decrypt} name a failure (exit code 1): one line that starts with its
 * kind, then what went wrong.
 * <ul>
 *   <li>{@code cryptographic failure:} the envelope or the wrapped data key failed authentication
 *       (altered, truncated, wrong {@code --aad}, wrong master key) or is malformed;</li>
 *   <li>{@code KMIP failure:} the KMIP server could not be reached, refused or failed the request, or
 *       the master key is unknown or not usable in its state;</li>
 *   <li>{@code credentials failure:} the keystore's client key or certificates cannot be used (the
 *       message names the file and why, never its contents);</li>
 *   <li>{@code I/O failure:} reading the input or writing the output failed.</li>
 * </ul>
 * When standard output ({@code --out -}) had already received bytes, the line says how many: they are
 * an incomplete result.
 */
final class FileFailures {
    private FileFailures() {
    }

    /**
     * The {@link CommandFailure} for {@code x}, or {@code x} itself when it is none of the kinds above
     * (the command's exception handler then describes it).
     *
     * @param stdoutBytes bytes standard output received before the failure (0 for a file)
     */
    static Exception describe(Exception x, long stdoutBytes) {
        if (x instanceof CommandFailure) {
            return x;
        }
        x = unwrap(x);
        if (x instanceof CommandFailure) {
            return x;
        }
        String line = line(x);
        if (line == null) {
            return x;
        }
        if (stdoutBytes > 0) {
            line += "; standard output had already received " + stdoutBytes + " bytes: an incomplete result, discard it";
        }
        return new CommandFailure(line);
    }

    /**
     * An IOException from the envelope streams whose cause is cryptographic or a key wrap becomes that
     * cause, as does one that carries a failure to open the client on the data-key wrap thread of {@code
     * encrypt} (OverlappedEncryption): credentials, KMIP, or a failure the command already described.
     */
    private static Exception unwrap(Exception x) {
        Throwable c = x.getCause();
        if (x instanceof IOException && (c instanceof GeneralSecurityException || c instanceof KeyWrapException
                || c instanceof CredentialsException || c instanceof KmipException || c instanceof CommandFailure
                || c instanceof ServersUnavailableException || c instanceof OutcomeUnknownException
                || c instanceof BadResponseException)) {
            return (Exception) c;
        }
        return x;
    }

    private static String line(Exception x) {
        if (x instanceof GeneralSecurityException) {
            return "cryptographic failure: " + x.getMessage();
        }
        if (x instanceof KeyWrapException k) {
            String kind = k.kind() == KeyWrapException.Kind.AUTHENTICATION_FAILED ? "cryptographic failure" : "KMIP failure";
            return kind + ": the master key " + k.masterKeyId() + " could not be used (" + k.kind() + "): " + k.getMessage();
        }
        if (x instanceof CredentialsException) {
            return "credentials failure: " + Failures.describe(x);
        }
        if (x instanceof KmipException || x instanceof BadResponseException || x instanceof ServersUnavailableException
                || x instanceof OutcomeUnknownException) {
            return "KMIP failure: " + Failures.describe(x);
        }
        if (x instanceof NoSuchFileException n) {
            return "I/O failure: no such file: " + n.getFile();
        }
        if (x instanceof IOException) {
            return "I/O failure: " + Failures.describe(x);
        }
        return null;
    }
}
