package dev.kmipjca.client;

import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.config.KmipSettingsException;
import dev.kmipjca.config.ServerAddress;
import dev.kmipjca.protocol.Activate;
import dev.kmipjca.protocol.Attribute;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.Certificate;
import dev.kmipjca.protocol.Create;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.CryptographicParameters;
import dev.kmipjca.protocol.Destroy;
import dev.kmipjca.protocol.DiscoverVersions;
import dev.kmipjca.protocol.Get;
import dev.kmipjca.protocol.GetAttributeList;
import dev.kmipjca.protocol.GetAttributes;
import dev.kmipjca.protocol.KeyBlock;
import dev.kmipjca.protocol.KeyFormatType;
import dev.kmipjca.protocol.KeyValue;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.Locate;
import dev.kmipjca.protocol.ManagedObject;
import dev.kmipjca.protocol.ObjectType;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.PrivateKey;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.Query;
import dev.kmipjca.protocol.QueryFunction;
import dev.kmipjca.protocol.ReKey;
import dev.kmipjca.protocol.Register;
import dev.kmipjca.protocol.RequestPayload;
import dev.kmipjca.protocol.ResponsePayload;
import dev.kmipjca.protocol.Revoke;
import dev.kmipjca.protocol.RevocationReason;
import dev.kmipjca.protocol.RevocationReasonCode;
import dev.kmipjca.protocol.SecretData;
import dev.kmipjca.protocol.SecretDataType;
import dev.kmipjca.protocol.SymmetricKey;
import dev.kmipjca.protocol.UniqueId;
import dev.kmipjca.transport.BadResponseException;
import dev.kmipjca.transport.CredentialsException;
import dev.kmipjca.transport.KmipTransport;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * A KMIP client: one method per operation, typed results, version negotiation, capability discovery
 * and batches. The one public entry point of {@code dev.kmipjca.client}; see {@code package-info.java}
 * for the rules it follows. Thread-safe: share one instance.
 *
 * <p>Every operation throws
 * <ul>
 *   <li>{@link KmipResultException} (a subclass per common Result Reason, with the server filled in)
 *       when the server answers with a failure, or when no protocol version is common;</li>
 *   <li>{@link IOException} when no server could be reached ({@code ServersUnavailableException}), or
 *       when a request that is not safe to repeat was sent and the connection failed
 *       ({@code OutcomeUnknownException});</li>
 *   <li>{@link BadResponseException} when a response is malformed or does not match its request
 *       ({@link ResponseMismatchException}); the connection is discarded and the request not repeated.</li>
 * </ul>
 * Requests a version cannot express (Encrypt before 1.2, AES-GCM before 1.4, Offset Items before 1.3)
 * throw {@link UnsupportedOperationException} before anything is sent.
 *
 * <p>Secret results ({@link KeyMaterial}, {@link RetrievedObject}) must be closed by the caller,
 * which zeroes them. Secret arguments (key bytes to register, plaintext to encrypt) are copied; the
 * copies are zeroed after the call, the caller's arrays are left alone.
 */
public final class KmipClient implements AutoCloseable {
    private final Caller caller;
    private final Discovery discovery;
    private final Ciphers ciphers;
    private final boolean ownsTransport;
    private final CloseActions onClose = new CloseActions();

    private KmipClient(KmipTransport transport, boolean ownsTransport, KmipSettings.Version min,
                       KmipSettings.Version max, int maxResponseBytes) {
        this.caller = new Caller(transport, Negotiator.candidates(min, max), maxResponseBytes);
        this.discovery = new Discovery(caller);
        this.ciphers = new Ciphers(caller);
        this.ownsTransport = ownsTransport;
    }

    /**
     * Opens a transport for these settings (nothing is connected yet) and a client that owns it.
     *
     * @param keystorePassword decrypts the client key when {@code kmip.clientCertificatePassword} is not
     *                         set; may be null; copied, not kept
     */
    public static KmipClient open(KmipSettings settings, char[] keystorePassword)
            throws KmipSettingsException, CredentialsException {
        return new KmipClient(KmipTransport.open(settings, keystorePassword), true, settings.protocolVersionMin(),
                settings.protocolVersionMax(), settings.maxResponseBytes());
    }

    /** A client over a transport it does not own, with the version range and response cap of {@code settings}. */
    public static KmipClient over(KmipTransport transport, KmipSettings settings) {
        return new KmipClient(transport, false, settings.protocolVersionMin(), settings.protocolVersionMax(),
                settings.maxResponseBytes());
    }

    // ---- versions and capabilities ------------------------------------------------------------

    /** The version negotiated with the server that answers now (negotiating on first contact). */
    public ProtocolVersion protocolVersion() throws KmipResultException, IOException, BadResponseException {
        return caller.run(true, null, Session::version);
    }

    /** The version negotiated with {@code server}, from the cache or by negotiating now. */
    public ProtocolVersion protocolVersion(ServerAddress server) throws KmipResultException, IOException, BadResponseException {
        ProtocolVersion v = caller.state(server).version;
        return v != null ? v : caller.run(true, server, Session::version);
    }

    /** Discover Versions (KMIP 1.1 and later) without a list: every version the server supports, its preferred first. */
    public List<ProtocolVersion> discoverVersions() throws KmipResultException, IOException, BadResponseException {
        return send(true, new DiscoverVersions.Request(List.of())).payload(DiscoverVersions.Response.class).protocolVersions();
    }

    /** Query with these functions, uncached; see {@link #capabilities()} for the cached summary. */
    public Query.Response query(QueryFunction... functions) throws KmipResultException, IOException, BadResponseException {
        return send(true, Query.Request.of(functions)).payload(Query.Response.class);
    }

    /** What the server that answers now supports (Query Operations, Objects, Server Information), asked once per server. */
    public Capabilities capabilities() throws KmipResultException, IOException, BadResponseException {
        return capabilities(null);
    }

    /** What {@code server} supports, asked once and cached. */
    public Capabilities capabilities(ServerAddress server) throws KmipResultException, IOException, BadResponseException {
        return discovery.capabilities(server);
    }

    /** Whether the server that answers now lists {@code operation} in Query (servers may under-report; see {@link #probe}). */
    public boolean supports(Operation operation) throws KmipResultException, IOException, BadResponseException {
        return capabilities().supports(operation);
    }

    /**
     * Finds out by calling whether the server serves {@code operation}: sends it for an object that does
     * not exist and reads the answer. Operation Not Supported or Invalid Message (the server cannot even
     * parse it) mean no; any other answer (Item Not Found, Permission Denied …) means yes. Cached per
     * server. Probes exist for Re-key, Add/Modify/Delete/Set Attribute, Encrypt and Decrypt; Set Attribute
     * is a KMIP 2.0 operation and is answered no below 2.0 without asking.
     */
    public boolean probe(Operation operation) throws KmipResultException, IOException, BadResponseException {
        return discovery.probe(operation);
    }

    /** {@code probe(Operation.REKEY)}: PyKMIP answers Operation Not Supported. */
    public boolean probeReKey() throws KmipResultException, IOException, BadResponseException {
        return probe(Operation.REKEY);
    }

    // ---- objects ------------------------------------------------------------------------------

    /**
     * Create: the server generates a symmetric key ({@code create(AES, 256, ObjectSpec.of("kek", ENCRYPT | DECRYPT))}).
     * PyKMIP needs the usage mask.
     *
     * @return the new key's Unique Identifier
     */
    public String create(CryptographicAlgorithm algorithm, int lengthBits, ObjectSpec spec)
            throws KmipResultException, IOException, BadResponseException {
        Create.Request req = Create.Request.of(ObjectType.SYMMETRIC_KEY, spec.toAttributes(algorithm, lengthBits));
        return text(send(false, req).payload(Create.Response.class).uniqueIdentifier());
    }

    /** Register a symmetric key in Raw format; its length is {@code 8 * key.length} bits. */
    public String registerSymmetricKey(byte[] key, CryptographicAlgorithm algorithm, ObjectSpec spec)
            throws KmipResultException, IOException, BadResponseException {
        Bytes k = Bytes.of(key);
        return register(new SymmetricKey(KeyBlock.raw(k, algorithm, key.length * 8)), k,
                spec.toAttributes(algorithm, key.length * 8));
    }

    /** Register Secret Data (a password or seed) in Opaque format. */
    public String registerSecretData(byte[] secret, SecretDataType type, ObjectSpec spec)
            throws KmipResultException, IOException, BadResponseException {
        Bytes k = Bytes.of(secret);
        return register(new SecretData(type, KeyBlock.of(KeyFormatType.OPAQUE, k)), k, spec.toAttributes(null, null));
    }

    /** Register a private key given as PKCS#8 DER. */
    public String registerPrivateKey(byte[] pkcs8, CryptographicAlgorithm algorithm, int lengthBits, ObjectSpec spec)
            throws KmipResultException, IOException, BadResponseException {
        Bytes k = Bytes.of(pkcs8);
        KeyBlock block = new KeyBlock(KeyFormatType.PKCS_8, null, KeyValue.of(k), null, algorithm, lengthBits, null);
        return register(new PrivateKey(block), k, spec.toAttributes(algorithm, lengthBits));
    }

    /** Register an X.509 certificate given as DER. */
    public String registerCertificate(byte[] der, ObjectSpec spec) throws KmipResultException, IOException, BadResponseException {
        return register(Certificate.x509(der), Bytes.of(new byte[0]), spec.toAttributes(null, null));
    }

    private String register(ManagedObject object, Bytes secret, Attributes attributes)
            throws KmipResultException, IOException, BadResponseException {
        try {
            return text(send(false, Register.Request.of(object, attributes)).payload(Register.Response.class).uniqueIdentifier());
        } finally {
            secret.wipe();
        }
    }

    /** Get in the server's default format. Close the result. */
    public RetrievedObject get(String uid) throws KmipResultException, IOException, BadResponseException {
        return get(uid, null);
    }

    /** Get in this Key Format Type (null: the server's default; PyKMIP does not convert formats). Close the result. */
    public RetrievedObject get(String uid, KeyFormatType format) throws KmipResultException, IOException, BadResponseException {
        Get.Request req = new Get.Request(UniqueId.of(uid), format, null, null, null);
        return retrieved(caller.run(true, null, s -> s.send(req)));
    }

    /**
     * Get wrapped under another key with NIST AES key wrap (RFC 3394; Wrapping Method Encrypt, No
     * Encoding from KMIP 1.1). The wrapping key must be an active symmetric key with usage Wrap Key.
     * Close the result.
     */
    public RetrievedObject getWrapped(String uid, String wrappingKeyUid) throws KmipResultException, IOException, BadResponseException {
        return retrieved(caller.run(true, null, s -> s.send(Requests.wrappedGet(uid, wrappingKeyUid, s.version()))));
    }

    private static RetrievedObject retrieved(Reply reply) throws KmipResultException {
        try {
            Get.Response g = reply.payload(Get.Response.class);
            return RetrievedObject.of(text(g.uniqueIdentifier()), Detached.copy(g.object(), reply.version()));
        } finally {
            reply.wipe();
        }
    }

    /** Get Attributes: those named by spec name ("State", "Cryptographic Length"), or all when none is named. */
    public Attributes getAttributes(String uid, String... names) throws KmipResultException, IOException, BadResponseException {
        return send(true, GetAttributes.Request.of(uid, names)).payload(GetAttributes.Response.class).attributes();
    }

    /** Get Attribute List: the spec names of the object's attributes. */
    public List<String> getAttributeList(String uid) throws KmipResultException, IOException, BadResponseException {
        return send(true, new GetAttributeList.Request(UniqueId.of(uid))).payload(GetAttributeList.Response.class)
                .attributeNames();
    }

    /** Add Attribute (1.x Attribute, 2.x New Attribute). PyKMIP cannot parse it (Invalid Message). */
    public void addAttribute(String uid, Attribute attribute) throws KmipResultException, IOException, BadResponseException {
        change(s -> Requests.add(UniqueId.of(uid), attribute, s.version()));
    }

    /** Modify Attribute of a single-valued attribute, or of the first instance in 1.x. */
    public void modifyAttribute(String uid, Attribute replacement) throws KmipResultException, IOException, BadResponseException {
        modifyAttribute(uid, null, replacement);
    }

    /**
     * Modify Attribute. 1.x: the replacement's value at its Attribute Index (or {@code current}'s, or
     * 0). 2.x: Current Attribute (needed for multi-valued attributes such as Name) and New Attribute.
     */
    public void modifyAttribute(String uid, Attribute current, Attribute replacement)
            throws KmipResultException, IOException, BadResponseException {
        change(s -> Requests.modify(UniqueId.of(uid), current, replacement, s.version()));
    }

    /** Delete Attribute by spec name: 1.x the instance at index 0, 2.x every instance (Attribute Reference). */
    public void deleteAttribute(String uid, String name) throws KmipResultException, IOException, BadResponseException {
        change(s -> Requests.delete(UniqueId.of(uid), name, s.version()));
    }

    /** Delete one instance: 1.x by name and Attribute Index, 2.x by value (Current Attribute). */
    public void deleteAttribute(String uid, Attribute attribute) throws KmipResultException, IOException, BadResponseException {
        change(s -> Requests.delete(UniqueId.of(uid), attribute, s.version()));
    }

    /** Set Attribute in 2.x; in 1.x, which has none, Modify Attribute (the attribute must exist). */
    public void setAttribute(String uid, Attribute attribute) throws KmipResultException, IOException, BadResponseException {
        change(s -> Requests.set(UniqueId.of(uid), attribute, s.version()));
    }

    private void change(Function<Session, RequestPayload> request)
            throws KmipResultException, IOException, BadResponseException {
        caller.run(false, null, s -> s.send(request.apply(s))).payload(ResponsePayload.class);
    }

    /** Locate. */
    public LocateResult locate(LocateFilter filter) throws KmipResultException, IOException, BadResponseException {
        Locate.Request req = filter.toRequest();
        Locate.Response r = caller.run(true, null, s -> {
            Requests.requireLocateSupport(s, filter);
            return s.send(req);
        }).payload(Locate.Response.class);
        return new LocateResult(r.uniqueIdentifiers().stream().map(UniqueId::toString).toList(), r.locatedItems());
    }

    /** Activate: Pre-Active to Active. */
    public void activate(String uid) throws KmipResultException, IOException, BadResponseException {
        send(false, Activate.Request.of(uid)).payload(Activate.Response.class);
    }

    /**
     * Revoke. Key Compromise moves the object to Compromised (PyKMIP: from any state); other reasons to
     * Deactivated (PyKMIP: from Active only).
     *
     * @param message        Revocation Message, or null
     * @param compromiseDate Compromise Occurrence Date, or null
     */
    public void revoke(String uid, RevocationReasonCode code, String message, Instant compromiseDate)
            throws KmipResultException, IOException, BadResponseException {
        Revoke.Request req = new Revoke.Request(UniqueId.of(uid), new RevocationReason(code, message), compromiseDate);
        send(false, req).payload(Revoke.Response.class);
    }

    /** Destroy (PyKMIP refuses an Active object: revoke it first). */
    public void destroy(String uid) throws KmipResultException, IOException, BadResponseException {
        send(false, Destroy.Request.of(uid)).payload(Destroy.Response.class);
    }

    /** Re-key: a new key replacing {@code uid}; returns its Unique Identifier. PyKMIP: Operation Not Supported. */
    public String reKey(String uid) throws KmipResultException, IOException, BadResponseException {
        return text(send(false, ReKey.Request.of(uid)).payload(ReKey.Response.class).uniqueIdentifier());
    }

    // ---- cryptography ---------------------------------------------------------------------------

    /**
     * Encrypt (KMIP 1.2; AES-GCM 1.4) under a key the server holds. PyKMIP needs the parameters with
     * the algorithm; CBC and ECB need a padding; GCM needs a Tag Length.
     *
     * @param iv  IV or nonce, or null to let the server choose (it returns it)
     * @param aad Additional Authenticated Data (KMIP 1.4), or null
     */
    public EncryptResult encrypt(String uid, CryptographicParameters parameters, byte[] plaintext, byte[] iv, byte[] aad)
            throws KmipResultException, IOException, BadResponseException {
        return ciphers.encrypt(uid, parameters, plaintext, iv, aad);
    }

    /** Decrypt (KMIP 1.2; AES-GCM 1.4): the plaintext, which the caller must close. */
    public KeyMaterial decrypt(String uid, CryptographicParameters parameters, byte[] ciphertext, byte[] iv, byte[] aad,
                               byte[] tag) throws KmipResultException, IOException, BadResponseException {
        return ciphers.decrypt(uid, parameters, ciphertext, iv, aad, tag);
    }

    // ---- batches, counters, lifecycle ---------------------------------------------------------

    /** A batch: several operations in one request message. */
    public Batch batch() {
        return new Batch(caller);
    }

    /** How many request messages this client has sent (negotiation and probes included). */
    public long roundTrips() {
        return caller.roundTrips();
    }

    /** The servers of {@code kmip.serverName}, in order. */
    public List<ServerAddress> servers() {
        return caller.transport().servers();
    }

    /**
     * Runs {@code action} when this client is closed, once (at once when it is closed already): for
     * layers above that keep state per client, such as shared envelopes whose data keys must be erased.
     */
    public void onClose(Runnable action) {
        onClose.add(action);
    }

    /** Runs the {@link #onClose} actions, then closes the transport when this client opened it. */
    @Override
    public void close() {
        try {
            onClose.close();
        } finally {
            if (ownsTransport) {
                caller.transport().close();
            }
        }
    }

    @Override
    public String toString() {
        return "KmipClient{servers=" + servers() + ", roundTrips=" + roundTrips() + "}";
    }

    private Reply send(boolean idempotent, RequestPayload payload) throws KmipResultException, IOException, BadResponseException {
        return caller.run(idempotent, null, s -> s.send(payload));
    }

    private static String text(UniqueId id) {
        return id.toString();
    }
}
