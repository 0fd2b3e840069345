package dev.kmipjca.client;

import java.util.List;

/**
 * What Locate returned: the Unique Identifiers found (in the server's order; PyKMIP lists the newest
 * first) and, from KMIP 1.3, the total number of matches ({@code null} when the server did not say).
 */
public record LocateResult(List<String> uniqueIdentifiers, Integer locatedItems) {
    public LocateResult {
        uniqueIdentifiers = List.copyOf(uniqueIdentifiers);
    }
}
