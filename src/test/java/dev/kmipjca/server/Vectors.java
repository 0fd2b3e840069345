package dev.kmipjca.server;

import dev.kmipjca.ttlv.Tag;
import dev.kmipjca.ttlv.Ttlv;
import dev.kmipjca.ttlv.TtlvDecoder;
import dev.kmipjca.ttlv.TtlvException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The OASIS KMIP 1.1 test-case messages in {@code src/test/resources/dev/kmipjca/server/vectors/}
 * (one TTLV item per line, "tag | type | length | value"; each file's header cites its source).
 */
final class Vectors {
    private Vectors() {}

    static byte[] bytes(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("vectors/" + name + ".ttlv")) {
            if (in == null) {
                throw new IllegalArgumentException("no vector " + name);
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

    static Ttlv ttlv(byte[] b) {
        try {
            return TtlvDecoder.defaults().decode(b);
        } catch (TtlvException e) {
            throw new AssertionError("not valid TTLV: " + e.getMessage(), e);
        }
    }

    /** {@code message} with the header's Time Stamp set to {@code t} (and a Result Message replaced, when given). */
    static Ttlv normalized(Ttlv message, Instant t, String resultMessage) {
        List<Ttlv> parts = new ArrayList<>();
        for (Ttlv part : message.children()) {
            List<Ttlv> fields = new ArrayList<>();
            for (Ttlv f : part.children()) {
                if (f.tag() == Tag.TIME_STAMP) {
                    f = Ttlv.dateTime(Tag.TIME_STAMP, t);
                } else if (f.tag() == Tag.RESULT_MESSAGE && resultMessage != null) {
                    f = Ttlv.text(Tag.RESULT_MESSAGE, resultMessage);
                }
                fields.add(f);
            }
            parts.add(Ttlv.structure(part.tag(), fields));
        }
        return Ttlv.structure(message.tag(), parts);
    }
}
