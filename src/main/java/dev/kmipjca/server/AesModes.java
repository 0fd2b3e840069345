package dev.kmipjca.server;

import dev.kmipjca.protocol.BlockCipherMode;
import dev.kmipjca.protocol.CryptographicParameters;
import dev.kmipjca.protocol.PaddingMethod;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.ResultReason;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES modes of Encrypt and Decrypt, all through the JDK's SunJCE:
 * <ul>
 *   <li>GCM ({@code AES/GCM/NoPadding}): IV from the request or 12 random bytes (IV Length, in bits,
 *       picks another length); Tag Length in bytes, 12 to 16, default 16; the Authenticated
 *       Encryption Additional Data is authenticated. KMIP 1.4 and later (the tag travels in fields
 *       of 1.4).</li>
 *   <li>CBC ({@code AES/CBC/PKCS5Padding}, or {@code NoPadding} with Padding Method None): 16-byte IV,
 *       random when not given.</li>
 *   <li>CTR ({@code AES/CTR/NoPadding}): 16-byte initial counter block, random when not given.</li>
 *   <li>NIST Key Wrap ({@code AESWrap}, RFC 3394) and AES Key Wrap with Padding ({@code AESWrapPad},
 *       RFC 5649): no IV.</li>
 * </ul>
 */
final class AesModes {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesModes() {}

    /** The result of an encryption: ciphertext, the IV when the server chose it, the GCM tag. */
    record Sealed(byte[] data, byte[] generatedIv, byte[] tag) {}

    static Sealed encrypt(ProtocolVersion v, SecretKeySpec key, CryptographicParameters p, byte[] data, byte[] iv,
            byte[] aad) {
        BlockCipherMode mode = mode(p);
        byte[] generated = null;
        if (iv == null && needsIv(mode)) {
            generated = new byte[ivBytes(mode, p)];
            RANDOM.nextBytes(generated);
            iv = generated;
        }
        try {
            Cipher c = cipher(v, mode, p, Cipher.ENCRYPT_MODE, key, iv, aad);
            byte[] out = c.doFinal(data);
            if (mode.equals(BlockCipherMode.GCM)) {
                int tagBytes = tagLength(p);
                return new Sealed(Arrays.copyOf(out, out.length - tagBytes), generated,
                        Arrays.copyOfRange(out, out.length - tagBytes, out.length));
            }
            return new Sealed(out, generated, null);
        } catch (IllegalBlockSizeException e) {
            throw KmipFailure.invalidField("the Data does not fit " + mode + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw KmipFailure.crypto(mode + " encryption failed: " + e.getMessage());
        }
    }

    static byte[] decrypt(ProtocolVersion v, SecretKeySpec key, CryptographicParameters p, byte[] data, byte[] iv,
            byte[] aad, byte[] tag) {
        BlockCipherMode mode = mode(p);
        if (iv == null && needsIv(mode)) {
            throw new KmipFailure(v.isKmip2() ? ResultReason.MISSING_INITIALIZATION_VECTOR : ResultReason.MISSING_DATA,
                    mode + " decryption needs the IV/Counter/Nonce");
        }
        byte[] input = data;
        if (mode.equals(BlockCipherMode.GCM)) {
            if (tag == null) {
                throw KmipFailure.missing("GCM decryption needs the Authenticated Encryption Tag");
            }
            if (tag.length != tagLength(p)) {
                throw KmipFailure.invalidField("the Authenticated Encryption Tag has " + tag.length
                        + " bytes, the Tag Length is " + tagLength(p));
            }
            input = Arrays.copyOf(data, data.length + tag.length);
            System.arraycopy(tag, 0, input, data.length, tag.length);
        }
        boolean keyWrap = mode.equals(BlockCipherMode.NIST_KEY_WRAP) || mode.equals(BlockCipherMode.AES_KEY_WRAP_PADDING);
        if (keyWrap && (data.length % 8 != 0 || data.length < 16)) {
            throw KmipFailure.invalidField(mode + " ciphertext must be a multiple of 8 bytes, at least 16; got "
                    + data.length);
        }
        try {
            return cipher(v, mode, p, Cipher.DECRYPT_MODE, key, iv, aad).doFinal(input);
        } catch (IllegalBlockSizeException e) {
            if (keyWrap) {
                throw KmipFailure.crypto(mode + " integrity check failed: wrong key or damaged ciphertext");
            }
            throw KmipFailure.invalidField("the Data does not fit " + mode + ": " + e.getMessage());
        } catch (AEADBadTagException e) {
            throw KmipFailure.crypto("GCM authentication failed: wrong key, IV, additional data, tag or ciphertext");
        } catch (BadPaddingException e) {
            throw KmipFailure.crypto(mode + " decryption failed: bad padding or integrity check");
        } catch (GeneralSecurityException e) {
            throw KmipFailure.crypto(mode + " decryption failed: " + e.getMessage());
        }
    }

    private static BlockCipherMode mode(CryptographicParameters p) {
        if (p.blockCipherMode() == null) {
            throw KmipFailure.missing("the Cryptographic Parameters need a Block Cipher Mode");
        }
        return p.blockCipherMode();
    }

    private static boolean needsIv(BlockCipherMode mode) {
        return mode.equals(BlockCipherMode.GCM) || mode.equals(BlockCipherMode.CBC) || mode.equals(BlockCipherMode.CTR);
    }

    private static int ivBytes(BlockCipherMode mode, CryptographicParameters p) {
        if (mode.equals(BlockCipherMode.GCM)) {
            Integer bits = p.ivLength();
            if (bits != null && (bits <= 0 || bits % 8 != 0 || bits > 1024)) {
                throw KmipFailure.invalidField("IV Length " + bits + " bits is not usable for GCM");
            }
            return bits == null ? 12 : bits / 8;
        }
        return 16;
    }

    private static int tagLength(CryptographicParameters p) {
        Integer t = p.tagLength();
        if (t == null) {
            return 16;
        }
        if (t < 12 || t > 16) {
            throw KmipFailure.invalidField("Tag Length " + t + " bytes is not supported; use 12 to 16");
        }
        return t;
    }

    private static Cipher cipher(ProtocolVersion v, BlockCipherMode mode, CryptographicParameters p, int op,
            SecretKeySpec key, byte[] iv, byte[] aad) throws GeneralSecurityException {
        PaddingMethod padding = p.paddingMethod();
        if (aad != null && !mode.equals(BlockCipherMode.GCM)) {
            throw KmipFailure.invalidField("Authenticated Encryption Additional Data needs GCM, not " + mode);
        }
        if (mode.equals(BlockCipherMode.GCM)) {
            if (v.isBefore(ProtocolVersion.V1_4)) {
                throw KmipFailure.invalidField("GCM needs KMIP 1.4 or later (the tag and additional data are 1.4 fields)");
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(op, key, new GCMParameterSpec(tagLength(p) * 8, checkIv(iv, iv.length, mode)));
            if (aad != null) {
                c.updateAAD(aad);
            }
            return c;
        } else if (mode.equals(BlockCipherMode.CBC)) {
            String pad = padding == null || padding.equals(PaddingMethod.PKCS5) ? "PKCS5Padding"
                    : padding.equals(PaddingMethod.NONE) ? "NoPadding" : null;
            if (pad == null) {
                throw KmipFailure.invalidField("Padding Method " + padding + " is not supported with CBC; use PKCS5 or None");
            }
            Cipher c = Cipher.getInstance("AES/CBC/" + pad);
            c.init(op, key, new IvParameterSpec(checkIv(iv, 16, mode)));
            return c;
        } else if (mode.equals(BlockCipherMode.CTR)) {
            Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
            c.init(op, key, new IvParameterSpec(checkIv(iv, 16, mode)));
            return c;
        } else if (mode.equals(BlockCipherMode.NIST_KEY_WRAP) || mode.equals(BlockCipherMode.AES_KEY_WRAP_PADDING)) {
            if (iv != null) {
                throw KmipFailure.invalidField(mode + " takes no IV/Counter/Nonce");
            }
            Cipher c = Cipher.getInstance(mode.equals(BlockCipherMode.NIST_KEY_WRAP) ? "AESWrap" : "AESWrapPad");
            c.init(op, key);
            return c;
        }
        throw KmipFailure.invalidField("Block Cipher Mode " + mode + " is not supported; use GCM, CBC, CTR, NIST Key"
                + " Wrap or AES Key Wrap Padding");
    }

    private static byte[] checkIv(byte[] iv, int expected, BlockCipherMode mode) {
        if (iv.length != expected || iv.length == 0) {
            throw KmipFailure.invalidField(mode + " needs a " + expected + "-byte IV/Counter/Nonce, got " + iv.length);
        }
        return iv;
    }
}
