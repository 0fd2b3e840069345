package dev.kmipjca.protocol;

/** Bits of the Storage Status Mask in Locate requests, an Integer (the Storage Status Mask table of the KMIP bit-mask sections). */
public final class StorageStatusMask {
    private StorageStatusMask() {}

    public static final int ON_LINE_STORAGE = 0x00000001;
    public static final int ARCHIVAL_STORAGE = 0x00000002;
    /** KMIP 2.0 and later. */
    public static final int DESTROYED_STORAGE = 0x00000004;
}
