package dev.kmipjca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering rule of docs/architecture.md: each package imports only packages above it in the
 * list, and the development server only ttlv, protocol, config and transport. Read from the sources,
 * so a violation names the file and the import.
 */
class LayeringTest {
    /** Top to bottom; a package may use those before it. */
    private static final List<String> ORDER = List.of(
            "ttlv", "protocol", "config", "transport", "client", "envelope", "keystore", "jca", "", "server", "cli");

    /** Narrower rules than the order gives. */
    private static final Map<String, Set<String>> ONLY = Map.of(
            "ttlv", Set.of(),
            "server", Set.of("ttlv", "protocol", "config", "transport"));

    private static final Pattern USE = Pattern.compile("\\bdev\\.kmipjca\\.([a-z]+)\\.[A-Z]|\\bdev\\.kmipjca\\.([A-Z]\\w*)");

    @Test
    void everyPackage_importsOnlyPackagesAboveIt() throws IOException {
        Path root = Path.of("src/main/java/dev/kmipjca");
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : (Iterable<Path>) paths.filter(p -> p.toString().endsWith(".java"))::iterator) {
                files++;
                String pkg = root.relativize(file.getParent()).toString();
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("package ") || line.trim().startsWith("*") || line.trim().startsWith("//")) {
                        continue;
                    }
                    Matcher m = USE.matcher(line.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\""));
                    while (m.find()) {
                        String used = m.group(1) != null ? m.group(1) : "";
                        if (!allowed(pkg, used)) {
                            violations.add(root.relativize(file) + ": uses dev.kmipjca" + (used.isEmpty() ? "" : "." + used)
                                    + " (" + line.trim() + ")");
                        }
                    }
                }
            }
        }
        assertTrue(files > 50, "expected to read the sources, read " + files + " files");
        assertEquals(List.of(), violations);
    }

    private static boolean allowed(String pkg, String used) {
        if (pkg.equals(used)) {
            return true;
        }
        if (ONLY.containsKey(pkg)) {
            return ONLY.get(pkg).contains(used);
        }
        int from = ORDER.indexOf(pkg);
        int to = ORDER.indexOf(used);
        if (from < 0 || to < 0) {
            return false;
        }
        // the server is off to the side: only the CLI may use it
        if (used.equals("server")) {
            return pkg.equals("cli");
        }
        return to < from;
    }
}
