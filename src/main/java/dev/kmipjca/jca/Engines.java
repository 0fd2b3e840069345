package dev.kmipjca.jca;

import dev.kmipjca.client.KmipClient;
import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.config.KmipSettingsException;
import dev.kmipjca.transport.CredentialsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStoreSpi;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.CipherSpi;
import javax.crypto.KeyGeneratorSpi;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The engines of the {@code KMIP} provider and the state they share: the provider's configuration file
 * (from {@code Provider.configure}, or none) and one {@link ServerLink} per configuration, created on
 * first use and closed by a shutdown hook. {@code dev.kmipjca.KmipProvider} holds one instance and
 * registers its factories; nothing here does I/O until an engine is used.
 */
public final class Engines {
    /** Every instance that opened a link, so that tests can close them all (the provider keeps links for the JVM's life). */
    private static final java.util.Set<Engines> WITH_LINKS = java.util.Collections.newSetFromMap(
            new java.util.WeakHashMap<>());

    private final Path configFile;
    /** Per settings and password fingerprint: the link, made with the credential files as they were then. */
    private final Map<String, StampedLink> links = new ConcurrentHashMap<>();
    /** Links replaced because their credential files changed: still used by the keys made from them, closed at exit. */
    private final List<ServerLink> superseded = new ArrayList<>();
    private final ParsedFileCache parsedFiles = new ParsedFileCache();
    private final byte[] fingerprintKey = new byte[32];
    private volatile ServerLink lastKeystoreLink;
    private boolean hookInstalled;

    /** @param configFile the provider's settings file, or null when the provider is not configured */
    public Engines(Path configFile) {
        this.configFile = configFile == null ? null : configFile.toAbsolutePath().normalize();
        new SecureRandom().nextBytes(fingerprintKey);
    }

    /** The provider's settings file, when it was configured with one. */
    public Optional<Path> configFile() {
        return Optional.ofNullable(configFile);
    }

    /** {@code KeyStore "KMIP"}. */
    public KeyStoreSpi keyStore() {
        return new KmipKeyStoreSpi(this);
    }

    /** {@code Cipher "AES/GCM/NoPadding"} over key handles. */
    public CipherSpi aesGcm() {
        return new ServerCipherSpi(ServerCrypto.Mode.GCM);
    }

    /** {@code Cipher "AES/CBC/PKCS5Padding"} over key handles. */
    public CipherSpi aesCbc() {
        return new ServerCipherSpi(ServerCrypto.Mode.CBC);
    }

    /** {@code Cipher "KMIP-Envelope"}: envelope encryption under a master key handle. */
    public CipherSpi envelope() {
        return new EnvelopeCipherSpi();
    }

    /** {@code KeyGenerator "KMIP-AES"}: creates AES keys on the server. */
    public KeyGeneratorSpi aesKeyGenerator() {
        return new ServerKeyGeneratorSpi(this);
    }

    // ---- links ------------------------------------------------------------------------------------

    /**
     * The shared link for these settings (the master key identifier aside) and this client-key
     * password; the client is created now, its connections open on first use. A link is reused while
     * its credential files ({@code kmip.serverCAFile}, {@code kmip.clientCertificateFile}) keep their
     * size, modification time and file identity; when one changes, the next load makes a new link
     * (new credentials, new connections) and the old one serves only the key handles made from it.
     */
    synchronized ServerLink link(KmipSettings settings, char[] keystorePassword)
            throws KmipSettingsException, CredentialsException {
        String key = linkKey(settings, keystorePassword);
        String stamp = CredentialStamp.of(settings);
        StampedLink current = links.get(key);
        if (current != null && current.stamp().equals(stamp)) {
            return current.link();
        }
        ServerLink link = new ServerLink(settings, KmipClient.open(settings, keystorePassword));
        if (current != null) {
            superseded.add(current.link());
        }
        links.put(key, new StampedLink(stamp, link));
        installHook();
        synchronized (WITH_LINKS) {
            WITH_LINKS.add(this);
        }
        return link;
    }

    private record StampedLink(String stamp, ServerLink link) {
    }

    /** The provider's last parsed keystore file ({@link ParsedFileCache}). */
    ParsedFileCache parsedFiles() {
        return parsedFiles;
    }

    /** The link of the provider's configuration file; empty when the provider is not configured. */
    Optional<ServerLink> configuredLink() throws KmipSettingsException, CredentialsException {
        if (configFile == null) {
            return Optional.empty();
        }
        KmipSettings s = KmipSettings.load(configFile);
        s.refuseRotateMasterKey(KeystoreLoader.inProviderConfiguration(configFile));
        s.requireConnectable();
        return Optional.of(link(s, null));
    }

    void keystoreLoaded(ServerLink link) {
        lastKeystoreLink = link;
    }

    /** The link of the KMIP keystore most recently loaded through this provider, if any. */
    Optional<ServerLink> lastKeystoreLink() {
        return Optional.ofNullable(lastKeystoreLink);
    }

    /** Round trips of every link so far (negotiation included): a hook for tests. */
    synchronized long roundTrips() {
        return links.values().stream().mapToLong(l -> l.link().client.roundTrips()).sum()
                + superseded.stream().mapToLong(l -> l.client.roundTrips()).sum();
    }

    private String linkKey(KmipSettings settings, char[] password) {
        Map<String, String> m = new TreeMap<>(settings.toMap());
        m.remove("kmip.keyIdentifier");
        m.remove("kmip.rotateMasterKey");
        char[] own = settings.hasClientCertificatePassword() ? settings.clientCertificatePassword() : null;
        char[] pw = own != null ? own : password;
        try {
            Mac mac = Mac.getInstance("HmacSHA256", "SunJCE");
            mac.init(new SecretKeySpec(fingerprintKey, "HmacSHA256"));
            byte[] bytes = new byte[] {1};
            if (pw != null) {
                java.nio.ByteBuffer b = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(pw));
                bytes = new byte[b.remaining()];
                b.get(bytes);
                java.util.Arrays.fill(b.array(), (byte) 0);
            }
            m.put("password fingerprint", Base64.getEncoder().encodeToString(mac.doFinal(bytes)));
            java.util.Arrays.fill(bytes, (byte) 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from SunJCE", e);
        } finally {
            if (own != null) {
                java.util.Arrays.fill(own, '\0');
            }
        }
        return m.toString();
    }

    private void installHook() {
        if (!hookInstalled) {
            hookInstalled = true;
            Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "kmip-jca-close"));
        }
    }

    /** Closes the links of every instance (their connections and watchdog threads): a hook for tests. */
    static void closeAllLinks() {
        List<Engines> all;
        synchronized (WITH_LINKS) {
            all = new ArrayList<>(WITH_LINKS);
            WITH_LINKS.clear();
        }
        all.forEach(Engines::closeAll);
    }

    /** Closes every link (their clients' connections, fetched keys). Called at JVM shutdown. */
    synchronized void closeAll() {
        List<ServerLink> all = new ArrayList<>(superseded);
        links.values().forEach(l -> all.add(l.link()));
        links.clear();
        superseded.clear();
        parsedFiles.clear();
        all.forEach(ServerLink::close);
    }

    @Override
    public String toString() {
        return "Engines[config=" + configFile + ", links=" + links.size() + "]";
    }
}
