package dev.kmipjca.jca;

import java.security.spec.AlgorithmParameterSpec;
import java.util.Optional;

/**
 * What the {@code KMIP-AES} key generator creates on the server: a Name and a size. Applications use
 * {@code dev.kmipjca.KmipKeyGenParameterSpec}, which implements it.
 */
public interface ServerKeySpec extends AlgorithmParameterSpec {
    /** The Name attribute of the new key, or null for a generated one. */
    String name();

    /** 128, 192 or 256. */
    int keySizeBits();

    /** A key handle whose server the new key is created on, if one was given. */
    Optional<KmipKey> sameServerAs();
}
