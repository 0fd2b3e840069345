package dev.kmipjca.envelope;

import dev.kmipjca.client.BatchItemResult;
import dev.kmipjca.client.BatchResult;
import dev.kmipjca.client.EncryptResult;
import dev.kmipjca.client.KeyMaterial;
import dev.kmipjca.client.KmipClient;
import dev.kmipjca.client.RetrievedObject;
import dev.kmipjca.envelope.KeyWrapException.Kind;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.BlockCipherMode;
import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.CryptographicParameters;
import dev.kmipjca.protocol.Decrypt;
import dev.kmipjca.protocol.Encrypt;
import dev.kmipjca.protocol.GetAttributes;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.ObjectType;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.State;
import dev.kmipjca.protocol.UniqueId;
import dev.kmipjca.transport.BadResponseException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@link KeyWrapService} of a KMIP server: {@link #wrap} is the server's Encrypt under the master
 * key, {@link #unwrap} its Decrypt, both AES-GCM with a 16-byte tag, a random 12-byte IV chosen here
 * (PyKMIP would pick 16 bytes) and the associated data as Authenticated Encryption Additional Data
 * (KMIP 1.4 and later). The master key's bytes are never requested.
 *
 * <p>A server that cannot Encrypt or Decrypt (it answers Operation Not Supported, confirmed with Query
 * and a probe, or the negotiated version is below 1.4) is used only when {@code allowMasterKeyFetch}
 * is set ({@code kmip.allowMasterKeyFetch=true}): the master key is then fetched once with Get, the
 * same AES-GCM is done locally with SunJCE (byte-identical: either side can unwrap what the other
 * wrapped), a WARNING is logged, and {@link #close()} zeroes the fetched key. Without the opt-in the
 * error names the server and the missing operation.
 *
 * <p>Failures map to {@link Kind}: a wrong tag (Cryptographic Failure; PyKMIP: General Failure) is
 * AUTHENTICATION_FAILED, Item Not Found / Object Destroyed KEY_NOT_FOUND, Permission Denied / wrong
 * state / usage mask KEY_NOT_USABLE, an unreachable server UNAVAILABLE. Thread-safe.
 */
public final class KmipKeyWrapService implements KeyWrapService, AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.kmipjca.envelope");
    private static final int IV_BYTES = 12;
    private static final int TAG_BYTES = 16;
    private static final CryptographicParameters GCM = CryptographicParameters.builder()
            .blockCipherMode(BlockCipherMode.GCM).cryptographicAlgorithm(CryptographicAlgorithm.AES)
            .tagLength(TAG_BYTES).build();

    private final KmipClient client;
    private final boolean allowMasterKeyFetch;
    private final boolean requireActiveOnUnwrap;
    /** Where the State read with each checked unwrap is recorded, or null. */
    private final MasterKeyStates observer;
    private final SecureRandom random = JdkRandom.create();
    private final Map<String, byte[]> fetchedKeys = new ConcurrentHashMap<>();
    private volatile boolean localMode;
    private volatile boolean closed;

    /** Wraps on the server; falls back to a fetched master key only when {@code allowMasterKeyFetch}. */
    public KmipKeyWrapService(KmipClient client, boolean allowMasterKeyFetch) {
        this(client, allowMasterKeyFetch, false);
    }

    /**
     * @param requireActiveOnUnwrap also read the master key's State in the same round trip as each
     *                              unwrap (one batch) and refuse, as KEY_NOT_USABLE, a key that is not
     *                              Active (servers may let Deactivated and Compromised keys decrypt)
     */
    public KmipKeyWrapService(KmipClient client, boolean allowMasterKeyFetch, boolean requireActiveOnUnwrap) {
        this(client, allowMasterKeyFetch, requireActiveOnUnwrap, null);
    }

    /**
     * @param observer where the State read with each checked unwrap is recorded ({@link
     *                 MasterKeyStates#observed}), so that later wrap checks find it cached; null for none
     */
    public KmipKeyWrapService(KmipClient client, boolean allowMasterKeyFetch, boolean requireActiveOnUnwrap,
                              MasterKeyStates observer) {
        this.client = client;
        this.allowMasterKeyFetch = allowMasterKeyFetch;
        this.requireActiveOnUnwrap = requireActiveOnUnwrap;
        this.observer = observer;
    }

    /** True once the server was found unable to Encrypt/Decrypt and the master key is used locally. */
    public boolean usesFetchedMasterKey() {
        return localMode;
    }

    @Override
    public WrappedKey wrap(String masterKeyId, byte[] key, byte[] associatedData) throws KeyWrapException {
        checkOpen();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        if (!localMode) {
            try {
                EncryptResult r = client.encrypt(masterKeyId, GCM, key, iv, associatedData);
                return fromServer(masterKeyId, iv, r);
            } catch (KmipResultException e) {
                if (!(e instanceof KmipResultException.OperationNotSupported)) {
                    throw Failures.map(e, masterKeyId, Operation.ENCRYPT);
                }
                switchToLocal(Operation.ENCRYPT, masterKeyId, e);
            } catch (UnsupportedOperationException e) {
                switchToLocal(Operation.ENCRYPT, masterKeyId, e);
            } catch (IOException | BadResponseException e) {
                throw Failures.unavailable(masterKeyId, "wrap", e);
            }
        }
        byte[] ct = local(Cipher.ENCRYPT_MODE, masterKeyId, iv, key, associatedData);
        return new WrappedKey(masterKeyId, WrappedKey.AES_256_GCM, iv, ct);
    }

    /**
     * {@link #wrap} with the master key's State read in the same message (Get Attributes, then Encrypt)
     * and recorded in {@code states}; a key that is not Active is refused with {@link
     * MasterKeyStates#checkWrap}'s error even when the server would encrypt.
     */
    WrappedKey wrapReadingState(String id, byte[] key, byte[] aad, MasterKeyStates states) throws KeyWrapException {
        checkOpen();
        if (localMode) {
            states.checkWrap(id);
            return wrap(id, key, aad);
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        Bytes data = Bytes.of(key);
        try {
            if (client.protocolVersion().isBefore(ProtocolVersion.V1_4)) {
                states.checkWrap(id);
                return wrap(id, key, aad); // explains the version, or falls back when allowed
            }
            BatchResult r = client.batch().getAttributes(id, "State").add(Encrypt.Request.of(UniqueId.of(id), GCM,
                    data, Bytes.of(iv), aad == null ? null : Bytes.of(aad))).execute();
            if (!r.item(0).isSuccess()) {
                String gone = MasterKeyStates.stateOf(r.item(0).failure());
                if (gone == null) {
                    throw Failures.map(r.item(0).failure(), id, Operation.GET_ATTRIBUTES);
                }
                states.observed(id, gone);
                throw states.refusal(id, gone);
            }
            State state = r.item(0).payload(GetAttributes.Response.class).attributes().get(AttributeKey.STATE);
            states.observed(id, MasterKeyStates.stateOf(state));
            if (!State.ACTIVE.equals(state)) {
                throw states.refusal(id, MasterKeyStates.stateOf(state));
            }
            if (!r.item(1).isSuccess()) {
                if (!(r.item(1).failure() instanceof KmipResultException.OperationNotSupported)) {
                    throw Failures.map(r.item(1).failure(), id, Operation.ENCRYPT);
                }
                return wrap(id, key, aad); // switches to the fetched key when allowed, else explains
            }
            Encrypt.Response e = r.item(1).payload(Encrypt.Response.class);
            return fromServer(id, iv, new EncryptResult(e.data(), e.ivCounterNonce(), e.tag()));
        } catch (KmipResultException e) {
            throw Failures.map(e, id, Operation.ENCRYPT);
        } catch (IOException | BadResponseException e) {
            throw Failures.unavailable(id, "wrap", e);
        } finally {
            data.wipe();
        }
    }

    private static WrappedKey fromServer(String id, byte[] iv, EncryptResult r) throws KeyWrapException {
        if (r.tag() == null || r.tag().length() != TAG_BYTES) {
            throw new KeyWrapException(Kind.OTHER, id, "the server's Encrypt under master key " + id + " returned "
                    + (r.tag() == null ? "no" : "a " + r.tag().length() + "-byte") + " authentication tag, not 16 bytes", null);
        }
        if (r.iv() != null && !Arrays.equals(r.iv().toByteArray(), iv)) {
            throw new KeyWrapException(Kind.OTHER, id, "the server's Encrypt under master key " + id
                    + " used another IV than the one sent", null);
        }
        byte[] ct = r.ciphertext() == null ? new byte[0] : r.ciphertext().toByteArray();
        byte[] out = Arrays.copyOf(ct, ct.length + TAG_BYTES);
        System.arraycopy(r.tag().toByteArray(), 0, out, ct.length, TAG_BYTES);
        return new WrappedKey(id, WrappedKey.AES_256_GCM, iv, out);
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped, byte[] associatedData) throws KeyWrapException {
        checkOpen();
        String id = wrapped.masterKeyId();
        if (wrapped.algorithm() != WrappedKey.AES_256_GCM) {
            throw new KeyWrapException(Kind.OTHER, id, "unknown wrap algorithm " + wrapped.algorithm(), null);
        }
        byte[] all = wrapped.ciphertext();
        if (!localMode) {
            try {
                return requireActiveOnUnwrap ? decryptChecked(wrapped, all, associatedData)
                        : decrypt(wrapped, all, associatedData);
            } catch (KmipResultException e) {
                if (!(e instanceof KmipResultException.OperationNotSupported)) {
                    throw Failures.map(e, id, Operation.DECRYPT);
                }
                switchToLocal(Operation.DECRYPT, id, e);
            } catch (UnsupportedOperationException e) {
                switchToLocal(Operation.DECRYPT, id, e);
            } catch (IOException | BadResponseException e) {
                throw Failures.unavailable(id, "unwrap", e);
            }
        }
        if (requireActiveOnUnwrap) {
            requireActive(id);
        }
        return local(Cipher.DECRYPT_MODE, id, wrapped.nonce(), all, associatedData);
    }

    private byte[] decrypt(WrappedKey w, byte[] all, byte[] aad)
            throws KmipResultException, IOException, BadResponseException {
        int n = all.length - TAG_BYTES;
        try (KeyMaterial m = client.decrypt(w.masterKeyId(), GCM, Arrays.copyOf(all, n), w.nonce(), aad,
                Arrays.copyOfRange(all, n, all.length))) {
            return m.toByteArray();
        }
    }

    /** Get Attributes (State) and Decrypt in one message; the State must be Active. */
    private byte[] decryptChecked(WrappedKey w, byte[] all, byte[] aad)
            throws KmipResultException, IOException, BadResponseException, KeyWrapException {
        ProtocolVersion v = client.protocolVersion();
        if (v.isBefore(ProtocolVersion.V1_4)) {
            throw new UnsupportedOperationException("AES-GCM Decrypt needs KMIP 1.4 or later; the version negotiated"
                    + " is " + v);
        }
        String id = w.masterKeyId();
        int n = all.length - TAG_BYTES;
        Decrypt.Request d = Decrypt.Request.of(UniqueId.of(id), GCM, Bytes.of(Arrays.copyOf(all, n)),
                Bytes.of(w.nonce()), aad == null ? null : Bytes.of(aad), Bytes.of(Arrays.copyOfRange(all, n, all.length)));
        BatchResult r = client.batch().getAttributes(id, "State").add(d).execute();
        BatchItemResult decrypted = r.item(1);
        try {
            if (!r.item(0).isSuccess()) {
                throw Failures.map(r.item(0).failure(), id, Operation.GET_ATTRIBUTES);
            }
            State state = r.item(0).payload(GetAttributes.Response.class).attributes().get(AttributeKey.STATE);
            if (observer != null) {
                observer.observed(id, MasterKeyStates.stateOf(state));
            }
            if (!State.ACTIVE.equals(state)) {
                throw new KeyWrapException(Kind.KEY_NOT_USABLE, id, "the master key " + id + " is " + state + " on "
                        + r.server() + ", not Active (revoked or not yet activated)", null);
            }
            try (KeyMaterial m = decrypted.plaintext()) {
                return m.toByteArray();
            }
        } finally {
            if (decrypted.isSuccess()) {
                decrypted.plaintext().close();
            }
        }
    }

    private void requireActive(String id) throws KeyWrapException {
        try {
            State s = client.getAttributes(id, "State").get(AttributeKey.STATE);
            if (!State.ACTIVE.equals(s)) {
                throw new KeyWrapException(Kind.KEY_NOT_USABLE, id, "the master key " + id + " is " + s
                        + ", not Active (revoked or not yet activated)", null);
            }
        } catch (KmipResultException e) {
            throw Failures.map(e, id, Operation.GET_ATTRIBUTES);
        } catch (IOException | BadResponseException e) {
            throw Failures.unavailable(id, "check the state of", e);
        }
    }

    /** The server cannot do {@code op}: fall back to a fetched master key when allowed, else explain. */
    private synchronized void switchToLocal(Operation op, String id, Exception cause) throws KeyWrapException {
        if (localMode) {
            return;
        }
        String why = Failures.whyUnsupported(client, op, cause);
        if (!allowMasterKeyFetch) {
            throw new KeyWrapException(Kind.OTHER, id, why + ". kmip-jca wraps keys with the server's Encrypt and"
                    + " Decrypt, so the master key never leaves the server. Set kmip.allowMasterKeyFetch=true to fetch"
                    + " the master key with Get and wrap locally instead (its bytes then leave the server)", cause);
        }
        LOG.log(System.Logger.Level.WARNING, why + "; kmip.allowMasterKeyFetch=true, so the master key is fetched"
                + " with Get and used locally: its bytes are now in this process's memory");
        localMode = true;
    }

    private byte[] local(int mode, String id, byte[] iv, byte[] input, byte[] aad) throws KeyWrapException {
        byte[] key = masterKey(id);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, iv));
            if (aad != null) {
                c.updateAAD(aad);
            }
            return c.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new KeyWrapException(Kind.AUTHENTICATION_FAILED, id, "the wrapped key or its associated data does"
                    + " not authenticate under master key " + id + " (used locally)", e);
        } catch (GeneralSecurityException e) {
            throw new KeyWrapException(Kind.OTHER, id, "local AES-GCM under master key " + id + " failed: " + e, e);
        }
    }

    /** The master key's bytes, fetched once with Get (only in the opted-in fallback). */
    private byte[] masterKey(String id) throws KeyWrapException {
        byte[] k = fetchedKeys.get(id);
        if (k != null) {
            return k;
        }
        try (RetrievedObject o = client.get(id)) {
            if (!ObjectType.SYMMETRIC_KEY.equals(o.objectType()) || o.material() == null || o.isWrapped()
                    || (o.algorithm() != null && !CryptographicAlgorithm.AES.equals(o.algorithm()))) {
                throw new KeyWrapException(Kind.KEY_NOT_USABLE, id, "the master key " + id + " is not a plain AES"
                        + " symmetric key (" + o.objectType() + ", " + o.algorithm() + ")", null);
            }
            byte[] fetched = o.material().toByteArray();
            if (fetched.length != 16 && fetched.length != 24 && fetched.length != 32) {
                Arrays.fill(fetched, (byte) 0);
                throw new KeyWrapException(Kind.KEY_NOT_USABLE, id, "the master key " + id + " has "
                        + o.material().length() + " bytes, not an AES key length", null);
            }
            LOG.log(System.Logger.Level.WARNING, "fetched master key " + id + " from the KMIP server"
                    + " (kmip.allowMasterKeyFetch=true)");
            byte[] previous = fetchedKeys.putIfAbsent(id, fetched);
            if (previous != null) {
                Arrays.fill(fetched, (byte) 0);
                return previous;
            }
            return fetched;
        } catch (KmipResultException e) {
            throw Failures.map(e, id, Operation.GET);
        } catch (IOException | BadResponseException e) {
            throw Failures.unavailable(id, "fetch", e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the key wrap service was closed");
        }
    }

    /** Zeroes any fetched master key. The client is not closed (the caller owns it). */
    @Override
    public void close() {
        closed = true;
        fetchedKeys.values().forEach(k -> Arrays.fill(k, (byte) 0));
        fetchedKeys.clear();
    }

    @Override
    public String toString() {
        return "KmipKeyWrapService[" + client.servers() + ", " + (localMode ? "master key fetched (opted in)"
                : "server-side Encrypt/Decrypt") + "]";
    }
}
