package dev.kmipjca.envelope;

/**
 * The data-key cache limits, in the units the caches use.
 *
 * @param maxMessages messages (or streams) per data key on the encryption side
 * @param maxBytes plaintext bytes per data key on the encryption side
 * @param maxAgeNanos age after which the encryption side makes a new data key
 * @param cacheSize unwrapped keys kept for decryption; 0 keeps none
 * @param cacheMaxAgeNanos age after which an unwrapped key is dropped
 */
record Limits(long maxMessages, long maxBytes, long maxAgeNanos, int cacheSize, long cacheMaxAgeNanos) {
}
