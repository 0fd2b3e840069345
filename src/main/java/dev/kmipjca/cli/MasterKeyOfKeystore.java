package dev.kmipjca.cli;

import dev.kmipjca.KmipKeyStoreParameter;
import dev.kmipjca.KmipProvider;
import dev.kmipjca.jca.KmipKey;
import java.io.PrintWriter;
import java.security.Key;
import java.security.KeyStore;
import java.util.Arrays;

/**
 * The master key of a keystore file whose {@code kmip.keyIdentifier} is empty: the keystore is
 * initialised through the JCA as any application would ({@code getKey("kmip:master")} creates and
 * activates the master key), and stored so that the file records it.
 */
final class MasterKeyOfKeystore {
    private MasterKeyOfKeystore() {
    }

    static String initialise(ServerOptions options, PrintWriter err) throws Exception {
        if (options.keystore == null) {
            throw options.usage("no master key: give --keystore FILE, or --kmipKeyIdentifier ID");
        }
        char[] pw = options.password();
        try {
            KeyStore ks = KeyStore.getInstance(KmipProvider.KEYSTORE_TYPE, new KmipProvider());
            KmipKeyStoreParameter param = new KmipKeyStoreParameter(options.keystore, pw);
            ks.load(param);
            Key master = ks.getKey("kmip:master", null);
            ks.store(param);
            String id = ((KmipKey) master).uniqueIdentifier();
            err.println("created the master key " + id + " on the KMIP server and recorded it in " + options.keystore);
            err.flush();
            return id;
        } finally {
            if (pw != null) {
                Arrays.fill(pw, '\0');
            }
        }
    }
}
