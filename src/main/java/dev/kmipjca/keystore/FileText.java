package dev.kmipjca.keystore;

import dev.kmipjca.keystore.KeystoreException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A keystore file's bytes as text, before any of its structure: reading a stream within the size limit,
 * UTF-8 decoding, the line terminator, and the checks of the settings part that {@link KeystoreFile}
 * makes whatever the file's layout. Every failure is a {@link KeystoreException} that names the line.
 */
final class FileText {
    private FileText() {
    }

    static byte[] readAll(InputStream in) throws IOException, KeystoreException {
        int hint = Math.min(Math.max(in.available(), 0), 16 << 20); // a claim of more grows as bytes arrive
        byte[] buf = new byte[Math.max(hint, 8192)];
        int n = 0;
        while (true) {
            if (n > Format.MAX_FILE_BYTES) {
                throw new KeystoreException(Reason.MALFORMED, "the keystore is larger than the limit of "
                        + Format.MAX_FILE_BYTES + " bytes");
            }
            if (n == buf.length) {
                int b = in.read(); // usually the end, when the stream announced its length
                if (b < 0) {
                    return buf;
                }
                buf = Arrays.copyOf(buf, (int) Math.min(Math.max(2L * n, 8192), Format.MAX_FILE_BYTES + 1L));
                buf[n++] = (byte) b;
                continue;
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                return n == buf.length ? buf : Arrays.copyOf(buf, n);
            }
            n += r;
        }
    }

    static void checkNotSectionField(PropertiesLine l) throws KeystoreException {
        if (l.isSetting() && l.key.toLowerCase(Locale.ROOT).startsWith(Format.FIELD_PREFIX)) {
            throw new KeystoreException(Reason.MALFORMED, l.number, "line " + l.number + ": " + l.key
                    + " is a field of the protected section but appears before its begin marker line ("
                    + Format.BEGIN + "); the file was edited or damaged");
        }
    }

    /** The line terminator of the first line that ends in "\n" ("\r\n" or "\n"), as PropertiesText detects it. */
    static String newline(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i > 0 && bytes[i - 1] == '\r' ? "\r\n" : "\n";
            }
        }
        return "\n";
    }

    static void checkKeyIdentifier(PropertiesText settings, String masterKeyId, int masterKeyIdLine)
            throws KeystoreException {
        Optional<PropertiesLine> kid = settings.find(Format.KEY_IDENTIFIER);
        if (kid.isPresent() && !kid.get().value.isBlank() && !kid.get().value.strip().equals(masterKeyId)) {
            throw new KeystoreException(Reason.MALFORMED, kid.get().number, Format.KEY_IDENTIFIER + "="
                    + kid.get().value.strip() + " (line " + kid.get().number + ") is not the master key of the protected"
                    + " section, " + Format.F_MASTER_KEY_ID + "=" + masterKeyId + " (line "
                    + masterKeyIdLine + "); " + Format.KEY_IDENTIFIER + " can only be chosen before the keystore"
                    + " is first initialised, a keystore moves to another master key by rotation");
        }
    }

    static void checkUninitialised(List<PropertiesLine> lines) throws KeystoreException {
        boolean anySetting = false;
        for (PropertiesLine l : lines) {
            if (!l.isSetting() && l.strippedText().startsWith(Format.HEADER_PREFIX)) {
                throw new KeystoreException(Reason.TRUNCATED, l.number, "line " + l.number + " marks an initialised"
                        + " keystore, but the file has no protected section: it was cut short or the section was"
                        + " removed; restore the file from a backup (or delete line " + l.number
                        + " to start a new keystore with these settings)");
            }
            anySetting |= l.isSetting() && l.key.startsWith("kmip.");
        }
        if (!anySetting) {
            throw new KeystoreException(Reason.MALFORMED, "not a keystore file: it has no kmip.* settings and no"
                    + " protected section (a new keystore file is a properties file of kmip.* settings)");
        }
    }

    static String decode(byte[] bytes) throws KeystoreException {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            throw new KeystoreException(Reason.MALFORMED, 1, "line 1: the file starts with a UTF-8 byte order mark,"
                    + " which properties readers take for part of the first key; save it as UTF-8 without one");
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return d.decode(in).toString();
        } catch (CharacterCodingException e) {
            int line = 1;
            for (int i = 0; i < in.position() && i < bytes.length; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new KeystoreException(Reason.MALFORMED, line, "line " + line + ": the file is not UTF-8 text"
                    + " (invalid byte sequence at byte offset " + in.position() + ")");
        }
    }
}
