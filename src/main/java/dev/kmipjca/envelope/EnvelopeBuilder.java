package dev.kmipjca.envelope;

import dev.kmipjca.config.BulkProvider;
import dev.kmipjca.config.KmipSettings;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Builds an {@link Envelope}. The defaults are those of the {@code kmip.dataKey*} settings
 * (docs/configuration.md): a data key serves at most 2^24 messages, 2^36 bytes and 300 seconds; at most
 * 1000 unwrapped keys are cached for decryption, each for at most 300 seconds; segments are 64 KiB;
 * bulk encryption is {@code kmip.bulkProvider=auto}: ACCP's AES/GCM/NoPadding when ACCP is present and
 * healthy, else SunJCE's ({@link BulkProviders}). Not thread-safe.
 */
public final class EnvelopeBuilder {
    private static final long MAX_MESSAGES = 1L << 32;
    private static final long MAX_BYTES = 1L << 48;
    private static final Duration MAX_AGE = Duration.ofDays(1);
    private static final int MAX_CACHE_SIZE = 100_000;

    final KeyWrapService service;
    String masterKeyId;
    int segmentSize = Layout.DEFAULT_SEGMENT_BYTES;
    Provider provider;
    BulkProvider bulkSetting = BulkProvider.AUTO;
    long maxMessages = KmipSettings.DEFAULT_DATA_KEY_MAX_MESSAGES;
    long maxBytes = KmipSettings.DEFAULT_DATA_KEY_MAX_BYTES;
    Duration maxAge = Duration.ofSeconds(KmipSettings.DEFAULT_DATA_KEY_MAX_AGE_SECONDS);
    int cacheSize = KmipSettings.DEFAULT_DATA_KEY_CACHE_SIZE;
    Duration cacheMaxAge = Duration.ofSeconds(KmipSettings.DEFAULT_DATA_KEY_CACHE_MAX_AGE_SECONDS);
    LongSupplier clock = System::nanoTime;
    SecureRandom random;

    EnvelopeBuilder(KeyWrapService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    /** The master key that wraps new data keys; without one, the envelope only decrypts. */
    public EnvelopeBuilder masterKeyId(String id) {
        this.masterKeyId = id;
        return this;
    }

    /** Takes the five {@code kmip.dataKey*} limits and {@code kmip.bulkProvider} from validated settings. */
    public EnvelopeBuilder settings(KmipSettings s) {
        bulkSetting = s.bulkProvider();
        maxMessages = s.dataKeyMaxMessages();
        maxBytes = s.dataKeyMaxBytes();
        maxAge = Duration.ofSeconds(s.dataKeyMaxAgeSeconds());
        cacheSize = s.dataKeyCacheSize();
        cacheMaxAge = Duration.ofSeconds(s.dataKeyCacheMaxAgeSeconds());
        return this;
    }

    /** Most messages (a stream is one) per data key: 1 to 2^32. */
    public EnvelopeBuilder dataKeyMaxMessages(long messages) {
        this.maxMessages = messages;
        return this;
    }

    /** Most plaintext bytes per data key: 1 to 2^48. */
    public EnvelopeBuilder dataKeyMaxBytes(long bytes) {
        this.maxBytes = bytes;
        return this;
    }

    /** Age after which a data key no longer starts messages: positive, at most a day. */
    public EnvelopeBuilder dataKeyMaxAge(Duration age) {
        this.maxAge = Objects.requireNonNull(age, "age");
        return this;
    }

    /** Unwrapped data keys kept for decryption: 0 (none) to 100000. */
    public EnvelopeBuilder dataKeyCacheSize(int entries) {
        this.cacheSize = entries;
        return this;
    }

    /** Age after which an unwrapped data key is dropped: positive, at most a day. */
    public EnvelopeBuilder dataKeyCacheMaxAge(Duration age) {
        this.cacheMaxAge = Objects.requireNonNull(age, "age");
        return this;
    }

    /** Plaintext bytes per segment of the segmented envelopes written: 64 to 16 MiB. */
    public EnvelopeBuilder segmentSizeBytes(int bytes) {
        this.segmentSize = bytes;
        return this;
    }

    /**
     * Who does the bulk AES-256-GCM ({@code kmip.bulkProvider}): {@code AUTO} (the default) ACCP when
     * present and healthy, else SunJCE; {@code SUNJCE}; or {@code ACCP}, required ({@link #build()} fails
     * when it is not usable). See {@link BulkProviders}. A provider given to {@link #bulkProvider(Provider)}
     * takes precedence.
     */
    public EnvelopeBuilder bulkProvider(BulkProvider setting) {
        this.bulkSetting = Objects.requireNonNull(setting, "setting");
        return this;
    }

    /**
     * A JCA provider of {@code AES/GCM/NoPadding} for bulk data, used as it is (not registered, not
     * tested); null (the default) means {@link #bulkProvider(BulkProvider) the setting} chooses.
     */
    public EnvelopeBuilder bulkProvider(Provider p) {
        this.provider = p;
        return this;
    }

    /** The bulk provider: the one given, else the setting's choice. */
    BulkProviderChoice bulkChoice() {
        return provider != null ? BulkProviders.given(provider) : BulkProviders.select(bulkSetting);
    }

    /** For tests: the time source, in nanoseconds. */
    EnvelopeBuilder clock(LongSupplier nanos) {
        this.clock = Objects.requireNonNull(nanos, "clock");
        return this;
    }

    /** For tests: the source of data keys, nonces and salts. */
    EnvelopeBuilder random(SecureRandom r) {
        this.random = r;
        return this;
    }

    /**
     * @throws IllegalArgumentException naming the first value that breaks its rule
     * @throws IllegalStateException when {@code kmip.bulkProvider=ACCP} and ACCP is not usable
     */
    public Envelope build() {
        if (masterKeyId != null) {
            int n = masterKeyId.getBytes(StandardCharsets.UTF_8).length;
            require(n >= 1 && n <= WrappedKey.MAX_KEY_ID_BYTES, "masterKeyId must be 1 to 255 UTF-8 bytes, was " + n);
        }
        require(maxMessages >= 1 && maxMessages <= MAX_MESSAGES, "dataKeyMaxMessages must be 1 to 2^32, was " + maxMessages);
        require(maxBytes >= 1 && maxBytes <= MAX_BYTES, "dataKeyMaxBytes must be 1 to 2^48, was " + maxBytes);
        require(positive(maxAge), "dataKeyMaxAge must be positive and at most a day, was " + maxAge);
        require(cacheSize >= 0 && cacheSize <= MAX_CACHE_SIZE, "dataKeyCacheSize must be 0 to 100000, was " + cacheSize);
        require(positive(cacheMaxAge), "dataKeyCacheMaxAge must be positive and at most a day, was " + cacheMaxAge);
        require(segmentSize >= Layout.MIN_SEGMENT_BYTES && segmentSize <= Layout.MAX_SEGMENT_BYTES,
                "segmentSizeBytes must be 64 to 16777216, was " + segmentSize);
        if (random == null) {
            random = JdkRandom.create();
        }
        return new Envelope(this, new Limits(maxMessages, maxBytes, maxAge.toNanos(), cacheSize, cacheMaxAge.toNanos()));
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero() && d.compareTo(MAX_AGE) <= 0;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
