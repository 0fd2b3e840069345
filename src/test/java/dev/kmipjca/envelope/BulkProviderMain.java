package dev.kmipjca.envelope;

import static dev.kmipjca.envelope.Fixtures.MASTER;
import static dev.kmipjca.envelope.Fixtures.bytes;

import dev.kmipjca.config.BulkProvider;
import java.util.Arrays;

/**
 * For {@link BulkProviderJarIT}: run with the self-contained jar on the class path, prints the bulk
 * provider {@code kmip.bulkProvider=args[0]} selects and the provider of the cipher that round-tripped
 * 1 MiB, one per line: {@code choice=...} and {@code cipher=...}. Exit status 1 with {@code error=...}
 * when the selection fails.
 */
public final class BulkProviderMain {
    private BulkProviderMain() {
    }

    public static void main(String[] args) throws Exception {
        BulkProvider setting = BulkProvider.valueOf(args.length > 0 ? args[0] : "AUTO");
        InMemoryKeyWrapService service = new InMemoryKeyWrapService(MASTER);
        try (Envelope e = Envelope.builder(service).masterKeyId(MASTER).bulkProvider(setting).build()) {
            byte[] plaintext = bytes(1 << 20, 1);
            if (!Arrays.equals(plaintext, e.decrypt(e.encrypt(plaintext, null), null))) {
                throw new AssertionError("round trip failed");
            }
            System.out.println("choice=" + e.bulkProvider().description());
            System.out.println("cipher=" + e.ciphers.local().getProvider().getName());
        } catch (IllegalStateException ex) {
            System.out.println("error=" + ex.getMessage());
            System.exit(1);
        }
    }
}
