package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.APPLICATION_NAMESPACE;
import static dev.kmipjca.ttlv.Tag.ATTESTATION_TYPE;
import static dev.kmipjca.ttlv.Tag.EXTENSION_INFORMATION;
import static dev.kmipjca.ttlv.Tag.OBJECT_TYPE;
import static dev.kmipjca.ttlv.Tag.OPERATION;
import static dev.kmipjca.ttlv.Tag.QUERY_FUNCTION;
import static dev.kmipjca.ttlv.Tag.SERVER_INFORMATION;
import static dev.kmipjca.ttlv.Tag.VENDOR_IDENTIFICATION;

import dev.kmipjca.ttlv.Ttlv;
import java.util.List;

/** Query: what the server supports. */
public final class Query {
    private Query() {}

    public record Request(@TtlvField(QUERY_FUNCTION) List<QueryFunction> queryFunctions) implements RequestPayload {
        public Request {
            queryFunctions = Lists.copy(queryFunctions);
        }

        public static Request of(QueryFunction... functions) {
            return new Request(List.of(functions));
        }
    }

    /**
     * The fields the client uses are typed; Server Information stays raw (its content is vendor
     * specific) and the later fields (RNG Parameters, Profile Information, Validation Information,
     * Capability Information, Client Registration Methods, Defaults Information, Protection Storage
     * Masks …) are kept in {@code extensions}, in order.
     */
    public record Response(
            @TtlvField(OPERATION) List<Operation> operations,
            @TtlvField(OBJECT_TYPE) List<ObjectType> objectTypes,
            @TtlvField(VENDOR_IDENTIFICATION) String vendorIdentification,
            @TtlvField(SERVER_INFORMATION) Ttlv serverInformation,
            @TtlvField(APPLICATION_NAMESPACE) List<String> applicationNamespaces,
            @TtlvField(value = EXTENSION_INFORMATION, since = "1.1") List<Ttlv> extensionInformation,
            @TtlvField(value = ATTESTATION_TYPE, since = "1.2") List<AttestationType> attestationTypes,
            @TtlvField.Extensions List<Ttlv> extensions) implements ResponsePayload {

        public Response {
            operations = Lists.copy(operations);
            objectTypes = Lists.copy(objectTypes);
            applicationNamespaces = Lists.copy(applicationNamespaces);
            extensionInformation = Lists.copy(extensionInformation);
            attestationTypes = Lists.copy(attestationTypes);
            extensions = Lists.copy(extensions);
        }

        /** The answer to Query Operations and Query Objects. */
        public static Response of(List<Operation> operations, List<ObjectType> objectTypes, String vendorIdentification) {
            return new Response(operations, objectTypes, vendorIdentification, null, null, null, null, null);
        }
    }
}
