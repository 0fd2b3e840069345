package dev.kmipjca.ttlv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A TTLV test fixture written one item per line, indented two spaces per level, as the spec prints
 * messages:
 *
 * <pre>
 * # source: KMIP 1.1 Test Cases 3.1.1 ...
 * 420078 | 01 | 00000088
 *   420077 | 01 | 00000038
 *     42006A | 02 | 00000004 | 00000001 00000000
 * </pre>
 *
 * Columns are tag, type, length and, for everything but a Structure, the value with its padding
 * (spaces inside it are ignored). Lines starting with {@code #} are comments; a fixture file must cite
 * its source in a {@code # source:} comment. {@link #parse} checks that the declared lengths agree
 * with the bytes written: a primitive's value column holds its length rounded up to 8, and a
 * Structure's length is the sum of its children's sizes. {@link #raw} skips those checks, for inputs
 * that are malformed on purpose.
 */
final class TtlvFixture {
    static final String DIRECTORY = "/dev/kmipjca/ttlv/vectors/";

    /** One line: an item header, and the value bytes (padding included) for a primitive. */
    record Line(int lineNumber, int depth, int tag, int type, long length, byte[] value) {}

    final String name;
    final String source;
    final List<Line> lines;
    final byte[] bytes;

    private TtlvFixture(String name, String source, List<Line> lines, byte[] bytes) {
        this.name = name;
        this.source = source;
        this.lines = lines;
        this.bytes = bytes;
    }

    /** Reads {@code vectors/<name>.ttlv} from the test classpath. */
    static TtlvFixture load(String name) {
        try (InputStream in = TtlvFixture.class.getResourceAsStream(DIRECTORY + name + ".ttlv")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + DIRECTORY + name + ".ttlv");
            }
            TtlvFixture f = parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (f.source == null) {
                throw new IllegalArgumentException("fixture " + name + " has no '# source:' comment");
            }
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of {@code vectors/<name>.ttlv}. */
    static byte[] bytes(String name) {
        return load(name).bytes;
    }

    /** The names of every fixture in the vectors directory, sorted. */
    static List<String> names() {
        URL dir = TtlvFixture.class.getResource(DIRECTORY);
        if (dir == null) {
            throw new IllegalStateException("no fixture directory " + DIRECTORY);
        }
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".ttlv"))
                    .map(n -> n.substring(0, n.length() - ".ttlv".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses fixture text and checks that the declared lengths are self-consistent. */
    static TtlvFixture parse(String name, String text) {
        String source = null;
        List<Line> lines = new ArrayList<>();
        String[] rows = text.split("\n", -1);
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].stripTrailing();
            if (row.isBlank()) {
                continue;
            }
            if (row.stripLeading().startsWith("#")) {
                String c = row.stripLeading().substring(1).strip();
                if (c.startsWith("source:") && source == null && lines.isEmpty()) {
                    source = c.substring("source:".length()).strip();
                }
                continue;
            }
            lines.add(line(name, i + 1, row));
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(name + ": no items");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] next = {0};
        item(name, lines, next, 0, out);
        if (next[0] != lines.size()) {
            Line extra = lines.get(next[0]);
            throw new IllegalArgumentException(name + " line " + extra.lineNumber + ": a second top-level item");
        }
        return new TtlvFixture(name, source, List.copyOf(lines), out.toByteArray());
    }

    /** Hex in the fixture layout (or any spacing), without any consistency check. */
    static byte[] raw(String text) {
        StringBuilder hex = new StringBuilder();
        for (String row : text.split("\n")) {
            if (!row.strip().startsWith("#")) {
                hex.append(row.replaceAll("[\\s|]", ""));
            }
        }
        return hex(hex.toString());
    }

    static byte[] hex(String hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + hex.length());
        }
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(x & 0xF, 16)));
        }
        return sb.toString();
    }

    private static Line line(String name, int number, String row) {
        int indent = 0;
        while (row.charAt(indent) == ' ') {
            indent++;
        }
        String where = name + " line " + number + ": ";
        if (indent % 2 != 0) {
            throw new IllegalArgumentException(where + "indentation of " + indent + " spaces is not a multiple of 2");
        }
        String[] cols = row.strip().split("\\|");
        if (cols.length < 3 || cols.length > 4) {
            throw new IllegalArgumentException(where + "expected 'tag | type | length [| value]'");
        }
        String tag = cols[0].strip();
        String type = cols[1].strip();
        String length = cols[2].strip();
        if (!tag.matches("[0-9A-Fa-f]{6}") || !type.matches("[0-9A-Fa-f]{2}") || !length.matches("[0-9A-Fa-f]{8}")) {
            throw new IllegalArgumentException(where + "tag needs 6 hex digits, type 2, length 8");
        }
        byte[] value = cols.length == 4 ? hex(cols[3].replaceAll("\\s", "")) : null;
        return new Line(number, indent / 2, Integer.parseInt(tag, 16), Integer.parseInt(type, 16),
                Long.parseLong(length, 16), value);
    }

    /** Appends the item at lines[next] and its children; returns its encoded size. */
    private static long item(String name, List<Line> lines, int[] next, int depth, ByteArrayOutputStream out) {
        Line l = lines.get(next[0]++);
        String where = name + " line " + l.lineNumber + ": ";
        if (l.depth != depth) {
            throw new IllegalArgumentException(where + "at depth " + l.depth + ", expected " + depth);
        }
        out.write(l.tag >>> 16);
        out.write(l.tag >>> 8);
        out.write(l.tag);
        out.write(l.type);
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (l.length >>> shift));
        }
        if (l.type == ItemType.STRUCTURE.code()) {
            if (l.value != null) {
                throw new IllegalArgumentException(where + "a Structure has no value column");
            }
            long sum = 0;
            while (next[0] < lines.size() && lines.get(next[0]).depth > depth) {
                sum += item(name, lines, next, depth + 1, out);
            }
            if (sum != l.length) {
                throw new IllegalArgumentException(where + "Structure declares length " + l.length
                        + " but its children take " + sum + " bytes");
            }
            return 8 + sum;
        }
        if (l.value == null) {
            throw new IllegalArgumentException(where + "a primitive needs a value column");
        }
        long padded = (l.length + 7) & ~7L;
        if (l.value.length != padded) {
            throw new IllegalArgumentException(where + "length " + l.length + " needs " + padded
                    + " value bytes with padding, found " + l.value.length);
        }
        out.writeBytes(l.value);
        return 8 + padded;
    }
}
