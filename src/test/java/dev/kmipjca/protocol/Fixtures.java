package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.TtlvDecoder;
import dev.kmipjca.ttlv.Ttlv;
import dev.kmipjca.ttlv.TtlvException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Loads the test vectors in {@code src/test/resources/dev/kmipjca/protocol/vectors/}: one TTLV item
 * per line ("tag | type | length | value"), "#" starts a comment; each file's header cites its source.
 */
final class Fixtures {
    private Fixtures() {}

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("vectors/" + name + ".ttlv")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int hash = line.indexOf('#');
                hex.append((hash >= 0 ? line.substring(0, hash) : line).replaceAll("[|\\s]", ""));
            }
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Ttlv ttlv(String name) {
        try {
            return TtlvDecoder.defaults().decode(bytes(name));
        } catch (TtlvException e) {
            throw new AssertionError("fixture " + name + " is not valid TTLV", e);
        }
    }
}
