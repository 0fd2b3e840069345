package dev.kmipjca;

import dev.kmipjca.jca.KmipKey;
import dev.kmipjca.jca.ServerKeySpec;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code KeyGenerator.getInstance("KMIP-AES", "KMIP")} creates on the server: an AES key of 128,
 * 192 or 256 bits with a Name, optionally on the server of an existing key handle.
 *
 * <pre>{@code
 * KeyGenerator g = KeyGenerator.getInstance("KMIP-AES", "KMIP");
 * g.init(KmipKeyGenParameterSpec.of("orders-kek", 256).sameServerAs(masterKeyHandle));
 * SecretKey handle = g.generateKey();       // a dev.kmipjca.jca.KmipKey
 * }</pre>
 */
public final class KmipKeyGenParameterSpec implements ServerKeySpec {
    private final String name;
    private final int keySizeBits;
    private final KmipKey sameServerAs;

    private KmipKeyGenParameterSpec(String name, int keySizeBits, KmipKey sameServerAs) {
        if (keySizeBits != 128 && keySizeBits != 192 && keySizeBits != 256) {
            throw new IllegalArgumentException("AES keys are 128, 192 or 256 bits, not " + keySizeBits);
        }
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("the Name must not be blank (pass null for a generated one)");
        }
        this.name = name;
        this.keySizeBits = keySizeBits;
        this.sameServerAs = sameServerAs;
    }

    /** A key with this Name (null: "kmip-jca key DATE RANDOM") and size. */
    public static KmipKeyGenParameterSpec of(String name, int keySizeBits) {
        return new KmipKeyGenParameterSpec(name, keySizeBits, null);
    }

    /** The same key, created on the server of {@code handle} (a key from a KMIP keystore or generator). */
    public KmipKeyGenParameterSpec sameServerAs(KmipKey handle) {
        return new KmipKeyGenParameterSpec(name, keySizeBits, Objects.requireNonNull(handle, "handle"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int keySizeBits() {
        return keySizeBits;
    }

    @Override
    public Optional<KmipKey> sameServerAs() {
        return Optional.ofNullable(sameServerAs);
    }

    @Override
    public String toString() {
        return "KmipKeyGenParameterSpec[name=" + name + ", " + keySizeBits + " bits"
                + (sameServerAs == null ? "" : ", on the server of " + sameServerAs.uniqueIdentifier()) + "]";
    }
}
