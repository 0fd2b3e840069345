/**
 * The KMIP client: {@link dev.kmipjca.client.KmipClient}, one method per operation with typed results,
 * over a {@code dev.kmipjca.transport.KmipTransport}. It knows nothing of the JCA.
 *
 * <h2>Rules it follows</h2>
 * <ul>
 *   <li><b>Version negotiation</b> on first contact with each server (cached per server): Discover
 *       Versions offers the versions of 2.1, 2.0, 1.4, 1.3, 1.2, 1.1, 1.0 that lie within
 *       {@code kmip.protocolVersionMin/Max}, and the highest in common wins. A server that answers
 *       Invalid Message to an unknown header version is asked again under the next lower one; a server
 *       without Discover Versions speaks 1.0. A pinned range (min = max) is used without asking.
 *       Responses are decoded with Date-Time Extended allowed from 2.0 only.</li>
 *   <li><b>Every response is checked against its request</b>: each request item carries a Unique
 *       Batch Item ID (single requests too), and each response item must answer one of them, once,
 *       for the same Operation and, where it names one, the same object; the item count and the
 *       protocol major version must match. A mismatch is a {@link dev.kmipjca.client.ResponseMismatchException},
 *       which makes the transport discard the connection. One failed item without Operation is a
 *       message-level failure and answers any request.</li>
 *   <li><b>Idempotency</b>: Get, Get Attributes, Get Attribute List, Locate, Query, Discover Versions,
 *       Encrypt and Decrypt are repeated on the next server after a connection failure; Create,
 *       Register, Re-key, Activate, Revoke, Destroy and attribute changes are not (their outcome is
 *       then unknown).</li>
 *   <li><b>What is not sent</b>: no Client Correlation Value, no attestation, no streaming fields, no
 *       Time Stamp (PyKMIP rejects requests whose Time Stamp is ahead of its clock).</li>
 *   <li><b>Observability</b>: each round trip logs one DEBUG line on {@code dev.kmipjca.client}
 *       (operations, server, version, bytes, duration, result; never payload bytes) and emits the JFR
 *       event {@code dev.kmipjca.RoundTrip}; {@link dev.kmipjca.client.KmipClient#roundTrips()} counts
 *       them.</li>
 *   <li><b>Secrets</b>: key bytes and plaintexts come back in {@link dev.kmipjca.client.KeyMaterial}
 *       and {@link dev.kmipjca.client.RetrievedObject}, which callers close to zero them; request and
 *       response buffers that carried secrets are zeroed after use.</li>
 * </ul>
 */
package dev.kmipjca.client;
