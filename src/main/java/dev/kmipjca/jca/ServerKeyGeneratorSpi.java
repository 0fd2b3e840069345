package dev.kmipjca.jca;

import dev.kmipjca.config.KmipSettingsException;
import dev.kmipjca.transport.CredentialsException;
import java.io.IOException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Optional;
import javax.crypto.KeyGeneratorSpi;
import javax.crypto.SecretKey;

/**
 * {@code KeyGenerator "KMIP-AES"}: creates an AES key on the server (Create, then Activate unless
 * {@code kmip.activateKeys=false}) and returns its handle. The server is, in this order: that of the
 * handle in {@link ServerKeySpec#sameServerAs()}, that of the provider's configuration file, that of
 * the KMIP keystore most recently loaded through this provider.
 */
final class ServerKeyGeneratorSpi extends KeyGeneratorSpi {
    private final Engines engines;
    private int bits = 256;
    private String name;
    private KmipKey sameServerAs;

    ServerKeyGeneratorSpi(Engines engines) {
        this.engines = engines;
    }

    @Override
    protected void engineInit(SecureRandom random) {
        bits = 256;
        name = null;
        sameServerAs = null;
    }

    @Override
    protected void engineInit(AlgorithmParameterSpec params, SecureRandom random) throws InvalidAlgorithmParameterException {
        if (!(params instanceof ServerKeySpec s)) {
            throw new InvalidAlgorithmParameterException("KMIP-AES takes a dev.kmipjca.KmipKeyGenParameterSpec, not "
                    + (params == null ? "null" : params.getClass().getName()));
        }
        try {
            bits = checkSize(s.keySizeBits());
        } catch (InvalidParameterException e) {
            throw new InvalidAlgorithmParameterException(e.getMessage());
        }
        name = s.name();
        sameServerAs = s.sameServerAs().orElse(null);
    }

    @Override
    protected void engineInit(int keySize, SecureRandom random) {
        bits = checkSize(keySize);
        name = null;
    }

    static int checkSize(int keySize) {
        if (keySize != 128 && keySize != 192 && keySize != 256) {
            throw new InvalidParameterException("AES keys are 128, 192 or 256 bits, not " + keySize);
        }
        return keySize;
    }

    @Override
    protected SecretKey engineGenerateKey() {
        ServerLink link = server();
        String n = name != null ? name : MasterKeys.newName("key");
        try {
            String uid = MasterKeys.create(link, n, bits, link.settings.activateKeys());
            return new ServerKeyHandle(uid, "AES", bits, link);
        } catch (IOException e) {
            throw new ProviderException(e.getMessage(), e);
        }
    }

    private ServerLink server() {
        if (sameServerAs != null) {
            if (sameServerAs instanceof ServerKeyHandle h) {
                return h.link();
            }
            throw new ProviderException("sameServerAs must be a key handle of this provider");
        }
        Optional<ServerLink> configured;
        try {
            configured = engines.configuredLink();
        } catch (KmipSettingsException | CredentialsException e) {
            throw new ProviderException("the KMIP provider's configuration " + engines.configFile().orElse(null)
                    + " is not usable: " + e.getMessage(), e);
        }
        return configured.or(engines::lastKeystoreLink).orElseThrow(() -> new ProviderException("KMIP-AES does not"
                + " know which KMIP server to create the key on: configure the provider with a settings file, load a KMIP"
                + " keystore first, or pass KmipKeyGenParameterSpec.sameServerAs(handle)"));
    }
}
