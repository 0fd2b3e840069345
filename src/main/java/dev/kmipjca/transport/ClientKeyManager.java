package dev.kmipjca.transport;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Offers the one client key and chain of {@code kmip.clientCertificateFile} whenever the server asks
 * for a certificate of the key's type, whatever CA names the server lists (a server that lists none,
 * or others, then refuses it with an alert we can explain). It also notes which sockets were asked for
 * a certificate, so that a failed handshake can tell "our certificate was refused" from "no common
 * cipher suite".
 */
final class ClientKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "client";

    private final PrivateKey key;
    private final X509Certificate[] chain;
    private final Set<Socket> asked = Collections.newSetFromMap(new ConcurrentHashMap<>());

    ClientKeyManager(PemCredentials credentials) {
        this.key = credentials.privateKey();
        this.chain = credentials.chain().toArray(new X509Certificate[0]);
    }

    /** Whether the server asked {@code socket} for a client certificate; forgets the socket. */
    boolean certificateRequested(Socket socket) {
        return asked.remove(socket);
    }

    /** Forgets a socket that is no longer in a handshake. */
    void forget(Socket socket) {
        asked.remove(socket);
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        if (socket != null) {
            asked.add(socket);
        }
        return supports(keyTypes) ? ALIAS : null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return supports(keyTypes) ? ALIAS : null;
    }

    /** TLS 1.2 names types like "EC" or "RSA", some JDKs "EC_EC"; compare the part before "_". */
    private boolean supports(String[] keyTypes) {
        for (String t : keyTypes) {
            int u = t.indexOf('_');
            if ((u < 0 ? t : t.substring(0, u)).equals(key.getAlgorithm())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return supports(new String[] {keyType}) ? new String[] {ALIAS} : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? key : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
