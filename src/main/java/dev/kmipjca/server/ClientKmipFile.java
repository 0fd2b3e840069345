package dev.kmipjca.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keystore files a client starts from: {@code client.kmip} (and {@code client-NAME.kmip}), plain
 * properties files of {@code kmip.*} settings pointing at this server, with absolute paths (keytool
 * and {@code javax.net.ssl.keyStore} read a keystore as a stream, where a relative path could only
 * resolve against the current directory). Written once; a later start on another port rewrites only the {@code kmip.port}
 * line of each, atomically, leaving everything else (entries a keystore added) as it was.
 */
final class ClientKmipFile {
    private static final Pattern PORT_LINE = Pattern.compile("(?m)^kmip\\.port\\s*[=:]\\s*(\\d+)\\s*$");

    private ClientKmipFile() {}

    static String fileName(String identity) {
        return identity == null ? "client.kmip" : "client-" + identity + ".kmip";
    }

    /** Writes {@code file} unless it exists. */
    static void create(Path file, String pemFile, String cn, String serverName, int port) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        String text = "# kmip-jca keystore file for the development KMIP server in this directory.\n"
                + "# Client identity: CN=" + cn + " (" + pemFile + "). Development only, never production.\n"
                + "# It starts as plain kmip.* settings; KeyStore.getInstance(\"KMIP\").load() reads it, and\n"
                + "# keytool -storetype KMIP -providerpath kmip-jca.jar -keystore " + file.getFileName() + " uses it.\n"
                + "# Paths are absolute so that the file works from any directory; if you move the directory,\n"
                + "# edit them. The server rewrites kmip.port when it starts on another port.\n"
                + "kmip.serverName=" + serverName + "\n"
                + "kmip.port=" + port + "\n"
                + "kmip.serverCAFile=" + escape(dir.resolve(DevFiles.CA)) + "\n"
                + "kmip.clientCertificateFile=" + escape(dir.resolve(pemFile)) + "\n";
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8), true);
    }

    /** A path as a properties value: backslashes doubled, a leading space kept. */
    private static String escape(Path path) {
        String s = path.toString().replace("\\", "\\\\");
        return s.startsWith(" ") ? "\\" + s : s;
    }

    /** Rewrites the port line of every {@code client*.kmip} file in {@code dir} that names another port. */
    static void updatePorts(Path dir, int port) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "client*.kmip")) {
            for (Path f : files) {
                byte[] bytes = Files.readAllBytes(f);
                String text = new String(bytes, StandardCharsets.UTF_8);
                Matcher m = PORT_LINE.matcher(text);
                if (text.indexOf('\0') < 0 && m.find() && !m.group(1).equals(Integer.toString(port))) {
                    String updated = text.substring(0, m.start(1)) + port + text.substring(m.end(1));
                    AtomicFiles.write(f, updated.getBytes(StandardCharsets.UTF_8), true);
                }
            }
        }
    }
}
