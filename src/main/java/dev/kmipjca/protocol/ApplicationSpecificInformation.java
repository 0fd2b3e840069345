package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.APPLICATION_DATA;
import static dev.kmipjca.ttlv.Tag.APPLICATION_NAMESPACE;

/** The Application Specific Information attribute (Application Data is optional from KMIP 1.3). */
public record ApplicationSpecificInformation(
        @TtlvField(value = APPLICATION_NAMESPACE, required = true) String applicationNamespace,
        @TtlvField(APPLICATION_DATA) String applicationData) {}
