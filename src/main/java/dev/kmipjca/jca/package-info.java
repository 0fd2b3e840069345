/**
 * The JCA engines of the {@code KMIP} provider: {@code KeyStore "KMIP"} over the keystore file of
 * {@code dev.kmipjca.keystore}, {@code Cipher "AES/GCM/NoPadding"} and {@code "AES/CBC/PKCS5Padding"}
 * and {@code KeyGenerator "KMIP-AES"} over keys that stay on the KMIP server, and the key handles
 * ({@link dev.kmipjca.jca.KmipKey}) that stand for those keys. {@link dev.kmipjca.jca.Engines} is what
 * {@code dev.kmipjca.KmipProvider} registers; everything else is package-private. See
 * {@code docs/keystore.md} (aliases, entries, passwords) and {@code docs/security-model.md}.
 */
package dev.kmipjca.jca;
