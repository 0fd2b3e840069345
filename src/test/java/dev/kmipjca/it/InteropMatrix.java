package dev.kmipjca.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the interoperability tests observed, per operation and KMIP version, written as a Markdown
 * table to {@code target/interop/<server>.md} after the run; docs/interoperability.md is built from it.
 * Tests record only after they asserted the outcome, so the table says what passed.
 */
final class InteropMatrix {
    private final Map<String, Map<String, String>> rows = new ConcurrentHashMap<>();
    private final List<String> versions;

    InteropMatrix(List<String> versions) {
        this.versions = List.copyOf(versions);
    }

    void record(String version, String operation, String result) {
        rows.computeIfAbsent(operation, k -> new ConcurrentHashMap<>()).put(version, result);
    }

    void write(Path file, String title) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# " + title);
        lines.add("");
        lines.add("| operation | " + String.join(" | ", versions) + " |");
        lines.add("|---" + "|---".repeat(versions.size()) + "|");
        for (Map.Entry<String, Map<String, String>> row : new TreeMap<>(rows).entrySet()) {
            StringBuilder sb = new StringBuilder("| ").append(row.getKey()).append(" |");
            for (String v : versions) {
                sb.append(' ').append(row.getValue().getOrDefault(v, "")).append(" |");
            }
            lines.add(sb.toString());
        }
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }
}
