package dev.kmipjca.transport;

import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;

/** Key comparisons that do not depend on how a key was encoded. */
final class TestKeys {
    private TestKeys() {
    }

    /** Same private scalar (EC) or same modulus and private exponent (RSA). */
    static boolean same(PrivateKey a, PrivateKey b) {
        if (a instanceof ECPrivateKey x && b instanceof ECPrivateKey y) {
            return x.getS().equals(y.getS());
        }
        if (a instanceof RSAPrivateKey x && b instanceof RSAPrivateKey y) {
            return x.getModulus().equals(y.getModulus()) && x.getPrivateExponent().equals(y.getPrivateExponent());
        }
        return false;
    }
}
