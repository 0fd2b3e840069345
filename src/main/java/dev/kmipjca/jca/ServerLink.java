package dev.kmipjca.jca;

import dev.kmipjca.client.KmipClient;
import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.envelope.KeyWrapService;
import dev.kmipjca.envelope.KmipKeyWrapService;
import dev.kmipjca.envelope.MasterKeyStates;
import dev.kmipjca.envelope.StateCheckedKeyWrapService;

/**
 * One configuration's connection to its KMIP servers, shared by every keystore, key handle and cipher
 * that uses the same settings: the client (connections open on first use), a key wrap service over it
 * and the server-side cipher operations. Closed when the JVM shuts down.
 */
final class ServerLink implements AutoCloseable {
    final KmipSettings settings;
    final KmipClient client;
    final KmipKeyWrapService wrapService;
    final ServerCrypto crypto;
    /** The master keys' States, read every {@code kmip.keyStatePollingSeconds}. */
    final MasterKeyStates states;
    /** {@link #wrapService} behind the State check: wraps only under an Active master key. */
    final KeyWrapService checkedWrapService;

    ServerLink(KmipSettings settings, KmipClient client) {
        this.settings = settings;
        this.client = client;
        this.wrapService = new KmipKeyWrapService(client, settings.allowMasterKeyFetch());
        this.crypto = new ServerCrypto(client, settings.allowMasterKeyFetch());
        this.states = new MasterKeyStates(client, settings.keyStatePollingSeconds(), java.time.Clock.systemUTC());
        this.checkedWrapService = new StateCheckedKeyWrapService(wrapService, states);
    }

    /**
     * A wrap service for opening a keystore: it also checks, in the same round trip, that the master key
     * is Active, and hands the State it read to {@link #states} (so the first encryption reads none).
     */
    KmipKeyWrapService checkingWrapService() {
        return new KmipKeyWrapService(client, settings.allowMasterKeyFetch(), true, states);
    }

    String serversText() {
        return client.servers().toString();
    }

    @Override
    public void close() {
        wrapService.close();
        crypto.close();
        client.close();
    }

    @Override
    public String toString() {
        return "ServerLink" + client.servers();
    }
}
