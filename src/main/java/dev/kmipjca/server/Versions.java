package dev.kmipjca.server;

import dev.kmipjca.protocol.ProtocolVersion;

/** Which version the server answers in. */
final class Versions {
    private Versions() {}

    /** The request's version; a newer minor of a known major is answered in the newest minor the server has. */
    static ProtocolVersion answering(ProtocolVersion requested) {
        if (requested.major() == 1 && requested.isBefore(ProtocolVersion.V2_0)
                && requested.isAtLeast(ProtocolVersion.V1_4)) {
            return ProtocolVersion.V1_4;
        }
        if (requested.major() == 2 && requested.isAtLeast(ProtocolVersion.V2_1)) {
            return ProtocolVersion.V2_1;
        }
        return requested;
    }

    /**
     * The version in a request that could not be decoded, read from the fixed place where a Request
     * Message's header puts it (bytes 24 to 51), when it is there and supported; else 1.0.
     */
    static ProtocolVersion sniff(byte[] m) {
        int[] expect = {0x42, 0x00, 0x78, 0x01, -1, -1, -1, -1, 0x42, 0x00, 0x77, 0x01, -1, -1, -1, -1,
            0x42, 0x00, 0x69, 0x01, 0, 0, 0, 0x20, 0x42, 0x00, 0x6A, 0x02, 0, 0, 0, 4};
        if (m.length < 56) {
            return ProtocolVersion.V1_0;
        }
        for (int i = 0; i < expect.length; i++) {
            if (expect[i] >= 0 && (m[i] & 0xFF) != expect[i]) {
                return ProtocolVersion.V1_0;
            }
        }
        int major = readInt(m, 32);
        int minor = (m[40] == 0x42 && m[41] == 0x00 && m[42] == 0x6B && m[43] == 0x02) ? readInt(m, 48) : -1;
        if (minor < 0 || (major != 1 && major != 2)) {
            return ProtocolVersion.V1_0;
        }
        return answering(new ProtocolVersion(major, minor));
    }

    private static int readInt(byte[] m, int off) {
        return ((m[off] & 0xFF) << 24) | ((m[off + 1] & 0xFF) << 16) | ((m[off + 2] & 0xFF) << 8) | (m[off + 3] & 0xFF);
    }
}
