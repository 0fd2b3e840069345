package dev.kmipjca.transport;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** Request and response frames for the transport tests: a header and an opaque body. */
final class Frames {
    static final int REQUEST_MESSAGE = 0x420078;
    static final int RESPONSE_MESSAGE = 0x42007B;

    private Frames() {
    }

    /**
     * A Request Message whose body is one Integer item (tag 0x42006A) carrying {@code id}, padded with
     * {@code extraBody} zero bytes (a multiple of 8).
     */
    static byte[] request(int id, int extraBody) {
        ByteBuffer b = ByteBuffer.allocate(8 + 16 + extraBody);
        b.putInt(REQUEST_MESSAGE << 8 | 0x01).putInt(16 + extraBody);
        b.putInt(0x42006A << 8 | 0x02).putInt(4).putInt(id).putInt(0);
        return b.array();
    }

    /** The id carried by {@link #request}, read from a request or its echoed response. */
    static int id(byte[] frame) {
        return ByteBuffer.wrap(frame).getInt(16);
    }

    /** The same bytes with the tag of a Response Message. */
    static byte[] asResponse(byte[] request) {
        byte[] r = Arrays.copyOf(request, request.length);
        r[0] = 0x42;
        r[1] = 0x00;
        r[2] = 0x7B;
        return r;
    }

    /** A header with this tag, type and length, followed by {@code body} bytes. */
    static byte[] header(int tag, int type, long length, int body) {
        ByteBuffer b = ByteBuffer.allocate(8 + body);
        b.putInt(tag << 8 | type).putInt((int) length);
        return b.array();
    }
}
