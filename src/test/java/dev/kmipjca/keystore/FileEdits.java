package dev.kmipjca.keystore;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Edits of a keystore file's text at the level of its fields, as an attacker or a careless editor would. */
final class FileEdits {
    private FileEdits() {
    }

    /** The value of a field, continuation lines joined. */
    static String value(String file, String key) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String v = p.getProperty(key);
        if (v == null) {
            throw new AssertionError("no field " + key);
        }
        return v;
    }

    static byte[] bytes(String file, String key) {
        return Base64.getDecoder().decode(value(file, key));
    }

    /** The field's whole logical line, continuation lines included. */
    static String line(String file, String key) {
        Matcher m = pattern(key).matcher(file);
        if (!m.find()) {
            throw new AssertionError("no line for " + key);
        }
        return m.group();
    }

    /** The file with the field's logical line replaced by {@code key=value} on one line. */
    static String replace(String file, String key, String value) {
        return pattern(key).matcher(file).replaceFirst(Matcher.quoteReplacement(key + "=" + value + "\n"));
    }

    static String replace(String file, String key, byte[] value) {
        return replace(file, key, Base64.getEncoder().encodeToString(value));
    }

    /** The file without the field's line. */
    static String remove(String file, String key) {
        return pattern(key).matcher(file).replaceFirst("");
    }

    /** The file with one bit of byte {@code index} of a base64 field flipped. */
    static String flip(String file, String key, int index) {
        byte[] b = bytes(file, key);
        b[index] ^= 0x01;
        return replace(file, key, b);
    }

    /** From the begin marker to the end of the file. */
    static String section(String file) {
        return file.substring(file.indexOf(Format.BEGIN));
    }

    static String settingsPart(String file) {
        return file.substring(0, file.indexOf(Format.BEGIN));
    }

    private static Pattern pattern(String key) {
        return Pattern.compile("(?m)^" + Pattern.quote(key) + "=(?:[^\n]*\\\\\n)*[^\n]*\n");
    }
}
