package dev.kmipjca.client;

import static dev.kmipjca.protocol.ProtocolVersion.V1_0;
import static dev.kmipjca.protocol.ProtocolVersion.V1_1;
import static dev.kmipjca.protocol.ProtocolVersion.V1_2;
import static dev.kmipjca.protocol.ProtocolVersion.V1_3;
import static dev.kmipjca.protocol.ProtocolVersion.V1_4;
import static dev.kmipjca.protocol.ProtocolVersion.V2_0;
import static dev.kmipjca.protocol.ProtocolVersion.V2_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.protocol.DiscoverVersions;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.Messages;
import dev.kmipjca.protocol.QueryFunction;
import dev.kmipjca.protocol.RequestMessage;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.transport.BadResponseException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NegotiationTest {
    @TempDir
    Path dir;

    @Test
    void serverRefusingHeader21WithInvalidMessage_isAskedAgainUnder20_andSpeaks20() throws Exception {
        try (Harness h = Harness.start(dir)) {
            h.server.acceptedHeaders = Set.of(V2_0, V1_4, V1_3, V1_2, V1_1, V1_0);

            assertEquals(V2_0, h.client.protocolVersion());

            assertEquals(List.of(V2_1, V2_0), h.server.headers);
            assertEquals(2, h.client.roundTrips());
        }
    }

    @Test
    void discoverVersions_offersEveryVersionOfTheRangeNewestFirst_underTheHighestHeader() throws Exception {
        try (Harness h = Harness.start(dir)) {
            h.kmip.versions = List.of(V2_1, V2_0, V1_4);

            assertEquals(V2_1, h.client.protocolVersion());

            RequestMessage dv = h.server.lastRequest();
            assertEquals(V2_1, dv.version());
            assertEquals(List.of(V2_1, V2_0, V1_4, V1_3, V1_2, V1_1, V1_0),
                    ((DiscoverVersions.Request) dv.batchItems().get(0).payload()).protocolVersions());
            assertEquals(1, h.client.roundTrips());
        }
    }

    @Test
    void serverWithoutDiscoverVersions_isTreatedAsKmip10() throws Exception {
        try (Harness h = Harness.start(dir)) {
            h.server.acceptedHeaders = Set.of(V1_4, V1_3, V1_2, V1_1, V1_0);
            h.kmip.discoverVersions = false;

            assertEquals(V1_0, h.client.protocolVersion());
            h.client.query(QueryFunction.QUERY_OPERATIONS);

            assertEquals(List.of(V2_1, V2_0, V1_4, V1_0), h.server.headers);
        }
    }

    @Test
    void pinnedRange_isUsedWithoutDiscoverVersions() throws Exception {
        try (Harness h = Harness.pinned(dir, "1.4")) {
            h.client.query(QueryFunction.QUERY_OPERATIONS);

            assertEquals(List.of("Query"), h.server.operations());
            assertEquals(List.of(V1_4), h.server.headers);
            assertEquals(1, h.client.roundTrips());
        }
    }

    @Test
    void range_limitsTheOfferAndTheHeader() throws Exception {
        try (Harness h = Harness.start(dir, b -> b.protocolVersionMin("1.2").protocolVersionMax("1.4"))) {
            assertEquals(V1_4, h.client.protocolVersion());

            RequestMessage dv = h.server.lastRequest();
            assertEquals(V1_4, dv.version());
            assertEquals(List.of(V1_4, V1_3, V1_2),
                    ((DiscoverVersions.Request) dv.batchItems().get(0).payload()).protocolVersions());
        }
    }

    @Test
    void noVersionInCommon_failsWithUnsupportedProtocolVersionNamingBothSides() throws Exception {
        try (Harness h = Harness.start(dir, b -> b.protocolVersionMin("1.0").protocolVersionMax("1.2"))) {
            h.kmip.versions = List.of(V2_0, V1_4);

            KmipResultException e = assertThrows(KmipResultException.class, h.client::protocolVersion);

            assertEquals(ResultReason.UNSUPPORTED_PROTOCOL_VERSION, e.reason());
            assertEquals("127.0.0.1:" + h.server.port(), e.server());
            assertTrue(e.getMessage().contains("no KMIP version in common: the server supports none of [1.2, 1.1, 1.0]"
                    + " (kmip.protocolVersionMin/Max)"), e.getMessage());
        }
    }

    @Test
    void serverWithoutDiscoverVersions_whenTheMinimumExcludes10_failsSayingSo() throws Exception {
        try (Harness h = Harness.start(dir, b -> b.protocolVersionMin("1.1"))) {
            h.kmip.discoverVersions = false;

            KmipResultException e = assertThrows(KmipResultException.class, h.client::protocolVersion);

            assertEquals(ResultReason.UNSUPPORTED_PROTOCOL_VERSION, e.reason());
            assertTrue(e.getMessage().contains("it does not support Discover Versions, so it speaks KMIP 1.0,"
                    + " and kmip.protocolVersionMin excludes 1.0"), e.getMessage());
        }
    }

    @Test
    void versionListedAtOrAboveARefusedHeader_isNotChosen() throws Exception {
        try (Harness h = Harness.start(dir)) {
            h.server.acceptedHeaders = Set.of(V1_4, V1_3, V1_2, V1_1, V1_0);

            assertEquals(V1_4, h.client.protocolVersion(), "the server lists 2.0 but refused a 2.0 header");
        }
    }

    @Test
    void otherFailureDuringNegotiation_isReportedAsIs_andNothingIsCached() throws Exception {
        try (Harness h = Harness.start(dir)) {
            h.server.nextFault = r -> Messages.errorResponse(V1_0,
                    ResultReason.AUTHENTICATION_NOT_SUCCESSFUL, "Error verifying the client certificate.");

            KmipResultException e = assertThrows(KmipResultException.AuthenticationNotSuccessful.class,
                    h.client::protocolVersion);
            assertTrue(e.getMessage().startsWith("KMIP Discover Versions failed: Authentication Not Successful"
                    + " (0x00000003): Error verifying the client certificate."), e.getMessage());

            assertEquals(V2_0, h.client.protocolVersion(), "negotiated afresh on the next call");
        }
    }

    @Test
    void negotiatedVersion_isCachedPerServer() throws Exception {
        try (Harness h = Harness.start(dir)) {
            h.client.query(QueryFunction.QUERY_OPERATIONS);
            h.client.query(QueryFunction.QUERY_OPERATIONS);

            assertEquals(List.of("Discover Versions", "Query", "Query"), h.server.operations());
            assertEquals(V2_0, h.client.protocolVersion(h.client.servers().get(0)));
            assertEquals(3, h.client.roundTrips());
        }
    }

    @Test
    void dateTimeExtendedInA1xResponse_isRefusedAsMalformed() throws Exception {
        try (Harness h = Harness.pinned(dir, "1.4")) {
            h.server.nextRawFault = NegotiationTest::timeStampAsDateTimeExtended;

            BadResponseException e = assertThrows(BadResponseException.class,
                    () -> h.client.query(QueryFunction.QUERY_OPERATIONS));

            assertTrue(e.getMessage().startsWith("malformed response from 127.0.0.1:" + h.server.port()
                    + ": invalid TTLV at offset "), e.getMessage());
            assertTrue(e.getMessage().contains("Time Stamp"), e.getMessage());
        }
    }

    @Test
    void dateTimeExtendedInA20Response_isAccepted() throws Exception {
        try (Harness h = Harness.pinned(dir, "2.0")) {
            h.server.nextRawFault = NegotiationTest::timeStampAsDateTimeExtended;

            h.client.query(QueryFunction.QUERY_OPERATIONS);
        }
    }

    /** Rewrites the response header's Time Stamp (0x420092, Date-Time) as a Date-Time Extended item. */
    static byte[] timeStampAsDateTimeExtended(byte[] response) {
        for (int i = 0; i + 3 < response.length; i += 8) {
            if (response[i] == 0x42 && response[i + 1] == 0x00 && response[i + 2] == (byte) 0x92 && response[i + 3] == 0x09) {
                response[i + 3] = 0x0B;
                return response;
            }
        }
        throw new AssertionError("no Time Stamp in the response");
    }

}
