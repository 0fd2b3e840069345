package dev.kmipjca.cli;

import dev.kmipjca.client.KmipClient;
import dev.kmipjca.server.DevServer;
import dev.kmipjca.transport.KmipTransport;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/** What the demo's steps share: its directory, the server, the client, the keys and files made so far. */
final class DemoContext {
    final Path dir;
    final boolean keep;
    DevServer server;
    KmipTransport transport;
    KmipClient client;
    /** The master key, and after rotation its replacement. */
    String masterKeyId;
    String newMasterKeyId;
    /** The plaintext data key, between its generation and the local encryption that uses it. */
    byte[] dataKey;
    /** The message, kept to compare the decryption with. */
    byte[] message;

    DemoContext(Path dir, boolean keep) {
        this.dir = dir;
        this.keep = keep;
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    /** Fails the step with {@code what} unless {@code condition} holds. */
    static void check(boolean condition, String what) throws CommandFailure {
        if (!condition) {
            throw new CommandFailure("check failed: " + what);
        }
    }

    /** Whether {@code haystack} contains {@code needle} anywhere. */
    static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    /** Zeroes and forgets the plaintext data key. */
    void eraseDataKey() {
        if (dataKey != null) {
            Arrays.fill(dataKey, (byte) 0);
            dataKey = null;
        }
    }

    /** Closes the client and the server (idempotent). */
    void stop() {
        if (client != null) {
            client.close();
        }
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.close();
        }
        eraseDataKey();
    }

    /** Deletes the directory and everything in it. */
    void delete() throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
