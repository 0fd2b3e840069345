package dev.kmipjca.protocol;

import dev.kmipjca.ttlv.Tag;
import java.util.List;

/**
 * A KMIP protocol version (Protocol Version structure: Major, Minor). Versions order by major, then
 * minor, as integers; never as decimal fractions ("1.10" would follow "1.9").
 */
public record ProtocolVersion(
        @TtlvField(value = Tag.PROTOCOL_VERSION_MAJOR, required = true) int major,
        @TtlvField(value = Tag.PROTOCOL_VERSION_MINOR, required = true) int minor)
        implements Comparable<ProtocolVersion> {

    public static final ProtocolVersion V1_0 = new ProtocolVersion(1, 0);
    public static final ProtocolVersion V1_1 = new ProtocolVersion(1, 1);
    public static final ProtocolVersion V1_2 = new ProtocolVersion(1, 2);
    public static final ProtocolVersion V1_3 = new ProtocolVersion(1, 3);
    public static final ProtocolVersion V1_4 = new ProtocolVersion(1, 4);
    public static final ProtocolVersion V2_0 = new ProtocolVersion(2, 0);
    public static final ProtocolVersion V2_1 = new ProtocolVersion(2, 1);

    /** The versions this package encodes and decodes, newest first. */
    public static final List<ProtocolVersion> SUPPORTED = List.of(V2_1, V2_0, V1_4, V1_3, V1_2, V1_1, V1_0);

    public ProtocolVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("protocol version " + major + "." + minor + " is negative");
        }
    }

    /** Parses "1.4". */
    public static ProtocolVersion parse(String text) {
        int dot = text.indexOf('.');
        if (dot < 1 || dot == text.length() - 1) {
            throw new IllegalArgumentException("protocol version \"" + text + "\" is not MAJOR.MINOR");
        }
        try {
            return new ProtocolVersion(Integer.parseInt(text.substring(0, dot)), Integer.parseInt(text.substring(dot + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("protocol version \"" + text + "\" is not MAJOR.MINOR", e);
        }
    }

    @Override
    public int compareTo(ProtocolVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    public boolean isAtLeast(ProtocolVersion other) {
        return compareTo(other) >= 0;
    }

    public boolean isBefore(ProtocolVersion other) {
        return compareTo(other) < 0;
    }

    /** True for KMIP 2.0 and later, which use the Attributes structure instead of Template-Attribute. */
    public boolean isKmip2() {
        return major >= 2;
    }

    /** True when this package knows how to encode this version (major 1 or 2). */
    public boolean isSupportedMajor() {
        return major == 1 || major == 2;
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
