package dev.kmipjca.jca;

import dev.kmipjca.keystore.EntryInfo;
import dev.kmipjca.keystore.EntryKind;
import dev.kmipjca.keystore.KeystoreException;
import dev.kmipjca.keystore.ServerKeyEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.KeyStoreSpi;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.UnrecoverableEntryException;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * {@code KeyStore "KMIP"}: a keystore file ({@code docs/keystore.md}) whose entries are protected by a
 * master key on a KMIP server. Entries are secret keys, private keys with their chains, trusted
 * certificates and references to server keys; the reserved aliases of {@link ServerAliases} name
 * server keys directly. Entry passwords are accepted and ignored: the master key protects every entry.
 * Loading and storing, and the state they leave, are {@link KeystoreState}'s.
 */
final class KmipKeyStoreSpi extends KeyStoreSpi {
    private final KeystoreState state;
    /** The master key's Initial Date, once asked for (one round trip); forgotten on load. */
    private Instant masterCreated;

    KmipKeyStoreSpi(Engines engines) {
        this.state = new KeystoreState(engines);
    }

    // ---- load and store ---------------------------------------------------------------------------

    @Override
    public void engineLoad(InputStream in, char[] password) throws IOException {
        masterCreated = null;
        state.load(in, password);
    }

    @Override
    public void engineLoad(KeyStore.LoadStoreParameter param) throws IOException {
        masterCreated = null;
        state.load(param);
    }

    @Override
    public void engineStore(OutputStream out, char[] password) throws IOException {
        state.store(out);
    }

    @Override
    public void engineStore(KeyStore.LoadStoreParameter param) throws IOException {
        state.store(param);
    }

    @Override
    public boolean engineProbe(InputStream in) throws IOException {
        return KeystoreIo.probe(in);
    }

    // ---- reading entries --------------------------------------------------------------------------

    @Override
    public Key engineGetKey(String alias, char[] password) throws UnrecoverableKeyException {
        if (ServerAliases.isReserved(alias)) {
            if (ServerAliases.isMaster(alias) && state.isPending()) {
                try {
                    state.requireContents();
                } catch (IOException ex) {
                    UnrecoverableKeyException u = new UnrecoverableKeyException(ex.getMessage());
                    u.initCause(ex);
                    throw u;
                }
            }
            return state.link() == null ? null : ServerAliases.resolve(state.link(), masterKeyId(), alias);
        }
        KeyStore.Entry e;
        try {
            e = stored(alias);
        } catch (KeystoreException ex) {
            UnrecoverableKeyException u = new UnrecoverableKeyException("entry " + alias + ": " + ex.getMessage());
            u.initCause(ex);
            throw u;
        }
        if (e instanceof KeyStore.SecretKeyEntry s) {
            return s.getSecretKey();
        } else if (e instanceof KeyStore.PrivateKeyEntry p) {
            return p.getPrivateKey();
        } else if (e instanceof ServerKeyEntry s) {
            return handle(s);
        }
        return null;
    }

    @Override
    public KeyStore.Entry engineGetEntry(String alias, KeyStore.ProtectionParameter protection)
            throws UnrecoverableEntryException {
        if (protection == null && engineIsKeyEntry(alias)) {
            // as KeyStoreSpi's default and PKCS12 do; keytool then carries the password over when it copies entries
            throw new UnrecoverableEntryException("entry " + alias + ": getEntry of a key entry takes a PasswordProtection"
                    + " (any password: the master key protects KMIP keystore entries, and entry passwords are ignored)");
        }
        if (ServerAliases.isReserved(alias)) {
            Key k = engineGetKey(alias, KeystoreIo.password(protection));
            return k == null ? null : new KeyStore.SecretKeyEntry((SecretKey) k);
        }
        try {
            KeyStore.Entry e = stored(alias);
            return e instanceof ServerKeyEntry s ? new KeyStore.SecretKeyEntry(handle(s)) : e;
        } catch (KeystoreException ex) {
            UnrecoverableEntryException u = new UnrecoverableEntryException("entry " + alias + ": " + ex.getMessage());
            u.initCause(ex);
            throw u;
        }
    }

    @Override
    public Certificate[] engineGetCertificateChain(String alias) {
        return storedQuietly(alias) instanceof KeyStore.PrivateKeyEntry p ? p.getCertificateChain() : null;
    }

    @Override
    public Certificate engineGetCertificate(String alias) {
        KeyStore.Entry e = storedQuietly(alias);
        if (e instanceof KeyStore.PrivateKeyEntry p) {
            return p.getCertificate();
        }
        return e instanceof KeyStore.TrustedCertificateEntry t ? t.getTrustedCertificate() : null;
    }

    @Override
    public Date engineGetCreationDate(String alias) {
        if (ServerAliases.isReserved(alias)) {
            return serverKeyDate(alias);
        }
        Optional<EntryInfo> info = info(alias);
        return info.map(i -> Date.from(i.created())).orElse(null);
    }

    /** A server key's Initial Date (one round trip; cached for the master key), or the load time when unknown. */
    private Date serverKeyDate(String alias) {
        String uid = ServerAliases.isMaster(alias) ? masterKeyId() : null;
        if (uid == null) {
            ServerKeyHandle h = resolveQuietly(alias);
            if (h == null) {
                return null;
            }
            uid = h.uniqueIdentifier();
        } else if (masterCreated != null) {
            return Date.from(masterCreated);
        }
        Instant d = MasterKeys.initialDate(state.link(), uid);
        Instant date = d == null ? state.loadedAt() : d;
        masterCreated = uid.equals(masterKeyId()) ? date : masterCreated;
        return Date.from(date);
    }

    @Override
    public Enumeration<String> engineAliases() {
        List<String> all = new ArrayList<>();
        if (masterKeyId() != null) {
            all.add(ServerAliases.MASTER);
        }
        if (state.contents() != null) {
            all.addAll(state.contents().aliases());
        }
        return Collections.enumeration(all);
    }

    @Override
    public boolean engineContainsAlias(String alias) {
        if (ServerAliases.isReserved(alias)) {
            return ServerAliases.isMaster(alias) ? masterKeyId() != null || state.isPending() : resolveQuietly(alias) != null;
        }
        return state.contents() != null && state.contents().containsAlias(alias);
    }

    @Override
    public int engineSize() {
        return (state.contents() == null ? 0 : state.contents().size()) + (masterKeyId() != null ? 1 : 0);
    }

    @Override
    public boolean engineIsKeyEntry(String alias) {
        if (ServerAliases.isReserved(alias)) {
            return engineContainsAlias(alias);
        }
        return info(alias).map(i -> i.kind().isKey()).orElse(false);
    }

    @Override
    public boolean engineIsCertificateEntry(String alias) {
        return !ServerAliases.isReserved(alias)
                && info(alias).map(i -> i.kind() == EntryKind.TRUSTED_CERTIFICATE).orElse(false);
    }

    @Override
    public String engineGetCertificateAlias(Certificate cert) {
        if (state.contents() == null) {
            return null;
        }
        for (EntryInfo i : state.contents().entries()) {
            if (i.kind() == EntryKind.PRIVATE_KEY || i.kind() == EntryKind.TRUSTED_CERTIFICATE) {
                if (cert.equals(engineGetCertificate(i.alias()))) {
                    return i.alias();
                }
            }
        }
        return null;
    }

    @Override
    public boolean engineEntryInstanceOf(String alias, Class<? extends KeyStore.Entry> entryClass) {
        if (ServerAliases.isReserved(alias)) {
            return entryClass.isAssignableFrom(KeyStore.SecretKeyEntry.class) && engineContainsAlias(alias);
        }
        return info(alias).map(i -> entryClass.isAssignableFrom(KeystoreIo.entryClass(i.kind()))).orElse(false);
    }

    // ---- changing entries -------------------------------------------------------------------------

    @Override
    public void engineSetKeyEntry(String alias, Key key, char[] password, Certificate[] chain) throws KeyStoreException {
        KeyStore.Entry e;
        if (key instanceof KmipKey k) {
            e = serverEntry(k);
        } else if (key instanceof SecretKey s) {
            e = new KeyStore.SecretKeyEntry(s);
        } else if (key instanceof PrivateKey p) {
            try {
                e = new KeyStore.PrivateKeyEntry(p, chain);
            } catch (IllegalArgumentException | NullPointerException ex) {
                throw new KeyStoreException("entry " + alias + ": " + ex.getMessage(), ex);
            }
        } else {
            throw new KeyStoreException("entry " + alias + ": a " + (key == null ? "null key" : key.getClass().getName())
                    + " cannot be stored; a KMIP keystore holds secret keys, private keys with certificate chains,"
                    + " trusted certificates and server key handles");
        }
        put(alias, e);
    }

    @Override
    public void engineSetKeyEntry(String alias, byte[] key, Certificate[] chain) throws KeyStoreException {
        throw new KeyStoreException("entry " + alias + ": a KMIP keystore does not take keys as protected bytes;"
                + " pass the Key itself (the master key protects it)");
    }

    @Override
    public void engineSetCertificateEntry(String alias, Certificate cert) throws KeyStoreException {
        Optional<EntryInfo> existing = ServerAliases.isReserved(alias) ? Optional.empty() : info(alias);
        if (existing.isPresent() && existing.get().kind() != EntryKind.TRUSTED_CERTIFICATE) {
            throw new KeyStoreException("alias " + alias + " holds a " + existing.get().kind() + " entry, not a trusted"
                    + " certificate; delete it first");
        }
        put(alias, new KeyStore.TrustedCertificateEntry(cert));
    }

    @Override
    public void engineSetEntry(String alias, KeyStore.Entry entry, KeyStore.ProtectionParameter protection)
            throws KeyStoreException {
        if (entry instanceof KeyStore.SecretKeyEntry s && s.getSecretKey() instanceof KmipKey k) {
            put(alias, serverEntry(k));
        } else if (entry instanceof KeyStore.TrustedCertificateEntry t) {
            engineSetCertificateEntry(alias, t.getTrustedCertificate());
        } else {
            put(alias, entry);
        }
    }

    @Override
    public void engineDeleteEntry(String alias) throws KeyStoreException {
        if (ServerAliases.isReserved(alias)) {
            throw new KeyStoreException(alias + " names a key on the KMIP server, which the keystore does not delete;"
                    + " revoke and destroy server keys on the server (java -jar kmip-jca.jar keys)");
        }
        if (state.contents() != null) {
            state.contents().delete(alias);
        }
    }

    private void put(String alias, KeyStore.Entry entry) throws KeyStoreException {
        if (ServerAliases.isReserved(alias)) {
            throw new KeyStoreException("alias " + alias + ": aliases starting with " + ServerAliases.PREFIX
                    + " are reserved for keys on the KMIP server (kmip:master, kmip:uid:ID, kmip:name:NAME)");
        }
        try {
            state.requireContents().put(alias, entry);
        } catch (IOException e) {
            throw new KeyStoreException(e.getMessage(), e);
        } catch (KeystoreException e) {
            throw new KeyStoreException("entry " + alias + ": " + e.getMessage(), e);
        }
    }

    private ServerKeyEntry serverEntry(KmipKey k) throws KeyStoreException {
        ServerLink link = state.link();
        if (k instanceof ServerKeyHandle h && link != null && !h.link().client.servers().equals(link.client.servers())) {
            throw new KeyStoreException("the key handle " + k.uniqueIdentifier() + " belongs to the KMIP server "
                    + h.link().serversText() + ", not to this keystore's " + link.serversText());
        }
        return new ServerKeyEntry(k.uniqueIdentifier(), k.getAlgorithm(), k.keySizeBits());
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private String masterKeyId() {
        return state.masterKeyId();
    }

    private ServerKeyHandle handle(ServerKeyEntry s) {
        return new ServerKeyHandle(s.uniqueId(), s.algorithm(), s.keySizeBits(), state.link());
    }

    private KeyStore.Entry stored(String alias) throws KeystoreException {
        return state.contents() == null ? null : state.contents().get(alias).orElse(null);
    }

    private KeyStore.Entry storedQuietly(String alias) {
        if (ServerAliases.isReserved(alias)) {
            return null;
        }
        try {
            return stored(alias);
        } catch (KeystoreException e) {
            throw new ProviderException("entry " + alias + ": " + e.getMessage(), e);
        }
    }

    private Optional<EntryInfo> info(String alias) {
        return state.contents() == null ? Optional.empty() : state.contents().info(alias);
    }

    private ServerKeyHandle resolveQuietly(String alias) {
        try {
            return state.link() == null ? null : ServerAliases.resolve(state.link(), masterKeyId(), alias);
        } catch (UnrecoverableKeyException e) {
            return null;
        }
    }
}
