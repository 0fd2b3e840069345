package dev.kmipjca.client;

import dev.kmipjca.protocol.Bytes;

/**
 * What Encrypt returned: the ciphertext, the IV/counter/nonce the server used (present when the server
 * chose it; PyKMIP then uses 16 random bytes even for GCM), and the authentication tag of an AEAD
 * mode (KMIP 1.4 and later). {@code iv} and {@code tag} are null when the server sent none.
 */
public record EncryptResult(Bytes ciphertext, Bytes iv, Bytes tag) {}
