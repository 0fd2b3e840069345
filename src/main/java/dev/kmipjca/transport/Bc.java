package dev.kmipjca.transport;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * One Bouncy Castle provider instance, created on first use and passed explicitly to the PEM
 * encryptors and decryptors that need it. It is never registered with {@code Security.addProvider},
 * so it does not change what the rest of the JVM gets from the JCA.
 */
final class Bc {
    private Bc() {
    }

    private static final class Holder {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    static Provider provider() {
        return Holder.PROVIDER;
    }
}
