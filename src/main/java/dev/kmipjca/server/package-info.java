/**
 * The development KMIP server: {@link dev.kmipjca.server.DevServer}, configured by
 * {@link dev.kmipjca.server.DevServerConfig}, with optional {@link dev.kmipjca.server.Faults}.
 * For development, tests and the demo; not for production (docs/dev-server.md says why).
 *
 * <p>Layers inside: {@code Listener} and {@code Connection} (TLS, framing, faults),
 * {@code RequestHandler} (message level: versions, batches, errors), {@code Operations} (one handler
 * class per group of operations), {@code ObjectStore} and {@code ObjectFiles} (objects, one file
 * each, sealed by {@code StorageKey}). Imports only ttlv, protocol, config and transport.
 */
package dev.kmipjca.server;
