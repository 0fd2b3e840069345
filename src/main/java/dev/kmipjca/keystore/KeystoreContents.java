package dev.kmipjca.keystore;

import dev.kmipjca.envelope.JdkRandom;
import dev.kmipjca.envelope.KeyWrapService;
import dev.kmipjca.envelope.WrappedKey;
import dev.kmipjca.keystore.KeystoreException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An open keystore: its settings text, the keystore key (unwrapped once, held until {@link #close()}),
 * the master key history and the entries. The master key is used only through a
 * {@link KeyWrapService}: one wrap when a keystore is created, one unwrap when it is opened (whatever
 * its size), one wrap per rotation; reading, changing and writing entries need no server.
 *
 * <p>Entries are held encrypted, exactly as in the file, and decrypted one at a time by {@link #get}
 * (lazily: the authenticator over all of them is checked when the keystore is opened). {@link #put}
 * encrypts at once, so {@link #serialize} only formats. Aliases are case-insensitive: they are stored
 * in lower case ({@code Locale.ROOT}), as the JDK's JKS and PKCS12 keystores do, and listed that way.
 *
 * <p>Methods are synchronized. After {@link #close()}, which wipes the keys, every method but
 * {@code close}, {@code isClosed} and {@code toString} throws {@link IllegalStateException}.
 */
public final class KeystoreContents implements AutoCloseable {
    private final PropertiesText settings;
    /**
     * The entries by alias, in file order; shared with the parse until the first change
     * ({@link #writableEntries}). Null until first needed after {@link #open}: {@link #map()}.
     */
    private Map<String, SealedEntry> entries;
    private boolean entriesShared;
    /** The opened file whose entries {@link #map()} takes when first needed, and their number. */
    private KeystoreFile pending;
    private int pendingCount;
    private final List<RetiredMasterKey> history;
    private final SecureRandom random = JdkRandom.create();
    private String masterKeyId;
    private WrappedKey wrappedKey;
    private KeystoreKeys keys;
    private boolean closed;

    private KeystoreContents(PropertiesText settings, String masterKeyId, WrappedKey wrappedKey, KeystoreKeys keys,
            List<RetiredMasterKey> history, Map<String, SealedEntry> entries) {
        this.settings = settings;
        this.masterKeyId = masterKeyId;
        this.wrappedKey = wrappedKey;
        this.keys = keys;
        this.history = new ArrayList<>(history);
        this.entries = entries;
    }

    /**
     * A new, empty keystore for the settings of {@code file}, whose keystore key is a fresh random
     * AES-256 key wrapped under {@code masterKeyId} (one {@link KeyWrapService#wrap}).
     *
     * @throws IllegalArgumentException when the file is already initialised, or its
     *                                  {@code kmip.keyIdentifier} names another master key
     * @throws KeystoreException        MASTER_KEY_FAILED when the wrap fails
     */
    public static KeystoreContents create(KeystoreFile file, String masterKeyId, KeyWrapService wrapService)
            throws KeystoreException {
        Objects.requireNonNull(masterKeyId, "masterKeyId");
        if (file.isInitialised()) {
            throw new IllegalArgumentException("the keystore file is already initialised; open it instead");
        }
        String configured = file.setting(Format.KEY_IDENTIFIER).map(String::strip).orElse("");
        if (!configured.isEmpty() && !configured.equals(masterKeyId)) {
            throw new IllegalArgumentException(Format.KEY_IDENTIFIER + " is " + configured + ", not " + masterKeyId);
        }
        KeystoreKeys keys = KeystoreKeys.generate(JdkRandom.create());
        try {
            WrappedKey wrapped = Unlock.wrap(wrapService, masterKeyId, keys);
            return new KeystoreContents(file.settingsText().copy(), wrapped.masterKeyId(), wrapped, keys, List.of(),
                    new LinkedHashMap<>());
        } catch (KeystoreException | RuntimeException e) {
            keys.zero();
            throw e;
        }
    }

    /**
     * Opens an initialised keystore: one {@link KeyWrapService#unwrap} of the keystore key, then the
     * authenticator over the whole protected section is checked. Entries are decrypted by {@link #get}.
     * For a file from {@link KeystoreFile#parseStarted} the entries may still be being read when this
     * returns (version 2: they are authentic, their bytes are part of the authenticator's input); the first
     * method that needs them waits.
     *
     * @throws IllegalArgumentException when the file is not initialised
     * @throws KeystoreException        MASTER_KEY_FAILED when the unwrap fails (cause: the
     *                                  {@code KeyWrapException}), AUTHENTICATION_FAILED when the
     *                                  authenticator does not match, and for a file from
     *                                  {@code parseStarted} what {@code KeystoreFile.parse} would have
     *                                  thrown for its section
     */
    public static KeystoreContents open(KeystoreFile file, KeyWrapService wrapService) throws KeystoreException {
        if (!file.isInitialised()) {
            throw new IllegalArgumentException("the keystore file is not initialised; create it instead");
        }
        KeystoreKeys keys = Unlock.open(file, wrapService);
        SectionHead h = file.head();
        KeystoreContents c = new KeystoreContents(file.settingsText().copy(), h.masterKeyId(), h.wrappedKey(), keys,
                h.history(), null);
        c.pending = file; // its entries may still be being read: map() waits for them when first needed
        c.pendingCount = h.entryCount();
        c.entriesShared = true;
        return c;
    }

    // ---- entries ----------------------------------------------------------------------------------

    public synchronized int size() {
        check();
        return entries == null ? pendingCount : entries.size();
    }

    /** The aliases, lower case, in file order (new ones last). */
    public synchronized List<String> aliases() {
        check();
        return List.copyOf(map().keySet());
    }

    /** The alias, kind and creation date of every entry, in file order; nothing is decrypted. */
    public synchronized List<EntryInfo> entries() {
        check();
        List<EntryInfo> out = new ArrayList<>(map().size());
        map().values().forEach(e -> out.add(e.info()));
        return out;
    }

    public synchronized boolean containsAlias(String alias) {
        check();
        return map().containsKey(alias.toLowerCase(Locale.ROOT));
    }

    /** The alias, kind and creation date of an entry, without decrypting it. */
    public synchronized Optional<EntryInfo> info(String alias) {
        check();
        return Optional.ofNullable(map().get(alias.toLowerCase(Locale.ROOT))).map(SealedEntry::info);
    }

    /**
     * Decrypts an entry: a {@code KeyStore.SecretKeyEntry}, {@code PrivateKeyEntry} (key restored with
     * the {@code KeyFactory} of its algorithm), {@code TrustedCertificateEntry} or {@link ServerKeyEntry}.
     * Each call returns new objects.
     *
     * @throws KeystoreException when the entry cannot be decrypted or restored
     */
    public synchronized Optional<KeyStore.Entry> get(String alias) throws KeystoreException {
        check();
        SealedEntry sealed = map().get(alias.toLowerCase(Locale.ROOT));
        if (sealed == null) {
            return Optional.empty();
        }
        byte[] plaintext = keys.open(sealed);
        try {
            return Optional.of(EntryCodec.decode(sealed.kind, plaintext, sealed.alias));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** {@link #put(String, KeyStore.Entry, Instant)} created now. */
    public synchronized void put(String alias, KeyStore.Entry entry) throws KeystoreException {
        put(alias, entry, Instant.now());
    }

    /**
     * Encrypts and stores an entry under {@code alias} (case-insensitive), replacing the entry of that
     * alias if there is one. The date is kept to the millisecond.
     *
     * @throws KeystoreException INVALID_ENTRY when the entry cannot be stored (a key without encoding, a
     *                           non-X.509 certificate, an alias of more than 1024 UTF-8 bytes, too many entries)
     */
    public synchronized void put(String alias, KeyStore.Entry entry, Instant created) throws KeystoreException {
        check();
        String canonical = SealedEntry.canonicalAlias(alias);
        EntryKind kind = EntryCodec.kindOf(entry);
        if (!map().containsKey(canonical) && map().size() >= Format.MAX_ENTRIES) {
            throw new KeystoreException(Reason.INVALID_ENTRY, "a keystore holds at most " + Format.MAX_ENTRIES
                    + " entries");
        }
        ByteWriter plaintext = EntryCodec.encode(entry);
        try {
            byte[] pt = plaintext.toByteArray();
            try {
                long millis = created.truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
                writableEntries().put(canonical, keys.seal(kind, canonical, millis, pt, random));
            } finally {
                Arrays.fill(pt, (byte) 0);
            }
        } finally {
            plaintext.wipe();
        }
    }

    /** Removes an entry; false when there was none. */
    public synchronized boolean delete(String alias) {
        check();
        String canonical = alias.toLowerCase(Locale.ROOT);
        return map().containsKey(canonical) && writableEntries().remove(canonical) != null;
    }

    /**
     * The entries; after {@link #open}, the file's, waited for if they are still being read. They were
     * authenticated with the rest of the section (their bytes are part of the authenticator's input), so
     * reading them cannot fail but for a fault of kmip-jca's (IllegalStateException).
     */
    private Map<String, SealedEntry> map() {
        if (entries == null) {
            try {
                entries = pending.section().index();
            } catch (KeystoreException e) {
                throw new IllegalStateException("the authenticated protected section cannot be read: " + e.getMessage(), e);
            }
            pending = null;
        }
        return entries;
    }

    /** The entries, copied first when they are still the parse's (which other keystores opened from it share). */
    private Map<String, SealedEntry> writableEntries() {
        if (entriesShared) {
            entries = new LinkedHashMap<>(map());
            entriesShared = false;
        }
        return entries;
    }

    // ---- settings, master key, history ------------------------------------------------------------

    /** The value of a setting of the settings part, unescaped. */
    public synchronized Optional<String> setting(String key) {
        check();
        return settings.get(key);
    }

    /**
     * Sets a setting of the settings part in place (or appends it after the last setting), keeping
     * every other line as written. {@code kmip.keyIdentifier} is managed by the keystore and
     * {@code kmipjca.*} names are reserved for the protected section.
     */
    public synchronized void setSetting(String key, String value) {
        check();
        Objects.requireNonNull(value, "value");
        if (key.isEmpty() || key.toLowerCase(Locale.ROOT).startsWith(Format.FIELD_PREFIX)
                || key.equals(Format.KEY_IDENTIFIER)) {
            throw new IllegalArgumentException(key + " cannot be set: " + Format.KEY_IDENTIFIER
                    + " follows the master key and kmipjca.* names belong to the protected section");
        }
        settings.set(key, value);
    }

    /** The Unique Identifier of the master key that wraps the keystore key now. */
    public synchronized String masterKeyId() {
        check();
        return masterKeyId;
    }

    /** The master keys that wrapped the keystore key before, oldest first. */
    public synchronized List<RetiredMasterKey> history() {
        check();
        return List.copyOf(history);
    }

    // ---- rotation ---------------------------------------------------------------------------------

    /**
     * Wraps the same keystore key under another master key (one {@link KeyWrapService#wrap}; the
     * entries are not touched) and records the previous master key in the history. On failure nothing
     * changes.
     */
    public synchronized void rewrap(KeyWrapService wrapService, String newMasterKeyId) throws KeystoreException {
        check();
        WrappedKey wrapped = Unlock.wrap(wrapService, newMasterKeyId, keys);
        retire(wrapped);
    }

    /**
     * Replaces the keystore key with a new random one, re-encrypts every entry under it, and wraps it
     * under {@code masterKeyId} (the current one or a new one; one {@link KeyWrapService#wrap}). On
     * failure nothing changes.
     */
    public synchronized void rotateKeystoreKey(KeyWrapService wrapService, String newMasterKeyId)
            throws KeystoreException {
        check();
        KeystoreKeys fresh = KeystoreKeys.generate(random);
        try {
            Map<String, SealedEntry> resealed = keys.resealAll(map().values(), fresh, random);
            WrappedKey wrapped = Unlock.wrap(wrapService, newMasterKeyId, fresh);
            entries = resealed;
            entriesShared = false;
            keys.zero();
            keys = fresh;
            retire(wrapped);
        } catch (KeystoreException | RuntimeException e) {
            fresh.zero();
            throw e;
        }
    }

    private void retire(WrappedKey wrapped) {
        if (!wrapped.masterKeyId().equals(masterKeyId)) {
            history.add(new RetiredMasterKey(masterKeyId, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
            if (history.size() > Format.MAX_HISTORY) {
                history.remove(0);
            }
        }
        masterKeyId = wrapped.masterKeyId();
        wrappedKey = wrapped;
    }

    // ---- writing ----------------------------------------------------------------------------------

    /**
     * The file's bytes: the settings text as it was read (comments, order and spacing kept), with a
     * first line marking an initialised keystore and {@code kmip.keyIdentifier} set to the master key,
     * then the protected section. No server is involved.
     */
    public synchronized byte[] serialize() {
        check();
        PropertiesText out = settings.copy();
        boolean marked = out.lines().stream()
                .anyMatch(l -> !l.isSetting() && l.strippedText().startsWith(Format.HEADER_PREFIX));
        if (!marked) {
            out.insertText(0, Format.HEADER);
        }
        out.set(Format.KEY_IDENTIFIER, masterKeyId);
        out.endWithBlankLine();
        byte[] settingsPart = out.render().getBytes(StandardCharsets.UTF_8);
        byte[] body = ProtectedSection.renderBody(masterKeyId, wrappedKey, history, new ArrayList<>(map().values()),
                out.newline()).getBytes(StandardCharsets.US_ASCII);
        byte[] mac = ProtectedSection.authenticateV2(keys.authenticator(), SectionDigest.of(body, 0, body.length));
        byte[] tail = ProtectedSection.renderTail(mac, out.newline()).getBytes(StandardCharsets.US_ASCII);
        byte[] file = Arrays.copyOf(settingsPart, settingsPart.length + body.length + tail.length);
        System.arraycopy(body, 0, file, settingsPart.length, body.length);
        System.arraycopy(tail, 0, file, settingsPart.length + body.length, tail.length);
        Arrays.fill(settingsPart, (byte) 0); // it may hold kmip.clientCertificatePassword
        return file;
    }

    /**
     * Writes {@link #serialize()} to {@code file} atomically: a temporary file in the same directory,
     * flushed to disk, renamed over {@code file}, then the directory flushed. On failure the old file
     * is intact and the temporary file removed.
     */
    public void writeAtomically(Path file) throws IOException {
        writeAtomically(file, AtomicWrite.NONE);
    }

    void writeAtomically(Path file, AtomicWrite.Hook hook) throws IOException {
        AtomicWrite.write(file, serialize(), hook);
    }

    // ---- life cycle -------------------------------------------------------------------------------

    /** Wipes the keystore key and the keys derived from it. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            keys.zero();
        }
    }

    /** Same as {@link #close()}. */
    public void zero() {
        close();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private void check() {
        if (closed) {
            throw new IllegalStateException("the keystore was closed");
        }
    }

    @Override
    public synchronized String toString() {
        return closed ? "KeystoreContents[closed]"
                : "KeystoreContents[master key " + masterKeyId + ", " + (entries == null ? pendingCount : entries.size())
                        + " entries]";
    }
}
