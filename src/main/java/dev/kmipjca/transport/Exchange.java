package dev.kmipjca.transport;

import java.io.IOException;

/**
 * The work done on one connection by {@link KmipTransport#execute}: usually one
 * {@link Connection#roundTrip} and the decoding of its answer.
 *
 * <p>Throw {@link BadResponseException} when the answer cannot be used (it cannot be decoded, or it
 * does not match the request); the connection is then discarded and the exception reaches the caller
 * without failover. An {@link IOException} means the connection failed; the transport then fails over
 * as {@link KmipTransport#execute} describes, so do not use IOException for anything else.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface Exchange<T> {
    T run(Connection connection) throws IOException, BadResponseException;
}
