package dev.kmipjca;

import dev.kmipjca.jca.Engines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidParameterException;
import java.security.Provider;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code KMIP} JCA provider: master keys on a KMIP server, data encrypted locally.
 *
 * <p>Its constructor does no I/O and never calls back into the JCA; connections open on first use, one
 * shared client per configuration. {@link #configure(String)} returns a provider configured with a
 * settings file, as {@code security.provider.N=dev.kmipjca.KmipProvider /etc/kmip.properties} in
 * {@code java.security} and keytool's {@code -providerarg FILE} do.
 *
 * <p>Services (one table, below). Those that take keys declare {@code SupportedKeyClasses} =
 * {@code dev.kmipjca.jca.KmipKey}, so the JCA gives them key handles only and every ordinary key goes to
 * SunJCE, even when this provider is first in the list; the key generator, which takes no key, has a
 * name of its own ({@code KMIP-AES}) so that {@code KeyGenerator.getInstance("AES")} is never this one.
 */
public final class KmipProvider extends Provider {
    private static final long serialVersionUID = 1L;

    /** The provider's name, as passed to {@code getInstance(..., "KMIP")}. */
    public static final String NAME = "KMIP";
    /** The KeyStore type. */
    public static final String KEYSTORE_TYPE = "KMIP";
    /**
     * The Cipher of envelope encryption under a master key handle (docs/envelope-format.md): ENCRYPT
     * writes a segmented envelope, DECRYPT reads either form; see {@link KmipEnvelopes}.
     */
    public static final String ENVELOPE_CIPHER = "KMIP-Envelope";
    /** The key generator that creates AES keys on the server. */
    public static final String KEY_GENERATOR = "KMIP-AES";

    private static final Map<String, String> TAKES_HANDLES = Map.of("SupportedKeyClasses", "dev.kmipjca.jca.KmipKey");

    private final transient Engines engines;

    /** An unconfigured provider: keystores name their servers in their own files. */
    public KmipProvider() {
        this((Path) null);
    }

    private KmipProvider(Path configFile) {
        super(NAME, "0.1", "KMIP key management: master keys on a KMIP server, data encrypted locally");
        this.engines = new Engines(configFile);
        //       type            algorithm               attributes     engine
        service("KeyStore",     KEYSTORE_TYPE,           null,          e -> e.keyStore());
        service("Cipher",       "AES/GCM/NoPadding",     TAKES_HANDLES, e -> e.aesGcm());
        service("Cipher",       "AES/CBC/PKCS5Padding",  TAKES_HANDLES, e -> e.aesCbc());
        service("Cipher",       ENVELOPE_CIPHER,         TAKES_HANDLES, e -> e.envelope());
        service("KeyGenerator", KEY_GENERATOR,           null,          e -> e.aesKeyGenerator());
    }

    /**
     * A provider configured with the settings file {@code path} (a keystore file of {@code kmip.*}
     * settings, initialised or not): {@code KeyStore.load(null, password)} opens it, and
     * {@code KMIP-AES} creates keys on its servers. The file must exist; its settings are checked when
     * first used.
     *
     * @throws InvalidParameterException when the file does not exist or cannot be read
     */
    @Override
    public Provider configure(String path) {
        if (path == null || path.isBlank()) {
            throw new InvalidParameterException("the KMIP provider is configured with the path of a settings file");
        }
        Path file = Path.of(path.strip());
        if (!Files.isReadable(file)) {
            throw new InvalidParameterException("the KMIP provider's settings file " + file.toAbsolutePath()
                    + " does not exist or cannot be read");
        }
        return new KmipProvider(file);
    }

    @Override
    public boolean isConfigured() {
        return engines.configFile().isPresent();
    }

    /** The settings file this provider was configured with, or null. */
    public Path configFile() {
        return engines.configFile().orElse(null);
    }

    @Override
    public String toString() {
        return NAME + " provider" + (isConfigured() ? " (" + configFile() + ")" : "");
    }

    private void service(String type, String algorithm, Map<String, String> attributes, Function<Engines, Object> engine) {
        putService(new EngineService(this, type, algorithm, attributes, engine));
    }

    /** Creates its engine directly, without reflection. */
    private static final class EngineService extends Provider.Service {
        private final Function<Engines, Object> engine;

        EngineService(KmipProvider provider, String type, String algorithm, Map<String, String> attributes,
                      Function<Engines, Object> engine) {
            super(provider, type, algorithm, "dev.kmipjca.jca.Engines", List.of(), attributes);
            this.engine = engine;
        }

        @Override
        public Object newInstance(Object constructorParameter) {
            return engine.apply(((KmipProvider) getProvider()).engines);
        }
    }
}
