package dev.kmipjca.transport;

import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.config.KmipSettingsException;
import dev.kmipjca.config.ServerAddress;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The connection to a list of KMIP servers: TLS 1.3/1.2 with mutual authentication, a bounded pool
 * of connections per server, failover, retries and timeouts. It moves bytes; encoding and decoding
 * messages is the caller's work. Thread-safe; one instance is meant to be shared.
 *
 * <p><b>Failover.</b> {@link #execute} tries the servers of {@code kmip.serverName} in order,
 * skipping those that failed less than {@code kmip.serverCooldownSeconds} ago (they are tried last,
 * so when every server is cooling down they are all tried in order). On one server, a failure before
 * any request byte was written (connect, handshake, a refused client certificate) is retried up to
 * {@code kmip.connectRetries} times, 100 ms apart and doubling up to 2 s; certificate and protocol
 * failures are not retried. A failure after the request was written moves an idempotent request to
 * the next server (after one more try on another connection when the failed one came from the pool);
 * a non-idempotent one ends with {@link OutcomeUnknownException}. When no server succeeds,
 * {@link ServersUnavailableException} lists every server and why it failed.
 *
 * <p><b>Timeouts.</b> {@code kmip.connectTimeoutMS} bounds the TCP connect, the TLS handshake, and each
 * {@link Connection#roundTrip} as a whole (writing the request and reading all of the response).
 *
 * <p><b>Logging</b> ({@code System.Logger} "dev.kmipjca.transport"): DEBUG for connections opened,
 * reused, closed and discarded; WARNING when a server fails and the next one is tried. No message
 * bytes, keys or passwords are logged.
 */
public final class KmipTransport implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.kmipjca.transport");
    private static final long MAX_BACKOFF_MS = 2000;

    private final List<ServerAddress> servers;
    private final Map<ServerAddress, ServerPool> pools = new LinkedHashMap<>();
    private final Map<ServerAddress, Long> coolingUntil = new ConcurrentHashMap<>();
    private final Watchdog watchdog;
    private final TlsContext tls;
    private final int retries;
    private final long cooldownNanos;
    private volatile boolean closed;

    private KmipTransport(KmipSettings settings, TlsContext tls) {
        this.servers = settings.servers();
        this.tls = tls;
        this.retries = settings.connectRetries();
        this.cooldownNanos = TimeUnit.SECONDS.toNanos(settings.serverCooldownSeconds());
        this.watchdog = new Watchdog("kmip-transport-watchdog");
        TlsConnector connector = new TlsConnector(tls, watchdog, settings.connectTimeoutMS(), settings.maxResponseBytes());
        for (ServerAddress s : servers) {
            pools.put(s, new ServerPool(s, connector, settings.poolSize(), settings.poolIdleSeconds(),
                    settings.connectTimeoutMS()));
        }
    }

    /**
     * Loads the client key and chain and the CA file, and prepares the pools; connects to nothing yet.
     *
     * @param keystorePassword the password of an encrypted client key when
     *                         {@code kmip.clientCertificatePassword} is not set; may be null. Copied, not kept.
     * @throws KmipSettingsException when no server or no client certificate file is configured
     * @throws CredentialsException  when the client key file or the CA file cannot be used
     */
    public static KmipTransport open(KmipSettings settings, char[] keystorePassword)
            throws KmipSettingsException, CredentialsException {
        settings.requireConnectable();
        Path clientFile = settings.clientCertificateFile().orElseThrow();
        boolean own = settings.hasClientCertificatePassword();
        char[] password = own ? settings.clientCertificatePassword()
                : keystorePassword == null ? null : keystorePassword.clone();
        PemCredentials credentials;
        try {
            credentials = PemCredentials.load(clientFile, password);
        } catch (CredentialsException e) {
            if (e.reason() == CredentialsException.Reason.WRONG_PASSWORD
                    || e.reason() == CredentialsException.Reason.PASSWORD_REQUIRED) {
                throw new CredentialsException(e.file(), e.reason(), e.getMessage() + (own
                        ? " (password from kmip.clientCertificatePassword)"
                        : " (kmip.clientCertificatePassword is not set, so the keystore password is used)"), e);
            }
            throw e;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
        Path caFile = settings.serverCAFile().orElse(null);
        List<X509Certificate> cas = caFile == null ? null : PemCredentials.loadCertificates(caFile);
        try {
            return new KmipTransport(settings, TlsContext.create(credentials, cas, caFile));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} on a connection to the first server that can take it (see the class comment
     * for the order, retries and failover).
     *
     * @param idempotent whether the request may be repeated on another server after it was sent
     *                   (Get, Locate, Encrypt, Decrypt, Query...), or not (Create, Register, ReKey,
     *                   Revoke, Destroy, Activate)
     * @throws ServersUnavailableException when every server failed; it names each one and why
     * @throws OutcomeUnknownException     when a non-idempotent request was sent and no response came
     * @throws BadResponseException        when {@code work} or the framing found the response unusable
     */
    public <T> T execute(boolean idempotent, Exchange<T> work) throws IOException, BadResponseException {
        return run(order(), idempotent, work);
    }

    /** Like {@link #execute}, on one server only, ignoring cool-down (for checking each server). */
    public <T> T executeOn(ServerAddress server, boolean idempotent, Exchange<T> work)
            throws IOException, BadResponseException {
        if (!pools.containsKey(server)) {
            throw new IllegalArgumentException(server + " is not in kmip.serverName " + servers);
        }
        return run(List.of(server), idempotent, work);
    }

    /** The servers of {@code kmip.serverName}, in order. */
    public List<ServerAddress> servers() {
        return servers;
    }

    /** The cipher suites offered, in preference order (TLS 1.3 suites first). */
    public List<String> cipherSuites() {
        return tls.cipherSuites();
    }

    /** The servers that are not cooling down, in order, then those that are. */
    private List<ServerAddress> order() {
        List<ServerAddress> ready = new ArrayList<>();
        List<ServerAddress> cooling = new ArrayList<>();
        long now = System.nanoTime();
        for (ServerAddress s : servers) {
            Long until = coolingUntil.get(s);
            (until != null && until - now > 0 ? cooling : ready).add(s);
        }
        if (!cooling.isEmpty()) {
            LOG.log(Level.DEBUG, "servers cooling down after a failure, tried last: {0}", cooling);
        }
        ready.addAll(cooling);
        return ready;
    }

    private <T> T run(List<ServerAddress> order, boolean idempotent, Exchange<T> work)
            throws IOException, BadResponseException {
        if (closed) {
            throw new IllegalStateException("the KMIP transport is closed");
        }
        Map<ServerAddress, String> failures = new LinkedHashMap<>();
        IOException last = null;
        for (int i = 0; i < order.size(); i++) {
            ServerAddress server = order.get(i);
            ServerPool pool = pools.get(server);
            boolean retriedHere = false;
            boolean onlyBusy = true;
            int attempt = 0;
            while (true) {
                if (attempt > 0) {
                    backoff(attempt);
                }
                PooledConnection c;
                try {
                    c = pool.acquire();
                } catch (ServerFailure f) {
                    last = f;
                    onlyBusy &= f.busy();
                    failures.put(server, f.reason() + (attempt > 0 ? " (" + (attempt + 1) + " attempts)" : ""));
                    if (f.permanent() || attempt++ >= retries) {
                        break;
                    }
                    continue;
                }
                c.idempotent(idempotent);
                ServerFailure f;
                try {
                    T result = work.run(c);
                    pool.release(c);
                    coolingUntil.remove(server);
                    return result;
                } catch (BadResponseException | RuntimeException | Error e) {
                    c.discard();
                    pool.release(c);
                    throw e;
                } catch (IOException e) {
                    c.discard();
                    pool.release(c);
                    f = e instanceof ServerFailure sf ? sf : new ServerFailure(server, "connection failed: "
                            + TlsFailures.describe(e), false, c.requestSent(), e);
                }
                last = f;
                onlyBusy = false;
                if (!f.requestSent()) {
                    failures.put(server, f.reason() + (attempt > 0 ? " (" + (attempt + 1) + " attempts)" : ""));
                    if (f.permanent() || attempt++ >= retries) {
                        break;
                    }
                    continue;
                }
                if (!idempotent) {
                    coolDown(server);
                    LOG.log(Level.WARNING, "KMIP server {0} failed after the request was sent ({1}); not repeating"
                            + " a non-idempotent request", server, f.reason());
                    throw new OutcomeUnknownException(server, f);
                }
                if (c.reused() && !retriedHere) {
                    retriedHere = true;
                    LOG.log(Level.DEBUG, "a reused connection to {0} failed ({1}); trying another one", server, f.reason());
                    continue;
                }
                failures.put(server, f.reason());
                break;
            }
            if (!onlyBusy) {
                coolDown(server);
            }
            if (i + 1 < order.size()) {
                LOG.log(Level.WARNING, "KMIP server {0} failed ({1}); trying {2}", server, failures.get(server),
                        order.get(i + 1));
            }
        }
        throw new ServersUnavailableException(failures, last);
    }

    private void coolDown(ServerAddress server) {
        if (cooldownNanos > 0) {
            coolingUntil.put(server, System.nanoTime() + cooldownNanos);
        }
    }

    private static void backoff(int attempt) throws InterruptedIOException {
        long ms = Math.min(MAX_BACKOFF_MS, 100L << Math.min(attempt - 1, 10));
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    /** Open connections to {@code server}, idle or lent (for tests). */
    int openConnections(ServerAddress server) {
        return pools.get(server).openCount();
    }

    ServerPool pool(ServerAddress server) {
        return pools.get(server);
    }

    /** Closes every connection (idle ones politely, lent ones abruptly) and the watchdog thread. */
    @Override
    public void close() {
        closed = true;
        pools.values().forEach(ServerPool::close);
        watchdog.close();
    }

    @Override
    public String toString() {
        return "KmipTransport{servers=" + servers + ", client=" + tls.clientFile() + (closed ? ", closed" : "") + "}";
    }
}
