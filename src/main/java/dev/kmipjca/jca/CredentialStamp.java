package dev.kmipjca.jca;

import dev.kmipjca.config.KmipSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * What a connection's credential files looked like: for {@code kmip.serverCAFile} and
 * {@code kmip.clientCertificateFile}, the size, modification time and file identity (inode), read
 * with one {@code stat} each and nothing read from the files. A renewed certificate, a replaced CA
 * file or a file swapped by an atomic rename all change it, so {@link Engines#link} builds a new
 * client with the new credentials instead of reusing the one it has.
 */
final class CredentialStamp {
    private CredentialStamp() {
    }

    static String of(KmipSettings settings) {
        return "ca=" + of(settings.serverCAFile()) + "; client=" + of(settings.clientCertificateFile());
    }

    private static String of(Optional<Path> file) {
        if (file.isEmpty()) {
            return "none";
        }
        try {
            BasicFileAttributes a = Files.readAttributes(file.get(), BasicFileAttributes.class);
            return a.size() + " bytes, modified " + a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS) + ", id " + a.fileKey();
        } catch (IOException e) {
            return "unreadable"; // opening the client then says what is wrong with the file
        }
    }
}
