/**
 * Envelope encryption: data encrypted locally with AES-256-GCM under data keys, which the master key
 * on the KMIP server wraps. The format is in docs/envelope-format.md.
 *
 * <p>Public surface:
 * <ul>
 *   <li>{@link dev.kmipjca.envelope.Envelope}, built by {@link dev.kmipjca.envelope.EnvelopeBuilder}:
 *       {@code encrypt}/{@code decrypt} of byte arrays, {@code encryptingStream}/{@code decryptingStream},
 *       and the incremental {@link dev.kmipjca.envelope.EnvelopeEncryptor} and
 *       {@link dev.kmipjca.envelope.EnvelopeDecryptor} for the JCA Cipher;</li>
 *   <li>{@link dev.kmipjca.envelope.EnvelopeHeader}: read a header, name its master key, re-wrap it;</li>
 *   <li>{@link dev.kmipjca.envelope.KeyWrapService}, {@link dev.kmipjca.envelope.WrappedKey} and
 *       {@link dev.kmipjca.envelope.KeyWrapException}: the master key as the envelope sees it;</li>
 *   <li>{@link dev.kmipjca.envelope.EnvelopeFormatException}: a malformed header, with the offset.</li>
 * </ul>
 * Everything else (header codec, key derivation, the two data-key caches, segments, cipher pooling,
 * JIT priming) is package-private.
 */
package dev.kmipjca.envelope;
