package dev.kmipjca.keystore;

import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.config.KmipSettingsException;
import dev.kmipjca.keystore.KeystoreException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A keystore file as read, before any cryptography: the settings part (the {@code kmip.*} settings,
 * kept line by line with their comments) and, once the keystore is initialised, the protected section
 * after it. The file is UTF-8 and a valid {@code java.util.Properties} file as a whole. docs/keystore.md
 * describes the format.
 *
 * <p>Parsing checks the structure only; {@link KeystoreContents#open} unwraps the keystore key and
 * verifies the protected section. Instances are safe to share between threads: what they say never changes
 * (the section may still be being read by {@link #parseStarted}'s background thread, and an open records
 * that the section was found authentic).
 */
public final class KeystoreFile {
    /** The format version this code writes (it reads this one and version 1). */
    public static final int FORMAT_VERSION = Format.VERSION;
    /** The largest file accepted, in bytes. */
    public static final int MAX_FILE_BYTES = Format.MAX_FILE_BYTES;

    private final PropertiesText settings;
    /** The section's first fields; null before initialisation. */
    private final SectionHead head;
    /** The whole section, read or being read; null before initialisation. */
    private final FutureTask<ProtectedSection> section;

    /**
     * What authenticates a version 2 section without its entries: the digest of its bytes and the
     * authenticator as written, on the line that starts at byte {@code macOffset}.
     */
    record Early(SectionDigest digest, byte[] mac, int macOffset) {
    }

    /** Version 2 whose authenticator's line was found: null when the section must be read in full to be authenticated. */
    private final Early early;
    private final byte[] bytes;
    private final int beginOffset;
    /**
     * Set once the section was found authentic: an HMAC, under the authenticator key that matched, of a fixed
     * label and the authenticator as written. It holds no key material; {@link Unlock#open} compares it with
     * the same HMAC under the key of a later open of this very file (the same bytes), and when they are equal
     * the section need not be authenticated again.
     */
    private volatile byte[] verifiedTag;

    private KeystoreFile(PropertiesText settings, ProtectedSection section) {
        this.early = null;
        this.bytes = null;
        this.beginOffset = 0;
        this.settings = settings;
        this.head = section == null ? null : SectionHead.of(section);
        this.section = section == null ? null : new FutureTask<>(() -> section);
        if (section != null) {
            this.section.run();
        }
    }

    private KeystoreFile(PropertiesText settings, SectionHead head, FutureTask<ProtectedSection> section, Early early,
            byte[] bytes, int beginOffset) {
        this.settings = settings;
        this.head = head;
        this.section = section;
        this.early = early;
        this.bytes = bytes;
        this.beginOffset = beginOffset;
    }

    /** A keystore without settings and without a protected section, for a keystore that exists in memory only. */
    public static KeystoreFile empty() {
        return new KeystoreFile(PropertiesText.empty(), null);
    }

    /** Reads a file (at most {@link #MAX_FILE_BYTES}). */
    public static KeystoreFile read(Path file) throws IOException, KeystoreException {
        return parse(bytesOf(file));
    }

    /** Reads a stream to its end (at most {@link #MAX_FILE_BYTES}); the stream is not closed. */
    public static KeystoreFile parse(InputStream in) throws IOException, KeystoreException {
        return parse(bytesOf(in));
    }

    /** The bytes of a keystore file, refused (MALFORMED) when there are more than {@link #MAX_FILE_BYTES}. */
    public static byte[] bytesOf(Path file) throws IOException, KeystoreException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new KeystoreException(Reason.MALFORMED, file + " has " + size + " bytes, more than the limit of "
                    + MAX_FILE_BYTES + " for a keystore file");
        }
        return Files.readAllBytes(file);
    }

    /**
     * A stream read to its end, refused (MALFORMED) past {@link #MAX_FILE_BYTES}; the stream is not
     * closed. The buffer starts at {@code available()} bytes, so a stream that knows its length (a
     * file's, a byte array's) is read into one array of exactly that size, without copying.
     */
    public static byte[] bytesOf(InputStream in) throws IOException, KeystoreException {
        return FileText.readAll(in);
    }

    /**
     * How many bytes at the start of {@code bytes} are the settings part (up to the protected section's
     * begin marker line, or all of them): the only part of a keystore file that may hold a secret in
     * clear ({@code kmip.clientCertificatePassword}).
     */
    public static int settingsPartLength(byte[] bytes) {
        SectionReader.Begin begin = SectionReader.findBegin(bytes);
        return begin == null ? bytes.length : begin.offset();
    }

    /**
     * Parses the bytes of a keystore file. The file keeps {@code bytes} (not a copy): the entries of a
     * version 2 section are decoded from it when first used, so the protected section's bytes must not
     * change afterwards (the settings part before it may be wiped).
     *
     * @throws KeystoreException MALFORMED (not UTF-8, a bad escape, a misplaced or invalid field, no
     *                           settings at all, {@code kmip.keyIdentifier} contradicting the section),
     *                           TRUNCATED, or UNSUPPORTED_VERSION; the message names the line and field
     */
    public static KeystoreFile parse(byte[] bytes) throws KeystoreException {
        KeystoreFile f = parse(bytes, false);
        f.section(); // throws what is wrong with the section
        return f;
    }

    /**
     * As {@link #parse(byte[])}, but a large file's entries may still be being read when this returns:
     * the settings part and the section's fields up to {@code kmipjca.entryCount} (what unwrapping the
     * keystore key needs) are read now; a background thread hashes a version 2 section's bytes, then reads
     * the entries, so that {@link KeystoreContents#open} can unwrap the keystore key on the server meanwhile. A problem in the
     * rest of the section is thrown by the first method that needs it ({@link KeystoreContents#open},
     * {@link #entryCount}), with the same reason and message {@code parse} gives.
     *
     * @throws KeystoreException what is wrong with the settings part or the section's first fields
     */
    public static KeystoreFile parseStarted(byte[] bytes) throws KeystoreException {
        return parse(bytes, true);
    }

    /**
     * @param background read a large file's entries, and hash its section, on the background thread; else
     *                   read the entries now, and hash the section when the digest is first needed (a file
     *                   that is only inspected, or probed by keytool, is never hashed)
     */
    private static KeystoreFile parse(byte[] bytes, boolean background) throws KeystoreException {
        SectionReader.Begin begin = SectionReader.findBegin(bytes);
        SectionHead head = begin == null ? null : SectionReader.readHead(bytes, begin);
        if (head == null) {
            return parseGeneral(bytes);
        }
        // a version 2 section's digest needs no key: it is computed while the rest is read and the keystore
        // key unwrapped, and with the authenticator (read from the end of the file) it authenticates the section
        // without waiting for the entries
        Early early = head.version() == Format.VERSION ? early(bytes, begin.offset(), background) : null;
        SectionDigest digest = early == null ? null : early.digest();
        // the section starts as kmip-jca writes it (and ASCII): only the settings part needs the general reader
        PropertiesText settings = PropertiesText.parse(FileText.decode(Arrays.copyOf(bytes, begin.offset())))
                .withNewline(FileText.newline(bytes));
        for (PropertiesLine l : settings.lines()) {
            FileText.checkNotSectionField(l);
        }
        FileText.checkKeyIdentifier(settings, head.masterKeyId(), head.masterKeyIdLine());
        FutureTask<ProtectedSection> rest = new FutureTask<>(() -> {
            ProtectedSection fast = SectionReader.read(bytes, begin, digest);
            return fast != null ? fast : parseGeneral(bytes).section(); // which explains a problem
        });
        if (background && bytes.length >= Background.FROM_BYTES) {
            Background.start(rest);
        } else {
            rest.run();
        }
        return new KeystoreFile(settings, head, rest, early, bytes, begin.offset());
    }

    /** The digest (started now, in the background) and the authenticator of a version 2 section, or null when they cannot be found. */
    private static Early early(byte[] bytes, int beginOffset, boolean background) {
        int macOffset = SectionDigest.macLineStart(bytes, beginOffset);
        if (macOffset < 0) {
            return null;
        }
        int from = macOffset + Format.F_MAC.length() + 1;
        int to = from;
        while (to < bytes.length && bytes[to] != '\n' && bytes[to] != '\r') {
            to++;
        }
        byte[] mac;
        try {
            mac = java.util.Base64.getDecoder().decode(Arrays.copyOfRange(bytes, from, to));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (mac.length != Format.MAC_BYTES) {
            return null;
        }
        return new Early(background ? SectionDigest.start(bytes, beginOffset, macOffset)
                : SectionDigest.deferred(bytes, beginOffset, macOffset), mac, macOffset);
    }

    /** For a version 2 file whose authenticator's line was found: its digest and authenticator; else null. */
    Early early() {
        return early;
    }

    /** The line of the authenticator, counted when asked for (for messages). */
    int macLine() throws KeystoreException {
        if (early == null) {
            return section().macLine;
        }
        int line = head.beginLine();
        for (int i = beginOffset; i < early.macOffset(); i++) {
            line += bytes[i] == '\n' ? 1 : 0;
        }
        return line;
    }

    byte[] verifiedTag() {
        return verifiedTag;
    }

    void verified(byte[] tag) {
        verifiedTag = tag;
    }

    /** Every file, whatever its layout, through the general properties reader. */
    static KeystoreFile parseGeneral(byte[] bytes) throws KeystoreException {
        PropertiesText text = PropertiesText.parse(FileText.decode(bytes));
        List<PropertiesLine> lines = text.lines();
        int begin = -1;
        for (int i = 0; i < lines.size() && begin < 0; i++) {
            PropertiesLine l = lines.get(i);
            if (!l.isSetting() && l.strippedText().startsWith(Format.BEGIN_PREFIX)) {
                begin = i;
            } else {
                FileText.checkNotSectionField(l);
            }
        }
        PropertiesText settings = begin < 0 ? text : text.slice(0, begin);
        if (begin < 0) {
            FileText.checkUninitialised(lines);
            return new KeystoreFile(settings, null);
        }
        SectionReader.Begin at = SectionReader.findBegin(bytes);
        SectionDigest digest = at == null ? null : digestOf(bytes, at.offset());
        return withSection(settings, ProtectedSection.parse(lines, begin, digest));
    }

    /**
     * The digest of a version 2 section that begins at {@code beginOffset}, over its bytes up to the
     * authenticator's line, computed when first asked for; null when the section cannot be delimited.
     */
    private static SectionDigest digestOf(byte[] bytes, int beginOffset) {
        int macLine = SectionDigest.macLineStart(bytes, beginOffset);
        return macLine < 0 ? null : SectionDigest.deferred(bytes, beginOffset, macLine);
    }

    private static KeystoreFile withSection(PropertiesText settings, ProtectedSection section) throws KeystoreException {
        FileText.checkKeyIdentifier(settings, section.masterKeyId, section.masterKeyIdLine);
        return new KeystoreFile(settings, section);
    }

    // ---- what the file says -----------------------------------------------------------------------

    /** True once the file has a protected section. */
    public boolean isInitialised() {
        return section != null;
    }

    /** The master key of the protected section ({@code kmipjca.masterKeyId}); empty before initialisation. */
    public Optional<String> masterKeyId() {
        return head == null ? Optional.empty() : Optional.of(head.masterKeyId());
    }

    /**
     * The number of entries in the protected section (0 before initialisation).
     *
     * @throws KeystoreException for a file from {@link #parseStarted}, what is wrong with its section
     */
    public int entryCount() throws KeystoreException {
        return section == null ? 0 : section().entries.size();
    }

    /** The value of a setting of the settings part (the last line that sets it), unescaped. */
    public Optional<String> setting(String key) {
        return settings.get(key);
    }

    /** Every key/value of the settings part, as {@code Properties.load} reads them. */
    public Properties settingsProperties() {
        return settings.toProperties();
    }

    /**
     * The validated settings ({@link KmipSettings#fromProperties}); relative paths resolve against
     * {@code baseDir}, the keystore file's directory. Each problem that concerns a setting of the file
     * names its line: {@code kmip.port=0: must be 1 to 65535 (line 3)}.
     */
    public KmipSettings settings(Path baseDir) throws KmipSettingsException {
        try {
            return KmipSettings.fromProperties(settingsProperties(), baseDir);
        } catch (KmipSettingsException e) {
            List<String> withLines = new ArrayList<>();
            Pattern key = Pattern.compile("kmip\\.[A-Za-z]+");
            for (String problem : e.problems()) {
                Matcher m = key.matcher(problem);
                Optional<PropertiesLine> line = m.find() ? settings.find(m.group()) : Optional.empty();
                withLines.add(line.isPresent() && line.get().number > 0 ? problem + " (line " + line.get().number + ")"
                        : problem);
            }
            throw new KmipSettingsException(withLines);
        }
    }

    PropertiesText settingsText() {
        return settings;
    }

    /** The section's first fields, read by the time the file is; null before initialisation. */
    SectionHead head() {
        return head;
    }

    /**
     * The whole section, null before initialisation; waits while it is being read, or reads it now if
     * nobody has started to.
     *
     * @throws KeystoreException what is wrong with it
     */
    ProtectedSection section() throws KeystoreException {
        if (section == null) {
            return null;
        }
        section.run(); // nothing when it already ran, or is running on a background thread
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return section.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the background thread finishes it soon; the interrupt is kept
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof KeystoreException k) {
                throw new KeystoreException(k.reason(), k.line(), k.getMessage(), k);
            }
            throw new KeystoreException(Reason.MALFORMED, 0, "the protected section could not be read: " + e.getCause(),
                    e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        if (head == null) {
            return "KeystoreFile[not initialised]";
        }
        String entries = "";
        if (section.isDone()) {
            try {
                entries = ", " + section.get().entries.size() + " entries";
            } catch (ExecutionException | InterruptedException | java.util.concurrent.CancellationException e) {
                entries = ", not readable";
            }
        }
        return "KeystoreFile[format " + head.version() + ", master key " + head.masterKeyId() + entries + "]";
    }
}
